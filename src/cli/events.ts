// attache events: what was extracted, filtered, as a table, JSON or CSV.
import type { Command } from "commander";
import { eventsToCsv } from "../export/csv.ts";
import type { StoredEvent } from "../store/repository.ts";
import { action, dbOption, parseIntArg, printJson } from "./common.ts";
import {
  type EventFilterOpts,
  addEventFilterOptions,
  checkEventFilterOpts,
  eventFilterFromOpts,
} from "./event-filter.ts";
import { withQuery } from "./query-context.ts";

interface EventsOpts extends EventFilterOpts {
  db?: string;
  limit: string;
  offset: string;
  json?: boolean;
  csv?: boolean;
}

function table(events: StoredEvent[]): string {
  const rows = events.map((e) => [
    e.date ?? "—",
    e.type,
    e.source,
    e.target ?? "",
    e.status,
    String(e.sources),
    e.evidence.length > 90 ? `${e.evidence.slice(0, 87)}…` : e.evidence,
  ]);
  const head = ["date", "type", "source", "target", "status", "sources", "evidence"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]): string =>
    r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join("  ");
  return [line(head), ...rows.map(line)].join("\n");
}

export function setupEvents(program: Command): void {
  addEventFilterOptions(
    program.command("events").description("list extracted events, newest first").addOption(dbOption()),
  )
    .option("--limit <n>", "at most this many", "50")
    .option("--offset <n>", "skip this many", "0")
    .option("--json", "print JSON")
    .option("--csv", "print CSV")
    .action(
      action(async (opts: EventsOpts) => {
        checkEventFilterOpts(opts);
        const page = {
          limit: parseIntArg(opts.limit, "--limit", 1),
          offset: parseIntArg(opts.offset, "--offset"),
        };
        const events = await withQuery(opts.db, (ctx) =>
          ctx.repo.listEvents({ ...eventFilterFromOpts(ctx, opts), ...page }),
        );
        if (opts.json) printJson(events);
        else if (opts.csv) process.stdout.write(eventsToCsv(events));
        else process.stdout.write(events.length ? `${table(events)}\n` : "no events match\n");
      }),
    );
}
