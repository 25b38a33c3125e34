// One worker thread of a parallel ingest: decodes and reads each input it is sent, asks the writer which of
// its articles are new, codes those and sends them back. It never touches the store.
import { parentPort } from "node:worker_threads";
import { createCoder } from "../extract/coder.ts";
import type { Article, EventRecord } from "../store/types.ts";
import { decode } from "./decode.ts";
import { readDocument } from "./document.ts";
import type { RecordProblem } from "./formats/records.ts";
import { isInputError } from "./run.ts";
import { describeError } from "./writer.ts";

/** To the worker: an input's bytes; then, once the writer has looked, which of its articles to skip. */
export type ToWorker =
  { t: "job"; seq: number; name: string; bytes: Uint8Array } | { t: "code"; seq: number; skip: boolean[] };

/** One article of an input: coded, skipped (already stored), or the one the coder failed on (neither). */
export interface Slot {
  id: string;
  skipped: boolean;
  coded: { article: Article; events: EventRecord[] } | null;
}

export interface Done {
  t: "done";
  seq: number;
  problems: RecordProblem[];
  /** Whether the input was read as a document (false: it failed before that, see error). */
  read: boolean;
  slots: Slot[];
  error: string | null;
}

/** From the worker: ready (its coder is built); for each input the ids it holds (the writer answers with
 * "code"), then the result. */
export type FromWorker = { t: "ready" } | { t: "parsed"; seq: number; ids: string[] } | Done;

const port = parentPort;
if (!port) throw new Error("code-worker.ts runs only as a worker thread");
const coder = createCoder();
const read = new Map<number, { articles: Article[]; problems: RecordProblem[] }>();
const send = (m: FromWorker): void => port.postMessage(m);

async function onJob(seq: number, name: string, bytes: Uint8Array): Promise<void> {
  try {
    const { text } = decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const { articles, problems } = await readDocument(name, text);
    if (articles.length === 0) {
      send({ t: "done", seq, problems, read: true, slots: [], error: null });
      return;
    }
    read.set(seq, { articles, problems });
    send({ t: "parsed", seq, ids: articles.map((a) => a.id) });
  } catch (err) {
    send({ t: "done", seq, problems: [], read: false, slots: [], error: describeError(err, isInputError) });
  }
}

function onCode(seq: number, skip: boolean[]): void {
  const { articles, problems } = read.get(seq)!;
  read.delete(seq);
  const slots: Slot[] = [];
  let error: string | null = null;
  for (const [i, article] of articles.entries()) {
    if (skip[i]) {
      slots.push({ id: article.id, skipped: true, coded: null });
      continue;
    }
    try {
      slots.push({ id: article.id, skipped: false, coded: { article, events: coder(article) } });
    } catch (err) {
      // As in the one-thread loop: the articles before it stand, the rest of the input is not read.
      slots.push({ id: article.id, skipped: false, coded: null });
      error = describeError(err, isInputError);
      break;
    }
  }
  send({ t: "done", seq, problems, read: true, slots, error });
}

port.on("message", (m: ToWorker) => {
  if (m.t === "job") void onJob(m.seq, m.name, m.bytes);
  else onCode(m.seq, m.skip);
});
send({ t: "ready" });
