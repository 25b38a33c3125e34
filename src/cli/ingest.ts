// attache ingest PATH… | - : read articles into the store, coding them in --jobs worker threads.
import { availableParallelism } from "node:os";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { createCoder } from "../extract/coder.ts";
import { type Listed, inputsOf, listed, readAhead } from "../ingest/listing.ts";
import { ParallelIngest } from "../ingest/parallel.ts";
import { type IngestSummary, ingestInputs } from "../ingest/run.ts";
import { DEFAULT_LIMITS, displayName, expandInputs } from "../ingest/sources.ts";
import { queueInputs } from "./queue.ts";
import { EXIT, UsageError, action, complain, dbOption, parseIntArg, printJson, withStore } from "./common.ts";

interface IngestOpts {
  db?: string;
  json?: boolean;
  quiet?: boolean;
  maxMb: string;
  timeout: string;
  jobs?: string;
  queue?: boolean;
}

/** Below this much input, starting worker threads (about a second each) costs more than they save. */
const SMALL_INGEST = 4 * 1048576;

const rate = (s: IngestSummary): string => (s.seconds > 0 ? (s.articles / s.seconds).toFixed(1) : "0");

export function summaryLine(s: IngestSummary): string {
  return (
    `${s.inputs} inputs, ${s.stored} articles stored (${s.duplicates} already there), ${s.events} events, ` +
    `${s.failed} failed, ${(s.bytes / 1048576).toFixed(1)} MB in ${s.seconds.toFixed(1)} s (${rate(s)} articles/s)`
  );
}

export function setupIngest(program: Command): void {
  program
    .command("ingest")
    .description(
      "read articles (files, folders, URLs, or - for standard input) and store them with their events",
    )
    .argument("<paths...>", "files, folders (read recursively), http(s) URLs, or - for standard input")
    .addOption(dbOption())
    .option("--json", "print the summary as JSON")
    .option("-q, --quiet", "no progress bar and no summary line")
    .option("--max-mb <n>", "largest input to read, in MB", "64")
    .option("--timeout <seconds>", "time allowed for each URL", "20")
    .option(
      "--queue",
      "do not code here: put one job per input on the queue in the PostgreSQL store (--db postgres://…) " +
        "for `attache worker` processes",
    )
    .option(
      "-j, --jobs <n>",
      "worker threads that read and code articles; 1: all in this thread (default: the number of cores, " +
        `${availableParallelism()} here, or one thread when the inputs come to under 4 MB)`,
    )
    .action(
      action(async (paths: string[], opts: IngestOpts) => {
        if (paths.length === 0) throw new UsageError("name at least one file, folder, URL or -");
        const limits = {
          ...DEFAULT_LIMITS,
          maxBytes: parseIntArg(opts.maxMb, "--max-mb", 1) * 1048576,
          urlTimeoutMs: parseIntArg(opts.timeout, "--timeout", 1) * 1000,
        };
        if (opts.queue) {
          if (opts.jobs !== undefined)
            throw new UsageError("--jobs is for coding here; --queue leaves it to workers");
          return queueInputs(paths, opts.db, limits);
        }
        const showBar = !opts.quiet && !opts.json && process.stderr.isTTY === true;
        const bar = showBar
          ? new SingleBar({
              format: " {bar} {value} inputs | {articles} articles | {mb} MB | {rate} articles/s",
              stream: process.stderr,
              hideCursor: true,
            })
          : null;
        let jobs = opts.jobs === undefined ? availableParallelism() : parseIntArg(opts.jobs, "--jobs", 1);
        let listing: AsyncIterable<Listed> = listed((onSkip) => expandInputs(paths, limits, onSkip));
        if (opts.jobs === undefined && jobs > 1) {
          const ahead = await readAhead(listing, SMALL_INGEST);
          listing = ahead.items;
          if (ahead.complete) jobs = 1;
        }
        bar?.start(0, 0, { articles: 0, mb: "0.0", rate: "0" });
        let errors = 0;
        const onError = (name: string, why: string): void => {
          errors++;
          if (bar) bar.stop();
          complain(displayName(name), why);
          bar?.start(0, 0);
        };
        const onProgress = (s: IngestSummary): void => {
          bar?.setTotal(s.inputs);
          bar?.update(s.inputs, {
            articles: s.articles,
            mb: (s.bytes / 1048576).toFixed(1),
            rate: rate(s),
          });
        };
        const summary = await withStore(opts.db, (repo) => {
          if (jobs === 1)
            return ingestInputs(inputsOf(listing, onError), repo, {
              code: createCoder(),
              onError,
              onProgress,
            });
          const run = new ParallelIngest(repo, { jobs, maxInputBytes: limits.maxBytes, onError, onProgress });
          return run.run(inputsOf(listing, (name, why) => run.report(name, why)));
        });
        bar?.stop();
        if (opts.json) printJson({ ...summary, errors });
        else if (!opts.quiet) process.stderr.write(`${summaryLine(summary)}\n`);
        return errors > 0 ? EXIT.runtime : EXIT.ok;
      }),
    );
}
