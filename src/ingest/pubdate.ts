// Finds a page's publication date in its first lines when no front matter or metadata gives it.
import * as chrono from "chrono-node";
import type { DatePrecision, DateSource } from "../store/types.ts";
import type { Line } from "./lines.ts";

export interface FoundDate {
  date: string;
  precision: DatePrecision;
  source: DateSource;
  confidence: number;
  /** The part of the line that holds the date (offsets in the page text), so the cleaner can drop it. */
  start: number;
  end: number;
  /** True when the whole line is the date and nothing else worth keeping. */
  wholeLine: boolean;
}

const pad = (n: number): string => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number): string | null => {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d
    ? `${y}-${pad(m)}-${pad(d)}`
    : null;
};

const LABELLED_ISO = /\b(?:date|published|posted|updated|on)[:\s]\s*(\d{4})-(\d{2})-(\d{2})\b/i;
const GLUED_NUMERIC = /(?:^|[\p{L}\s])(\d{1,2})[-./](\d{1,2})[-./](\d{4})\s*$/u;
const LEADING_NUMERIC = /^(\d{4})[-./](\d{2})[-./](\d{2})\b/;

/** Tries each known shape on the first lines of a page, most certain first. */
export function findPublicationDate(lines: Line[], maxLines = 8): FoundDate | null {
  const head = lines.filter((l) => l.text !== "").slice(0, maxLines);
  for (const l of head) {
    const m = LABELLED_ISO.exec(l.text) ?? LEADING_NUMERIC.exec(l.text);
    if (m) {
      const date = iso(+m[1], +m[2], +m[3]);
      if (date) {
        const start = l.textStart + m.index;
        return {
          date,
          precision: "day",
          source: "dateline",
          confidence: 0.9,
          start,
          end: start + m[0].length,
          wholeLine: m[0].length === l.text.length,
        };
      }
    }
  }
  for (const l of head) {
    const m = GLUED_NUMERIC.exec(l.text);
    if (!m) continue;
    const a = +m[1];
    const b = +m[2];
    const y = +m[3];
    // Day first unless that cannot be; both readings possible lowers confidence.
    const dayFirst = a > 12 || b <= 12;
    const date = dayFirst ? iso(y, b, a) : iso(y, a, b);
    if (!date) continue;
    const start = l.textStart + m.index + m[0].indexOf(m[1]);
    return {
      date,
      precision: "day",
      source: "dateline",
      confidence: a > 12 || b > 12 ? 0.8 : 0.6,
      start,
      end: l.textStart + l.text.length,
      wholeLine: false,
    };
  }
  for (const l of head) {
    if (l.text.length > 60) continue;
    const results = chrono.strict.parse(l.text);
    const r = results[0];
    if (!r || !r.start.isCertain("year") || !r.start.isCertain("month")) continue;
    const rest = l.text.replace(r.text, "").replace(/[\s,.|–—-]+/g, "");
    if (rest.length > 12) continue; // a date inside a sentence, not a header line
    const d = r.start;
    const day = d.isCertain("day");
    const date = day
      ? iso(d.get("year")!, d.get("month")!, d.get("day")!)
      : `${d.get("year")}-${pad(d.get("month")!)}`;
    if (!date) continue;
    return {
      date,
      precision: day ? "day" : "month",
      source: "page_header",
      confidence: 0.5,
      start: l.textStart,
      end: l.textStart + l.text.length,
      wholeLine: rest.length === 0,
    };
  }
  return null;
}

const DATELINE =
  /^[A-Z][A-Z .'-]{2,40},\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})(?:,\s*(\d{4}))?\s*(?:\([^)]{1,40}\))?\s*[-–—]+/;

/** A wire dateline ("TAIPEI, Jan. 15 (CNA) --"): day and month; the year comes from the text when it must. */
export function findDateline(lines: Line[], fullText: string): FoundDate | null {
  const first = lines.find((l) => l.text !== "" && DATELINE.test(l.text));
  if (!first) return null;
  const m = DATELINE.exec(first.text)!;
  let year = m[2] ? +m[2] : null;
  let confidence = 0.8;
  if (year === null) {
    const years = new Map<number, number>();
    for (const y of fullText.match(/\b(19[5-9]\d|20[0-4]\d)\b/g) ?? [])
      years.set(+y, (years.get(+y) ?? 0) + 1);
    const best = [...years.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    if (!best) return null;
    year = best[0];
    confidence = 0.4;
  }
  const r = chrono.parse(`${m[1]}, ${year}`)[0];
  if (!r) return null;
  const date = iso(r.start.get("year")!, r.start.get("month")!, r.start.get("day")!);
  if (!date) return null;
  return {
    date,
    precision: "day",
    source: "dateline",
    confidence,
    start: first.textStart,
    end: first.textStart,
    wholeLine: false,
  };
}
