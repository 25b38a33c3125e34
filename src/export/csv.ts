// Events as CSV that a spreadsheet opens cleanly: RFC 4180 quoting, a header row, one event a row.
import type { EventRecord } from "../store/types.ts";

const COLUMNS: Array<[string, (e: EventRecord) => string | number | boolean | null | undefined]> = [
  ["id", (e) => e.id],
  ["date", (e) => e.date],
  ["date_precision", (e) => e.datePrecision],
  ["type", (e) => e.type],
  ["source", (e) => e.source],
  ["target", (e) => e.target],
  ["source_actor", (e) => e.sourceActor],
  ["target_actor", (e) => e.targetActor],
  ["status", (e) => e.status],
  ["amount", (e) => e.amount?.text],
  ["amount_value", (e) => e.amount?.value],
  ["amount_unit", (e) => e.amount?.unit],
  ["location", (e) => e.location],
  ["quote", (e) => e.quote?.text],
  ["article", (e) => e.articleId],
  ["span_start", (e) => e.span.start],
  ["span_end", (e) => e.span.end],
  ["evidence", (e) => e.evidence],
  ["plover_type", (e) => e.plover.type],
  ["plover_mode", (e) => e.plover.mode],
  ["confidence", (e) => e.confidence],
  ["rule", (e) => e.rule],
];

export function csvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return "";
  let s = String(v);
  // A leading = + - @ makes spreadsheets evaluate a formula: neutralise it.
  if (/^[=+\-@\t\r]/.test(s) && typeof v === "string") s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** What an export adds after the event columns: the article each event was read from. */
export interface CsvArticle {
  title: string | null;
  url: string | null;
  published: string | null;
}

const ARTICLE_COLUMNS: Array<[string, (a: CsvArticle | undefined) => string | null | undefined]> = [
  ["article_title", (a) => a?.title],
  ["article_url", (a) => a?.url],
  ["article_published", (a) => a?.published],
];

export function csvHeader(withArticles = false): string {
  const names = COLUMNS.map(([h]) => h);
  if (withArticles) names.push(...ARTICLE_COLUMNS.map(([h]) => h));
  return `${names.join(",")}\r\n`;
}

/** Rows only (no header), so a long export can be written a page at a time. */
export function csvRows(events: EventRecord[], articles?: Map<string, CsvArticle>): string {
  let out = "";
  for (const e of events) {
    const cells = COLUMNS.map(([, get]) => csvCell(get(e)));
    if (articles) cells.push(...ARTICLE_COLUMNS.map(([, get]) => csvCell(get(articles.get(e.articleId)))));
    out += `${cells.join(",")}\r\n`;
  }
  return out;
}

export function eventsToCsv(events: EventRecord[]): string {
  return csvHeader() + csvRows(events);
}
