// npm run bench [-- --quick] [-- --json]: throughput of extraction and ingest against two baselines run in the
// same process on the same text, peak memory of a real ingest, and the dashboard's queries at scale.
//   full:    a 50 MB corpus (and 200 MB for the memory check), a store of 1,000,000 events
//   --quick: a 3 MB corpus, 100,000 events; well under a minute (CI runs it so the benchmark cannot rot)
// Options: --mb N (corpus size), --events N (store size), --keep (leave the temporary folder), --json,
// --only store (just the store and its queries: no corpus, throughput or memory stages; --json then reports
// those keys as null), --queries REGEX (time only the queries whose names match), --store DIR (with --only
// store: the store of --events events a run with --keep left in DIR, or one built there and kept; the
// same store again without its few minutes of building).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadKnowledge } from "../src/knowledge/index.ts";
import { type CorpusFile, generateCorpus } from "./corpus.ts";
import { LOAD_EVENTS, loadJson, loadReport, loadTest } from "./load.ts";
import { ingestInChild } from "./rss.ts";
import { buildStore, openBuiltStore, timeQueries } from "./store.ts";
import { type Stage, extraction, ingest, nlpPass, regexScan } from "./throughput.ts";

const { values: opts } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    mb: { type: "string" },
    events: { type: "string" },
    only: { type: "string" },
    queries: { type: "string" },
    store: { type: "string" },
  },
});
if (opts.store !== undefined && opts.only !== "store") throw new Error("--store goes with --only store");
if (opts.only !== undefined && opts.only !== "store")
  throw new Error(`--only: "store" is the one part (got ${opts.only})`);
const storeOnly = opts.only === "store";
const queryFilter = opts.queries === undefined ? undefined : new RegExp(opts.queries, "i");
const quick = opts.quick === true;
const corpusMb = Number(opts.mb ?? (quick ? 3 : 50));
const storeEvents = Number(opts.events ?? (quick ? 100_000 : 1_000_000));
const bigMb = quick ? 0 : 200;
const MB = 1048576;

const log = (s: string): void => void process.stderr.write(`bench: ${s}\n`);
const fmt = (n: number, digits = 1): string =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const int = (n: number): string => Math.round(n).toLocaleString("en-US");

function writeCorpus(dir: string, files: Iterable<CorpusFile>): CorpusFile[] {
  mkdirSync(dir, { recursive: true });
  const out: CorpusFile[] = [];
  for (const f of files) {
    writeFileSync(join(dir, f.name), f.bytes);
    out.push(f);
  }
  return out;
}

/** CPU seconds the whole machine has been busy (all cores), from /proc/stat; null elsewhere. */
function machineBusy(): number | null {
  try {
    const f = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    return (f[0] + f[1] + f[2] + f[5] + f[6] + f[7]) / 100; // user nice system irq softirq steal
  } catch {
    return null;
  }
}

const ownCpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

