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

export function eventsToCsv(events: EventRecord[]): string {
  const lines = [COLUMNS.map(([h]) => h).join(",")];
  for (const e of events) lines.push(COLUMNS.map(([, get]) => csvCell(get(e))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
