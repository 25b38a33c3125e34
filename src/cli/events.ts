// attache events: what was extracted, filtered, as a table, JSON or CSV.
import type { Command } from "commander";
import { eventsToCsv } from "../export/csv.ts";
import type { EventFilter, StoredEvent } from "../store/repository.ts";
import { EVENT_TYPES, type EventType } from "../store/types.ts";
import { UsageError, action, dbOption, parseDateArg, parseIntArg, printJson, withStore } from "./common.ts";

interface EventsOpts {
  db?: string;
  actor?: string;
  pair?: string;
  type?: string;
  status?: string;
  from?: string;
  to?: string;
  text?: string;
  article?: string;
  limit: string;
  offset: string;
  json?: boolean;
  csv?: boolean;
}

export function filterFromOptions(o: EventsOpts): EventFilter {
  const f: EventFilter = {
    limit: parseIntArg(o.limit, "--limit", 1),
    offset: parseIntArg(o.offset, "--offset"),
  };
  if (o.actor) f.actor = o.actor.toUpperCase();
  if (o.pair) {
    const parts = o.pair.split(/[,:]/).map((s) => s.trim().toUpperCase());
    if (parts.length !== 2 || parts.some((p) => !p))
      throw new UsageError(`--pair takes two actor ids like TWN,GTM, not "${o.pair}"`);
    f.pair = [parts[0], parts[1]];
  }
  if (o.type) {
    const t = o.type.toUpperCase();
    if (!(EVENT_TYPES as readonly string[]).includes(t))
      throw new UsageError(`--type must be one of ${EVENT_TYPES.join(", ")}`);
    f.type = t as EventType;
  }
  if (o.status) {
    if (!["occurred", "pledged", "denied"].includes(o.status))
      throw new UsageError("--status must be occurred, pledged or denied");
    f.status = o.status as EventFilter["status"];
  }
  if (o.from) f.from = parseDateArg(o.from, "--from");
  if (o.to) f.to = parseDateArg(o.to, "--to");
  if (o.text) f.text = o.text;
  if (o.article) f.articleId = o.article;
  return f;
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
  program
    .command("events")
    .description("list extracted events, newest first")
    .addOption(dbOption())
    .option("--actor <id>", "events with this actor on either side (ISO alpha-3 or IGO:NAME)")
    .option("--pair <a,b>", "events between two actors, either direction")
    .option("--type <type>", `one of ${EVENT_TYPES.join(", ")}`)
    .option("--status <status>", "occurred, pledged or denied")
    .option("--from <date>", "on or after this date")
    .option("--to <date>", "on or before this date")
    .option("--text <words>", "evidence containing these words")
    .option("--article <id>", "events of one article")
    .option("--limit <n>", "at most this many", "50")
    .option("--offset <n>", "skip this many", "0")
    .option("--json", "print JSON")
    .option("--csv", "print CSV")
    .action(
      action(async (opts: EventsOpts) => {
        const filter = filterFromOptions(opts);
        const events = await withStore(opts.db, (repo) => repo.listEvents(filter));
        if (opts.json) printJson(events);
        else if (opts.csv) process.stdout.write(eventsToCsv(events));
        else process.stdout.write(events.length ? `${table(events)}\n` : "no events match\n");
      }),
    );
}
