// attache ingest PATH… | - : read articles into the store.
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { createCoder } from "../extract/coder.ts";
import { type IngestSummary, ingestInputs } from "../ingest/run.ts";
import { DEFAULT_LIMITS, displayName, expandInputs } from "../ingest/sources.ts";
import { EXIT, UsageError, action, complain, dbOption, parseIntArg, printJson, withStore } from "./common.ts";

interface IngestOpts {
  db?: string;
  json?: boolean;
  quiet?: boolean;
  maxMb: string;
  timeout: string;
}

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
    .action(
      action(async (paths: string[], opts: IngestOpts) => {
        if (paths.length === 0) throw new UsageError("name at least one file, folder, URL or -");
        const limits = {
          ...DEFAULT_LIMITS,
          maxBytes: parseIntArg(opts.maxMb, "--max-mb", 1) * 1048576,
          urlTimeoutMs: parseIntArg(opts.timeout, "--timeout", 1) * 1000,
        };
        const showBar = !opts.quiet && !opts.json && process.stderr.isTTY === true;
        const bar = showBar
          ? new SingleBar({
              format: " {bar} {value} inputs | {articles} articles | {mb} MB | {rate} articles/s",
              stream: process.stderr,
              hideCursor: true,
            })
          : null;
        bar?.start(0, 0, { articles: 0, mb: "0.0", rate: "0" });
        const coder = createCoder();
        let errors = 0;
        const summary = await withStore(opts.db, (repo) =>
          ingestInputs(
            expandInputs(paths, limits, (name, why) => {
              errors++;
              complain(displayName(name), why);
            }),
            repo,
            {
              code: coder,
              onError: (name, why) => {
                errors++;
                if (bar) bar.stop();
                complain(displayName(name), why);
                bar?.start(0, 0);
              },
              onProgress: (s) => {
                bar?.setTotal(s.inputs);
                bar?.update(s.inputs, {
                  articles: s.articles,
                  mb: (s.bytes / 1048576).toFixed(1),
                  rate: rate(s),
                });
              },
            },
          ),
        );
        bar?.stop();
        if (opts.json) printJson({ ...summary, errors });
        else if (!opts.quiet) process.stderr.write(`${summaryLine(summary)}\n`);
        return errors > 0 ? EXIT.runtime : EXIT.ok;
      }),
    );
}
