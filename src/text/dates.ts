// Dates in a sentence resolved against an anchor: the publication date, or the date the story last named.
import * as chrono from "chrono-node";
import type { DatePrecision } from "../store/types.ts";
import { mayHoldDate } from "./date-hint.ts";

export interface DateMatch {
  start: number;
  end: number;
  text: string;
  date: string;
  precision: DatePrecision;
  /** True for "a day earlier", "the next day": relative to the act just told, not to the page. */
  anaphoric: boolean;
}

const pad = (n: number): string => String(n).padStart(2, "0");
const ANAPHORIC =
  /\b(a|one|two|three|\d+) (day|week)s? (earlier|later|before|after)\b|\bthe (next|following|previous) day\b|\bthe day (before|after)\b/i;
const WEEKDAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const NOT_A_DATE = /^(now|today|current|present|this|currently)$/i;
const WEEK = /\bweek\b/i;
const FUTURE = /\b(will|would|due to|is to|are to|scheduled|expected to|set to|plans? to|next)\b/i;
/** A plan told in the past ("was due to fly on Sunday"): the day is the last one, as for an act done. */
const PAST_PLAN = /\b(was|were) (due to|scheduled|expected to|set to|to)\b/i;
const MONTH_ONLY =
  /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?$/i;
const BEFORE_MONTH = /\b(in|since|by|during|until|early|late|mid|last|this|next|of|from|through)\s*-?$/i;
const BARE_YEAR = /\b(in|since|by|during|until|from|of|to|early|late|mid)[ -]((?:19|20)\d\d)\b/gi;

/** The text of the clause that ends at `at`: back to the last comma, semicolon or dash. */
const clauseBefore = (text: string, at: number): string => {
  const head = text.slice(0, at);
  const cut = Math.max(
    head.lastIndexOf(","),
    head.lastIndexOf(";"),
    head.lastIndexOf("—"),
    head.lastIndexOf(" – "),
  );
  return head.slice(cut + 1);
};

/** The last day an anchor of coarse precision covers ("2025-06" → 2025-06-30). */
export function anchorEnd(iso: string | null): Date | null {
  if (!iso) return null;
  const [y, m, d] = iso.split("-").map(Number);
  if (d) return new Date(Date.UTC(y, m - 1, d, 12));
  if (m) return new Date(Date.UTC(y, m, 0, 12));
  return new Date(Date.UTC(y, 11, 31, 12));
}

/** Parses an anchor ("2025-05-23", "2025-06", "2025") into a reference Date (mid-period when coarse). */
export function anchorDate(iso: string | null): Date | null {
  if (!iso) return null;
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, (m ?? 7) - 1, d ?? (m ? 15 : 1), 12));
}

function format(d: Date, precision: DatePrecision): string {
  const y = d.getUTCFullYear();
  if (precision === "year") return String(y);
  if (precision === "month") return `${y}-${pad(d.getUTCMonth() + 1)}`;
  return `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * Every date expression in a sentence. `anchor` is the date relative phrases count from (the publication
 * date); `story` is the date of the act told just before, for "a day earlier". Past-biased: a weekday or a
 * month without a year is the latest one not after the anchor.
 */
export function findDates(
  text: string,
  anchor: Date | null,
  story: Date | null,
  anchorEnd: Date | null = anchor,
): DateMatch[] {
  if (!mayHoldDate(text)) return []; // most sentences name no date: spare them chrono's patterns
  const out: DateMatch[] = [];
  const ref = anchor ?? new Date(Date.UTC(2000, 0, 1));
  const latest = (anchorEnd ?? ref).getTime() + 36 * 3600 * 1000;
  for (const r of chrono.casual.parse(text, { instant: ref, timezone: 0 }, { forwardDate: false })) {
    const bare = r.text.trim().replace(/(?<![,.;:])[,.;:]+$/, "");
    if (/^\p{Ll}{2,4}$/u.test(bare)) continue; // "sat down", "wed": a verb, not Saturday
    if (
      /\b(later|earlier) (in|that) the day\b|\bthat (same )?day\b/i.test(
        text.slice(Math.max(0, r.index - 12), r.index + r.text.length + 12),
      )
    )
      continue;
    // "since 1979", "since his inauguration in May": where a span begins, not when the act happened.
    if (/\bsince\s+([\p{L}'’]+\s+){0,3}$/iu.test(text.slice(Math.max(0, r.index - 40), r.index))) continue;
    if (NOT_A_DATE.test(bare)) continue;
    // A month name alone ("May", "March") is a date only after a word that takes a date: "in May".
    if (MONTH_ONLY.test(bare) && !BEFORE_MONTH.test(text.slice(0, r.index))) continue;
    const anaphoric = ANAPHORIC.test(text.slice(Math.max(0, r.index - 4), r.index + r.text.length));
    const s = r.start;
    const hasYear = s.isCertain("year");
    if (!anchor && !anaphoric && !/\b\d{4}\b/.test(r.text)) continue; // "on Thursday" with no page date: unknowable
    if (/\b(years|months|decades)\b/i.test(r.text) && !/\b(ago|earlier|later|before|after)\b/i.test(r.text))
      continue; // a span
    let d = s.date();
    if (anaphoric) {
      if (!story) continue;
      d = new Date(story.getTime() + (d.getTime() - ref.getTime()));
    } else if (
      !hasYear &&
      anchor &&
      FUTURE.test(clauseBefore(text, r.index)) &&
      !PAST_PLAN.test(clauseBefore(text, r.index))
    ) {
      // "due to begin on Wednesday", "will visit in July": the next one, not the last.
      if (d.getTime() < ref.getTime()) {
        if (WEEKDAY.test(r.text) && !s.isCertain("month")) d = new Date(d.getTime() + 7 * 86400 * 1000);
        else if (s.isCertain("month")) d.setUTCFullYear(d.getUTCFullYear() + 1);
      }
    } else if (!hasYear && anchor && d.getTime() > latest) {
      // A weekday or a yearless month-day that lands after the page: the last one before it.
      if (WEEKDAY.test(r.text) && !s.isCertain("month")) d = new Date(d.getTime() - 7 * 86400 * 1000);
      else if (s.isCertain("month") && !/\b(next|coming)\b/i.test(r.text))
        d.setUTCFullYear(d.getUTCFullYear() - 1);
    }
    const precision: DatePrecision = WEEK.test(r.text)
      ? "month"
      : s.isCertain("day") || WEEKDAY.test(r.text) || anaphoric
        ? "day"
        : s.isCertain("month")
          ? "month"
          : "year";
    // "last year", "next year" are certain only of the year; chrono fills the rest from the anchor.
    out.push({
      start: r.index,
      end: r.index + r.text.length,
      text: r.text,
      date: format(d, precision),
      precision,
      anaphoric,
    });
  }
  for (const m of text.matchAll(/\bthe (following|previous) day\b/gi)) {
    if (!story || out.some((d) => m.index < d.end && d.start < m.index + m[0].length)) continue;
    const d = new Date(story.getTime() + (m[1].toLowerCase() === "following" ? 1 : -1) * 86400 * 1000);
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      date: format(d, "day"),
      precision: "day",
      anaphoric: true,
    });
  }
  for (const m of text.matchAll(BARE_YEAR)) {
    if (m[1].toLowerCase() === "since") continue;
    const start = m.index + m[0].length - 4;
    if (out.some((d) => start >= d.start && start < d.end)) continue;
    out.push({ start, end: start + 4, text: m[2], date: m[2], precision: "year", anaphoric: false });
  }
  return out.sort((a, b) => a.start - b.start);
}
