// attache timeline A B: the history of one relationship, every entry with its evidence and article.
import type { Command } from "commander";
import { TIMELINE_LIMIT, relationshipTimeline } from "../query/timeline.ts";
import type { TimelineEntryOut } from "../query/schemas.ts";
import { action, dbOption, parseDateArg, parseIntArg, printJson } from "./common.ts";
import { RECOGNITION_TEXT, withQuery } from "./query-context.ts";

interface TimelineOpts {
  db?: string;
  from?: string;
  to?: string;
  limit: string;
  json?: boolean;
}

export function formatEntry(e: TimelineEntryOut, names: Map<string, string>): string {
  if (e.kind === "recognition") {
    const who = names.get(e.state) ?? e.state;
    const what =
      e.previous === null
        ? `${who} recognizes ${RECOGNITION_TEXT[e.recognizes]}`
        : `${who} switches from ${RECOGNITION_TEXT[e.previous]} to ${RECOGNITION_TEXT[e.recognizes]}`;
    const flags = [
      e.period.dayConfirmed ? "" : "day not confirmed",
      e.period.disputed ? "disputed" : "",
    ].filter(Boolean);
    return [
      `${e.date}  RECOGNITION  ${what}${flags.length ? ` (${flags.join(", ")})` : ""}`,
      ...(e.period.note ? [`            ${e.period.note}`] : []),
      `            source: ${e.period.source}`,
    ].join("\n");
  }
  const ev = e.event;
  const arrow = ev.target ? `${ev.source} → ${ev.target}` : ev.source;
  const amount = ev.amount ? `  ${ev.amount.text}` : "";
  const article = e.article
    ? `${e.article.title ?? e.article.sourceName}${e.article.outlet ? `, ${e.article.outlet}` : ""}${e.article.published ? `, ${e.article.published}` : ""}`
    : ev.articleId;
  return [
    `${(ev.date ?? "undated").padEnd(10)}  ${ev.type}  ${arrow}  ${ev.status}${amount}`,
    `            “${ev.evidence.replace(/\s+/g, " ").trim()}”`,
    `            article: ${article} [${ev.articleId.slice(0, 12)}]`,
  ].join("\n");
}

export function setupTimeline(program: Command): void {
  program
    .command("timeline")
    .description(
      "the history of one relationship: events and recognition changes, oldest first, with evidence",
    )
    .argument("<a>", "an actor: id (TWN, GTM, IGO:WHO) or name (Taiwan, Guatemala, Taipei)")
    .argument("<b>", "the other actor")
    .addOption(dbOption())
    .option("--from <date>", "on or after this date")
    .option("--to <date>", "on or before this date")
    .option("--limit <n>", "at most this many events, oldest first", String(TIMELINE_LIMIT))
    .option("--json", "print JSON")
    .action(
      action(async (a: string, b: string, opts: TimelineOpts) => {
        const from = opts.from ? parseDateArg(opts.from, "--from") : undefined;
        const to = opts.to ? parseDateArg(opts.to, "--to") : undefined;
        const limit = parseIntArg(opts.limit, "--limit", 1);
        const t = await withQuery(opts.db, (ctx) => relationshipTimeline(ctx, a, b, { from, to, limit }));
        if (opts.json) return printJson(t);
        const names = new Map([
          [t.a.id, t.a.name],
          [t.b.id, t.b.name],
        ]);
        const periods = t.entries.filter((e) => e.kind === "recognition").length;
        const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
        const head =
          `${t.a.name} (${t.a.id}) — ${t.b.name} (${t.b.id}): ${count(t.events, "event", "events")}` +
          (periods ? `, ${count(periods, "recognition period", "recognition periods")}` : "");
        const body = t.entries.map((e) => formatEntry(e, names)).join("\n\n");
        process.stdout.write(
          `${head}${t.truncated ? ` (the first ${limit} events; --limit shows more)` : ""}\n\n${body || "nothing recorded"}\n`,
        );
      }),
    );
}
