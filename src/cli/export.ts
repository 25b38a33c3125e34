// attache export: events as PLOVER JSON Lines, CSV or GraphML, to standard output or a file.
import type { Command } from "commander";
import { createWriteStream, readFileSync } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { csvHeader, csvRows } from "../export/csv.ts";
import { GraphBuilder } from "../export/graphml.ts";
import { toPlover } from "../export/plover.ts";
import { todayIso } from "../query/context.ts";
import type { ArticleSummary, EventFilter } from "../store/repository.ts";
import { UsageError, action, complain, dbOption } from "./common.ts";
import {
  type EventFilterOpts,
  addEventFilterOptions,
  checkEventFilterOpts,
  eventFilterFromOpts,
} from "./event-filter.ts";
import { withQuery } from "./query-context.ts";

export const FORMATS = ["plover", "csv", "graphml"] as const;
type Format = (typeof FORMATS)[number];

interface ExportOpts extends EventFilterOpts {
  db?: string;
  format: string;
  out?: string;
  bom?: boolean;
}

const PAGE = 1000;

async function write(out: Writable, chunk: string): Promise<void> {
  if (chunk && !out.write(chunk)) await once(out, "drain");
}

function validated(o: ExportOpts): { format: Format } {
  if (!(FORMATS as readonly string[]).includes(o.format))
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, not "${o.format}"`);
  checkEventFilterOpts(o);
  return { format: o.format as Format };
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

/** Opens the output file, failing with its name when it cannot be created. */
async function openOut(path: string): Promise<Writable> {
  const stream = createWriteStream(path);
  try {
    await once(stream, "open");
  } catch (err) {
    throw new Error(`--out ${path}: ${(err as Error).message}`, { cause: err });
  }
  return stream;
}

export function setupExport(program: Command): void {
  const cmd = program
    .command("export")
    .description("export events as PLOVER JSON Lines, CSV (spreadsheet-ready) or GraphML (for Gephi)")
    .requiredOption("--format <format>", `one of ${FORMATS.join(", ")}`)
    .option("--out <file>", "write to this file (default: standard output)")
    .addOption(dbOption());
  addEventFilterOptions(cmd, "occurred, pledged or denied (GraphML leaves denied events out unless asked)")
    .option("--no-bom", "CSV to a file: leave out the byte-order mark spreadsheets use to detect UTF-8")
    .action(
      action(async (opts: ExportOpts) => {
        const { format } = validated(opts);
        const out: Writable = opts.out ? await openOut(opts.out) : process.stdout;
        let count = 0;
        let skipped = 0;
        const run = withQuery(opts.db, async (ctx) => {
          const base: EventFilter = eventFilterFromOpts(ctx, opts);
          const graph = new GraphBuilder();
          const coder = `attache ${packageVersion()}`;
          if (format === "csv")
            await write(out, (opts.out && opts.bom !== false ? "\uFEFF" : "") + csvHeader(true));
          for (let offset = 0; ; offset += PAGE) {
            const page = await ctx.repo.listEvents({
              ...base,
              sort: "date",
              order: "asc",
              limit: PAGE,
              offset,
            });
            const articles = new Map<string, ArticleSummary>(
              format === "graphml"
                ? []
                : (await ctx.repo.articleSummaries(page.map((e) => e.articleId))).map((a) => [a.id, a]),
            );
            let chunk = "";
            if (format === "csv") chunk = csvRows(page, articles);
            for (const e of page) {
              if (format === "plover") {
                const rec = toPlover(e, articles.get(e.articleId), { coder });
                if (rec) {
                  chunk += `${JSON.stringify(rec)}\n`;
                  count++;
                } else skipped++;
              } else if (format === "graphml") {
                if (e.status === "denied" && !opts.status) continue;
                graph.add(e);
              }
            }
            if (format === "csv") count += page.length;
            await write(out, chunk);
            if (page.length < PAGE) break;
          }
          if (format === "graphml") {
            await write(out, graph.toGraphml(ctx.knowledge, todayIso(ctx)));
            skipped += graph.skipped;
            count = graph.added;
          }
        });
        try {
          await run;
        } catch (err) {
          // A reader that stops early (`| head`) is not an error.
          if ((err as NodeJS.ErrnoException).code === "EPIPE") return;
          throw err;
        }
        if (opts.out) {
          out.end();
          await once(out, "finish");
        }
        const why = format === "plover" ? "without any date" : "without a target";
        if (skipped) complain("export", `${skipped} events ${why} were left out`);
        if (opts.out) process.stderr.write(`attache: wrote ${count} events to ${opts.out}\n`);
      }),
    );
}
