// Parallel ingest (--jobs N): worker threads decode, read and code the inputs (code-worker.ts) while this
// thread reads their bytes, puts the results back in input order and hands them to the one writer
// (BatchWriter; for a SQLite file it stores in a thread of its own, writer-thread.ts). Error lines, counts and
// the store come out as the one-thread loop (run.ts) makes them.
import type { Worker } from "node:worker_threads";
import type { Repository } from "../store/repository.ts";
import type { Done, FromWorker, ToWorker } from "./code-worker.ts";
import { type IngestSummary, emptySummary, isInputError, problemName } from "./run.ts";
import { DEFAULT_LIMITS, type Input } from "./sources.ts";
import { tsWorker } from "./threads.ts";
import { BatchWriter, DEFAULT_BATCH, describeError } from "./writer.ts";
import { type WriterThread, writerThreadFor } from "./writer-thread.ts";

export interface ParallelHooks {
  /** Worker threads that read and code (at least 1). */
  jobs: number;
  /**
   * The largest input read whole (--max-mb; default 64 MB). Inputs read and not yet stored come to at most
   * twice this, counting an input of unknown size (a URL, standard input) at this until it is read; one input
   * alone always goes.
   */
  maxInputBytes?: number;
  onError(name: string, why: string): void;
  onProgress?(summary: IngestSummary): void;
}

interface Job {
  resolve(done: Done): void;
  reject(err: Error): void;
}

interface Handle {
  worker: Worker;
  ready: boolean;
  jobs: Map<number, Job>;
}

/** Up to `size` workers, started as work arrives; each input goes to the least busy one. */
class WorkerPool {
  private readonly handles: Handle[] = [];
  private fatal: Error | null = null;
  private closing = false;

  constructor(
    private readonly size: number,
    /** For each id, whether the article is already stored (then the worker does not code it). */
    private readonly known: (ids: string[]) => Promise<boolean[]>,
  ) {}

  run(seq: number, name: string, bytes: Buffer): Promise<Done> {
    if (this.fatal) return Promise.reject(this.fatal);
    const h = this.pick();
    return new Promise((resolve, reject) => {
      h.jobs.set(seq, { resolve, reject });
      // A Buffer that owns its memory whole (a file's or a large download's) moves to the worker, not copied,
      // and is empty here afterwards; a slice of Node's shared pool (a small read) goes as a copy of its own.
      const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      const send = owned ? new Uint8Array(bytes.buffer as ArrayBuffer) : new Uint8Array(bytes);
      this.post(h, { t: "job", seq, name, bytes: send }, [send.buffer]);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.handles.map((h) => h.worker.terminate()));
  }

  private post(h: Handle, m: ToWorker, transfer: ArrayBuffer[] = []): void {
    h.worker.postMessage(m, transfer);
  }

  private pick(): Handle {
    let best: Handle | null = null;
    for (const h of this.handles) if (!best || h.jobs.size < best.jobs.size) best = h;
    if (best && (best.jobs.size === 0 || this.handles.length >= this.size)) return best;
    return this.spawn();
  }

  private spawn(): Handle {
    const worker = tsWorker(new URL("./code-worker.ts", import.meta.url));
    const h: Handle = { worker, ready: false, jobs: new Map() };
    worker.on("message", (m: FromWorker) => {
      if (m.t === "ready") h.ready = true;
      else if (m.t === "parsed") {
        this.known(m.ids).then(
          (skip) => this.post(h, { t: "code", seq: m.seq, skip }),
          () => this.post(h, { t: "code", seq: m.seq, skip: m.ids.map(() => false) }),
        );
      } else {
        const job = h.jobs.get(m.seq);
        h.jobs.delete(m.seq);
        job?.resolve(m);
      }
    });
    worker.on("error", (err) => this.lost(h, err));
    worker.on("exit", (code) => this.lost(h, new Error(`exited with code ${code}`)));
    this.handles.push(h);
    return h;
  }

  /** A worker that dies before it is ready stops the ingest (bad data, say); one that dies later fails only
   * the inputs it held, and the next input starts a new one. */
  private lost(h: Handle, err: Error): void {
    const at = this.handles.indexOf(h);
    if (at < 0 || this.closing) return;
    this.handles.splice(at, 1);
    if (!h.ready) {
      this.fatal = new Error(`an ingest worker could not start: ${err.message}`);
      for (const job of h.jobs.values()) job.reject(this.fatal);
      return;
    }
    for (const [seq, job] of h.jobs)
      job.resolve({
        t: "done",
        seq,
        problems: [],
        read: false,
        slots: [],
        error: `unexpected error: the worker reading it stopped (${err.message})`,
      });
  }
}

/** After a batch is stored: the workers' questions that came meanwhile are answered before the next result is
 * taken (results already in would otherwise be taken first, and workers with nothing looked up would wait). */
const afterWrite = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Articles a writer thread with nothing to do takes as one transaction: a quarter of a full batch costs about
 * as much to store per article, and after the last article is coded at most two such remain to store. */
const WHEN_IDLE = 250;

interface Loaded {
  name: string;
  result: Promise<{ bytes: number; done: Done }>;
  /** Bytes it counts against the cap: its size, or the largest input until it is read. */
  held: number;
}

export class ParallelIngest {
  private readonly sum = emptySummary();
  private readonly writer: BatchWriter;
  private readonly thread: WriterThread | null;
  private readonly pool: WorkerPool;
  /** Problems found while listing inputs, each with the number of inputs listed before it. */
  private readonly notes: Array<{ before: number; name: string; why: string }> = [];
  private listed = 0;
  private applied = 0;
  /** Bytes of the inputs read (or being read) and not yet taken by the writer. */
  private held = 0;
  private maxHeld = 0;

