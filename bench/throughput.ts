// Throughput on one corpus, in this process: (a) a bare regex word scan, (b) wink-nlp's own pass with the
// pipes the pipeline uses, (c) the whole extraction without storing, (d) the whole ingest into SQLite.
import { readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
/* eslint-disable @typescript-eslint/unbound-method -- wink's its.* helpers are plain functions, not methods */
import winkNLP, { type ItemToken } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { createCoder, createConfiguration } from "../src/extract/coder.ts";
import type { Extractor } from "../src/extract/candidate.ts";
import { decode } from "../src/ingest/decode.ts";
import { readDocument } from "../src/ingest/document.ts";
import { ParallelIngest } from "../src/ingest/parallel.ts";
import { type IngestSummary, ingestInputs } from "../src/ingest/run.ts";
import { DEFAULT_LIMITS, expandInputs } from "../src/ingest/sources.ts";
import { openSqlite } from "../src/store/sqlite/sqlite-repository.ts";
import type { CorpusFile } from "./corpus.ts";

export interface Stage {
  label: string;
  seconds: number;
  bytes: number;
  articles?: number;
  sentences?: number;
  events?: number;
  note?: string;
}

const WORD = /\p{L}+|\p{N}+/gu;

/** (a) Counts words with the bare regex: the practical limit for anything that reads every word. */
export function regexScan(texts: string[], runs = 3): Stage {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const times: number[] = [];
  let words = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    words = 0;
    for (const t of texts) for (const _ of t.matchAll(WORD)) words++;
    times.push((performance.now() - t0) / 1000);
  }
  times.sort((x, y) => x - y);
  return {
    label: "(a) regex word scan /\\p{L}+|\\p{N}+/gu",
    seconds: times[Math.floor(runs / 2)],
    bytes,
    note: `${words.toLocaleString("en-US")} words; median of ${runs}`,
  };
}

/** (b) wink-nlp with the pipes of src/text/sentences.ts, fed line by line, reading what the coder reads. */
export function nlpPass(texts: string[]): Stage {
  const nlp = winkNLP(model, ["sbd", "negation"]);
  const its = nlp.its;
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const pass = (list: string[]): number => {
    let sentences = 0;
    for (const text of list)
      for (const line of text.split("\n")) {
        if (!line.trim()) continue;
        const doc = nlp.readDoc(line);
        doc.tokens().each((t: ItemToken) => {
          t.out(its.value);
          t.out(its.negationFlag);
        });
        doc.sentences().each((s: { out: (f: unknown) => unknown }) => {
          s.out(its.span);
          sentences++;
        });
      }
    return sentences;
  };
  pass(texts.slice(0, 50)); // warm up
  const t0 = performance.now();
  const sentences = pass(texts);
  return {
    label: "(b) wink-nlp pass (sbd, negation)",
    seconds: (performance.now() - t0) / 1000,
    bytes,
    sentences,
  };
}

/** (c) decode → readDocument → coder for every file, nothing stored; sentences counted as the coder splits them. */
export async function extraction(files: CorpusFile[]): Promise<Stage & { readSeconds: number }> {
  let sentences = 0;
  const counter: Extractor = {
    name: "SentenceCounter",
    extract(ctx) {
      sentences += ctx.sentences.length;
      return [];
    },
  };
  const base = createConfiguration();
  const coder = createCoder({ config: { ...base, extractors: [counter, ...base.extractors] } });
  const run = async (list: CorpusFile[]) => {
    let articles = 0;
    let events = 0;
    let read = 0;
    for (const f of list) {
      const t0 = performance.now();
      const { articles: found } = await readDocument(f.name, decode(f.bytes).text);
      read += performance.now() - t0;
      for (const a of found) {
        articles++;
        events += coder(a).length;
      }
    }
    return { articles, events, read };
  };
  await run(files.slice(0, 50)); // warm up
  sentences = 0;
  const bytes = files.reduce((n, f) => n + f.bytes.length, 0);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { articles, events, read } = await run(files);
  const seconds = (performance.now() - t0) / 1000;
  // CPU seconds of this process (its JS thread and V8's helpers): less inflated than wall time when other
  // processes share the cores (not immune: they still share caches).
  const used = process.cpuUsage(cpu0);
  const cpuSeconds = (used.user + used.system) / 1e6;
  return {
    label: "(c) extraction: decode → read → code",
    seconds,
    bytes,
    articles,
    sentences,
    events,
    readSeconds: read / 1000,
    note:
      `${((read / 1000 / seconds) * 100).toFixed(0)}% of it reading (decode, clean, split stories, date); ` +
      `${cpuSeconds.toFixed(2)} CPU s, ${Math.round(sentences / cpuSeconds).toLocaleString("en-US")} sentences ` +
      `and ${(bytes / 1048576 / cpuSeconds).toFixed(2)} MB per CPU second`,
  };
}

/** CPU seconds of each thread of this process so far (Linux; empty elsewhere). */
function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  try {
    for (const tid of readdirSync("/proc/self/task")) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(tid, (Number(f[11]) + Number(f[12])) / 100);
    }
  } catch {
    // no /proc: no breakdown
  }
  return out;
}

/** CPU seconds each thread spent while `work` ran, largest first (threads that came and went included). */
async function perThread<T>(work: () => Promise<T>): Promise<{ result: T; threads: number[] }> {
  const before = threadCpu();
  const seen = new Map<string, number>();
  const sample = (): void => {
    for (const [tid, cpu] of threadCpu()) seen.set(tid, cpu);
  };
  const timer = setInterval(sample, 100);
  try {
    const result = await work();
    sample();
    const threads = [...seen]
      .map(([tid, cpu]) => cpu - (before.get(tid) ?? 0))
      .filter((cpu) => cpu >= 0.05)
      .sort((a, b) => b - a);
    return { result, threads };
  } finally {
    clearInterval(timer);
  }
}

/** (d) The `attache ingest` path into a fresh SQLite file: one thread, or `jobs` worker threads. */
export async function ingest(
  dir: string,
  work: string,
  jobs: number,
): Promise<Stage & { summary: IngestSummary; threads: number[] }> {
  const db = join(work, `ingest-${jobs}.db`);
  rmSync(db, { force: true });
  const repo = openSqlite(db);
  const onError = (): void => {};
  let summary: IngestSummary;
  let threads: number[];
  try {
    const code = jobs === 1 ? createCoder() : null;
    ({ result: summary, threads } = await perThread(() => {
      if (code) return ingestInputs(expandInputs([dir], DEFAULT_LIMITS, onError), repo, { code, onError });
      const run = new ParallelIngest(repo, { jobs, onError });
      return run.run(expandInputs([dir], DEFAULT_LIMITS, (n, why) => run.report(n, why)));
    }));
  } finally {
    await repo.close();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true });
  }
  return {
    label: `(d) ingest into SQLite, ${jobs === 1 ? "1 thread" : `${jobs} worker threads`}`,
    seconds: summary.seconds,
    bytes: summary.bytes,
    articles: summary.articles,
    events: summary.events,
    summary,
    threads,
  };
}