function table(header: string[], rows: string[][], align: Array<"l" | "r">): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (align[i] === "l" ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** The store part: a generated store of `storeEvents` events, every query the API makes timed on it. */
async function storeQueries(
  work: string,
): Promise<{ lines: string[]; events: number; p99: number; path: string }> {
  log(`store of ${int(storeEvents)} events`);
  const knowledge = loadKnowledge();
  const built = opts.store === undefined ? null : openBuiltStore(work, storeEvents, knowledge);
  if (built) log(`reusing ${built.path}`);
  const store = built ?? buildStore(work, storeEvents, knowledge);
  log(`queries (${int(store.events)} events, ${int(store.articles)} articles, ${fmt(store.mb, 0)} MB)`);
  const { timings, plans } = await timeQueries(store, knowledge, quick ? 0.3 : 2, queryFilter);
  await store.repo.close();
  const out: string[] = [];
  out.push(
    `queries on a store of ${int(store.events)} events and ${int(store.articles)} articles ` +
      `(${fmt(store.mb, 0)} MB, ` +
      (built
        ? `built by an earlier run and reused`
        : `generated in ${fmt(store.seconds)} s: ${int(store.events / store.seconds)} events/s with their articles`) +
      `); the functions of src/query the API calls, parameters varied run to run`,
  );
  out.push(
    table(
      ["query", "runs", "p50 ms", "p95 ms", "p99 ms"],
      timings.map((t) => [t.name, String(t.runs), fmt(t.p50, 2), fmt(t.p95, 2), fmt(t.p99, 2)]),
      ["l", "r", "r", "r", "r"],
    ),
  );
  const scans = plans.filter((p) => p.warnings.length > 0);
  out.push(
    `  query plans: ${plans.length} statements checked with EXPLAIN QUERY PLAN, ` +
      `${scans.length} read a whole table or index or sort in a temporary tree:`,
  );
  for (const p of scans) out.push(`    ${p.warnings.join("; ")} ← ${p.sql.slice(0, 150)}`);
  return {
    lines: out,
    path: store.path,
    events: store.events,
    p99: Number(Math.max(...timings.map((t) => t.p99)).toFixed(2)),
  };
}

/** `--only store`: the store part alone, with the machine's load beside it. */
async function storeOnlyMain(): Promise<void> {
  const work = opts.store ?? mkdtempSync(join(tmpdir(), "attache-bench-"));
  if (opts.store !== undefined) mkdirSync(work, { recursive: true });
  const started = performance.now();
  const busyBefore = machineBusy();
  const ownBefore = ownCpu();
  try {
    const q = await storeQueries(work);
    const wall = (performance.now() - started) / 1000;
    const busyAfter = machineBusy();
    const others =
      busyBefore === null || busyAfter === null
        ? null
        : (busyAfter - busyBefore - (ownCpu() - ownBefore)) / wall;
    const jobs = availableParallelism();
    const head =
      `attache bench --only store${quick ? " --quick" : ""}: ${process.version}, ${jobs} cores, ${wall.toFixed(0)} s` +
      (others === null
        ? ""
        : `; other processes kept ${fmt(Math.max(0, others), 2)} of ${jobs} cores busy meanwhile` +
          (others > 0.2 ? " (timings are inflated by that much sharing)" : ""));
    process.stdout.write(`${[head, "", ...q.lines].join("\n")}\n`);
    if (opts.json) {
      const result = {
        articles_per_second: null,
        sentences_per_second: null,
        mb_per_second: null,
        ratio_to_regex_scan: null,
        ratio_to_nlp_pass: null,
        events: q.events,
        query_p99_ms: q.p99,
        peak_rss_mb: null,
      };
      process.stdout.write(`${JSON.stringify(result)}\n`);
    }
  } finally {
    if (opts.keep || opts.store !== undefined) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "attache-bench-"));
  const started = performance.now();
  const busyBefore = machineBusy();
  const ownBefore = ownCpu();
  try {
    log(`corpus of ${corpusMb} MB in ${work}`);
    const files = writeCorpus(join(work, "corpus"), generateCorpus(corpusMb * MB));
    const texts = files.map((f) => f.bytes.toString("utf8"));
    const bytes = files.reduce((n, f) => n + f.bytes.length, 0);

    log("(a) regex scan");
    const a = regexScan(texts);
    log("(b) wink-nlp pass");
    const b = nlpPass(texts);
    log("(c) extraction");
    const c = await extraction(files);
    log("(d) ingest, 1 thread");
    const d1 = await ingest(join(work, "corpus"), work, 1);
    log("(d) ingest, 2 worker threads");
    const d2 = await ingest(join(work, "corpus"), work, 2);
    texts.length = 0;

    const jobs = availableParallelism();
    log(`peak memory: attache ingest of ${corpusMb} MB (--jobs default: ${jobs})`);
    const rss = await ingestInChild([join(work, "corpus")], join(work, "rss.db"));
    let rssBig: Awaited<ReturnType<typeof ingestInChild>> | null = null;
    if (bigMb > corpusMb) {
      log(`peak memory: attache ingest of ${bigMb} MB`);
      writeCorpus(join(work, "more"), generateCorpus((bigMb - corpusMb) * MB, undefined, files.length));
      rssBig = await ingestInChild([join(work, "corpus"), join(work, "more")], join(work, "rss-big.db"));
      rmSync(join(work, "more"), { recursive: true, force: true });
    }

    const q = await storeQueries(work);
    // The HTTP load runs on a store of LOAD_EVENTS events: the one just queried when it has that many.
    const loadStore =
      q.events === LOAD_EVENTS
        ? { path: q.path, events: q.events }
        : buildStore(work, LOAD_EVENTS, loadKnowledge());
    if (loadStore.path !== q.path && "repo" in loadStore) await loadStore.repo.close();
    const loadSeconds = quick ? 2 : 10;
    const load = await loadTest(loadStore.path, loadSeconds, log);

    // ---- report ------------------------------------------------------------------------------------------
    const mbps = (s: Stage): number => s.bytes / MB / s.seconds;
    const stageRow = (s: Stage): string[] => [
      s.label,
      fmt(s.seconds, 2),
      fmt(mbps(s), 2),
      s.articles ? int(s.articles / s.seconds) : "",
      s.sentences ? int(s.sentences / s.seconds) : "",
      fmt(mbps(s) / mbps(a), 3),
      s === a ? "" : fmt(mbps(s) / mbps(b), 2),
    ];
    const cpu = cpus()[0]?.model ?? "cpu";
    const wall = (performance.now() - started) / 1000;
    const busyAfter = machineBusy();
    // What other processes took: the machine's busy time less this process's and its children's.
    const others =
      busyBefore === null || busyAfter === null
        ? null
        : (busyAfter -
            busyBefore -
            (ownCpu() - ownBefore) -
            (rss.cpuSeconds ?? 0) -
            (rssBig?.cpuSeconds ?? 0)) /
          wall;
    const out: string[] = [];
    out.push(
      `attache bench${quick ? " --quick" : ""}: ${process.version}, ${jobs} cores (${cpu}), ` +
        `${wall.toFixed(0)} s` +
        (others === null
          ? ""
          : `; other processes kept ${fmt(Math.max(0, others), 2)} of ${jobs} cores busy meanwhile` +
            (others > 0.2 ? " (timings are inflated by that much sharing)" : "")),
    );
    out.push(
      `corpus: ${fmt(bytes / MB)} MB, ${int(files.length)} files, ${int(c.articles ?? 0)} articles, ` +
        `${int(c.sentences ?? 0)} sentences as the coder splits them (${int(b.sentences ?? 0)} in wink's pass ` +
        `over the raw text), ${int(c.events ?? 0)} events; seeded, rebuilt the same every run`,
    );
    out.push("");
    out.push(
      table(
        ["stage", "s", "MB/s", "articles/s", "sentences/s", "÷ (a)", "÷ (b)"],
        [a, b, c, d1, d2].map(stageRow),
        ["l", "r", "r", "r", "r", "r", "r"],
      ),
    );
    out.push(`  (a) ${a.note}; (c) ${c.note}`);
    // What two free cores would give: one thread's CPU over the busiest thread's of the parallel run.
    const cpuList = (t: number[]): string =>
      t
        .slice(0, 4)
        .map((x) => fmt(x, 1))
        .join(" + ");
    const bound = d1.threads.length && d2.threads.length ? d1.threads[0] / d2.threads[0] : null;
    out.push(
      `  CPU seconds of the busiest threads: 1 thread ${cpuList(d1.threads)}; 2 worker threads ` +
        `${cpuList(d2.threads)}${bound ? ` — with two free cores, about ${fmt(bound, 2)}× one thread` : ""}`,
    );
    out.push(
      `  ingest with 2 worker threads: ${fmt(mbps(d2) / mbps(d1), 2)}× one thread ` +
        `(both stored ${int(d1.summary.stored)} articles, ${int(d1.summary.events)} events` +
        `${d2.summary.stored === d1.summary.stored && d2.summary.events === d1.summary.events ? "" : " — MISMATCH with 2 jobs"})`,
    );
    const peak = (r: typeof rss | null): string =>
      r?.peakRssMb == null ? "n/a (no /proc)" : `${fmt(r.peakRssMb, 0)} MB`;
    out.push("");
    out.push(
      `peak RSS of \`attache ingest\` (child process, --jobs default ${jobs}): ${fmt(rss.summary.bytes / MB)} MB → ` +
        `${peak(rss)} in ${fmt(rss.seconds)} s` +
        (rssBig
          ? `; ${fmt(rssBig.summary.bytes / MB)} MB → ${peak(rssBig)} in ${fmt(rssBig.seconds)} s` +
            (rss.peakRssMb && rssBig.peakRssMb
              ? ` (×${fmt(rssBig.peakRssMb / rss.peakRssMb, 2)} for ×${fmt(rssBig.summary.bytes / rss.summary.bytes, 1)} the input)`
              : "")
          : ""),
    );
    out.push("");
    out.push(...q.lines);
    out.push("", ...loadReport(load, loadStore.events, loadSeconds));
    process.stdout.write(`${out.join("\n")}\n`);

    if (opts.json) {
      const result = {
        articles_per_second: Math.round((c.articles ?? 0) / c.seconds),
        sentences_per_second: Math.round((c.sentences ?? 0) / c.seconds),
        mb_per_second: Number(mbps(c).toFixed(3)),
        ratio_to_regex_scan: Number((mbps(c) / mbps(a)).toFixed(4)),
        ratio_to_nlp_pass: Number((mbps(c) / mbps(b)).toFixed(4)),
        events: q.events,
        query_p99_ms: q.p99,
        peak_rss_mb: rss.peakRssMb === null ? null : Math.round(rss.peakRssMb),
        load: loadJson(load),
      };
      process.stdout.write(`${JSON.stringify(result)}\n`);
    }
  } finally {
    if (opts.keep) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

await (storeOnly ? storeOnlyMain() : main());