  constructor(
    repo: Repository,
    private readonly hooks: ParallelHooks,
  ) {
    this.thread = writerThreadFor(repo);
    const onError = (name: string, why: string): void => hooks.onError(name, why);
    // A writer thread stores while the workers code: it takes what has come whenever it is free.
    this.writer = this.thread
      ? new BatchWriter(this.thread, this.sum, onError, { ...DEFAULT_BATCH, whenIdle: WHEN_IDLE })
      : new BatchWriter(repo, this.sum, onError);
    this.pool = new WorkerPool(Math.max(1, hooks.jobs), (ids) =>
      Promise.all(ids.map((id) => this.writer.known(id))),
    );
  }

  /** Reports a problem met while listing the inputs (a missing file), in its place among the inputs' own. */
  report(name: string, why: string): void {
    this.notes.push({ before: this.listed, name, why });
  }

  async run(inputs: AsyncIterable<Input>): Promise<IngestSummary> {
    const started = performance.now();
    // Enough inputs in flight to keep every worker busy while this thread waits for the oldest, and while it
    // is slow to answer them: when it stores a batch itself (a store without a writer thread; a transaction is
    // synchronous, and meanwhile no worker is answered which of its articles are new, so the workers code on
    // only through inputs handed out and looked up before it), or gets little of a busy machine's cores.
    const window = this.hooks.jobs * 4 + DEFAULT_BATCH.articles;
    // And no more bytes than twice the largest input: a folder of large files does not sit in memory whole.
    const largest = this.hooks.maxInputBytes ?? DEFAULT_LIMITS.maxBytes;
    const cap = 2 * largest;
    const queue: Loaded[] = [];
    try {
      for await (const input of inputs) {
        const claim = Math.min(input.size ?? largest, largest);
        while (queue.length > 0 && (queue.length >= window || this.held + claim > cap))
          await this.applyNext(queue, started);
        const entry: Loaded = { name: input.name, result: this.load(this.listed++, input), held: claim };
        this.hold(claim);
        // Once read, the input counts at its real size.
        entry.result.then(
          ({ bytes }) => {
            if (!queue.includes(entry)) return;
            this.hold(bytes - entry.held);
            entry.held = bytes;
          },
          () => {}, // awaited in order below; a rejection must not count as unhandled meanwhile
        );
        queue.push(entry);
      }
      while (queue.length > 0) await this.applyNext(queue, started);
      this.emitNotes(Infinity);
      await this.writer.finish();
    } finally {
      await this.pool.close();
      await this.thread?.close();
    }
    this.sum.seconds = (performance.now() - started) / 1000;
    return this.sum;
  }

  /** The most bytes of inputs held at once (read and not yet stored) in this run. */
  get peakHeldBytes(): number {
    return this.maxHeld;
  }

  private hold(bytes: number): void {
    this.held += bytes;
    this.maxHeld = Math.max(this.maxHeld, this.held);
  }

  private async load(seq: number, input: Input): Promise<{ bytes: number; done: Done }> {
    let buf: Buffer;
    try {
      buf = await input.load();
    } catch (err) {
      const error = describeError(err, isInputError);
      return { bytes: 0, done: { t: "done", seq, problems: [], read: false, slots: [], error } };
    }
    const bytes = buf.length; // before the buffer moves to a worker
    return { bytes, done: await this.pool.run(seq, input.name, buf) };
  }

  private emitNotes(upTo: number): void {
    while (this.notes.length > 0 && this.notes[0].before <= upTo) {
      const n = this.notes.shift()!;
      this.hooks.onError(n.name, n.why);
    }
  }

  /** Takes the oldest input's result into the summary and the writer, as the one-thread loop would. */
  private async applyNext(queue: Loaded[], started: number): Promise<void> {
    const entry = queue[0];
    const { name, result } = entry;
    const { bytes, done } = await result;
    queue.shift();
    this.hold(-entry.held);
    const sum = this.sum;
    this.emitNotes(this.applied++);
    sum.inputs++;
    sum.bytes += bytes;
    for (const p of done.problems) this.hooks.onError(problemName(name, p.where), p.why);
    if (done.read && done.slots.length === 0) sum.failed++;
    for (const slot of done.slots) {
      sum.articles++;
      if (slot.skipped || (slot.coded && (await this.writer.known(slot.id)))) sum.duplicates++;
      else if (slot.coded && (await this.writer.add({ ...slot.coded, input: name }))) await afterWrite();
    }
    if (done.error) {
      sum.failed++;
      this.hooks.onError(name, done.error);
    }
    sum.seconds = (performance.now() - started) / 1000;
    this.hooks.onProgress?.(sum);
  }
}
