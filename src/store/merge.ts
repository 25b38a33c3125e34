// One event, many sources: when does a newly extracted event (a mention) report an act the store already
// holds, and which of its mentions' fields does the merged event show. Pure functions, shared by the SQLite
// and PostgreSQL stores so both merge the same way; each store only runs the SQL around them.
import { type Amount, type EventRecord, type EventStatus, SYMMETRIC_TYPES } from "./types.ts";

/**
 * How far apart two reported dates of one act may be, in days, measured between the date ranges they stand
 * for at their precision (a month is its first to its last day). Seven days, because outlets that report the
 * same act disagree by a few days, not by weeks: a time zone moves an announcement across midnight (Nauru's
 * switch is January 15 in Yaren and Sydney, January 14 in Washington); a date the article does not state is
 * filled from its publication date, which lags the act by a day or more (weekly papers by up to a week); a
 * weekday ("on Monday") resolved against a late publication date lands on the previous week. Within a week the
 * same pair rarely repeats an act of the same type as a new act, while a month apart it does (a foreign
 * ministers' meeting, then the leaders' summit): those stay two events.
 */
export const MERGE_WINDOW_DAYS = 7;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO day. */
const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoDay = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

export interface DayRange {
  first: number;
  last: number;
}

/** The days a partial date stands for: a day itself, a month's or a year's first to last day; null if undated. */
export function dayRange(date: string | null): DayRange | null {
  if (!date) return null;
  if (date.length === 10) return { first: dayNumber(date), last: dayNumber(date) };
  if (date.length === 7) {
    const [y, m] = date.split("-").map(Number);
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
    return { first: dayNumber(`${date}-01`), last: dayNumber(next) - 1 };
  }
  return { first: dayNumber(`${date}-01-01`), last: dayNumber(`${date}-12-31`) };
}

/** Days between two ranges; 0 when they overlap. */
export const gapDays = (a: DayRange, b: DayRange): number => Math.max(0, a.first - b.last, b.first - a.last);

/** A denial contradicts a report of the act: it is never merged with one (but denials merge among themselves). */
export const statusGroup = (s: EventStatus): "denied" | "reported" =>
  s === "denied" ? "denied" : "reported";

/** The event's actors in a fixed order (either order is the same pair for symmetric types). */
function pairOf(e: Pick<EventRecord, "type" | "source" | "target">): [string, string] {
  const t = e.target ?? "";
  return SYMMETRIC_TYPES.has(e.type) && t !== "" && t < e.source ? [t, e.source] : [e.source, t];
}

/** What two mentions of one act share: type, status group and pair. Stores lock on it while merging. */
export const mergeKey = (e: Pick<EventRecord, "type" | "status" | "source" | "target">): string =>
  [e.type, statusGroup(e.status), ...pairOf(e)].join("|");

/** Whether `m` has the event's pair the other way round (only possible for symmetric types). */
export const isSwapped = (event: Pick<EventRecord, "source">, m: Pick<EventRecord, "source">): boolean =>
  event.source !== m.source;

/**
 * The SQL that finds the stored events a mention may belong to: same type, same status group, same pair
 * (either order for symmetric types), dated near the mention, and with no mention yet from the same article
 * (an article's own events were already told apart by the extractor). The date bounds are loose (the whole
 * year of the earliest possible day); `pickEvent` applies the window exactly. Null when the mention is undated:
 * an undated report cannot be placed next to another, so it stays an event of its own.
 */
export function candidateQuery(m: EventRecord): { sql: string; params: unknown[] } | null {
  const r = dayRange(m.date);
  if (!r) return null;
  const params: unknown[] = [m.type];
  const pair = (s: string, t: string | null): string => {
    params.push(s);
    if (t === null) return "(source = ? AND target IS NULL)";
    params.push(t);
    return "(source = ? AND target = ?)";
  };
  const pairSql =
    SYMMETRIC_TYPES.has(m.type) && m.target !== null
      ? `(${pair(m.source, m.target)} OR ${pair(m.target, m.source)})`
      : pair(m.source, m.target);
  const statusSql = m.status === "denied" ? "status = 'denied'" : "status <> 'denied'";
  params.push(
    isoDay(r.last + MERGE_WINDOW_DAYS),
    isoDay(r.first - MERGE_WINDOW_DAYS).slice(0, 4),
    m.articleId,
  );
  return {
    sql: `SELECT id, date FROM events
      WHERE type = ? AND ${pairSql} AND ${statusSql} AND date IS NOT NULL AND date <= ? AND date >= ?
        AND NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = events.id AND m.article_id = ?)`,
    params,
  };
}

/**
 * The stored event a mention reports, among the candidates: the nearest within the window (by the gap between
 * their date ranges, then by the distance between their middles, then the earlier, then the smaller id), or
 * null when none is near enough.
 */
export function pickEvent<T extends { id: string; date: string | null }>(
  m: Pick<EventRecord, "date">,
  candidates: readonly T[],
): T | null {
  const mr = dayRange(m.date);
  if (!mr) return null;
  const mid = (r: DayRange): number => (r.first + r.last) / 2;
  let best: { c: T; gap: number; dist: number } | null = null;
  for (const c of candidates) {
    const cr = dayRange(c.date);
    if (!cr) continue;
    const gap = gapDays(mr, cr);
    if (gap > MERGE_WINDOW_DAYS) continue;
    const dist = Math.abs(mid(mr) - mid(cr));
    const better =
      !best ||
      gap < best.gap ||
      (gap === best.gap &&
        (dist < best.dist ||
          (dist === best.dist && (c.date! < best.c.date! || (c.date === best.c.date && c.id < best.c.id)))));
    if (better) best = { c, gap, dist };
  }
  return best?.c ?? null;
}

/** A stored mention: the record as one article gave it, in the order mentions were stored. */
export interface MentionRow extends EventRecord {
  seq: number;
}

const PRECISION_RANK = { day: 0, month: 1, year: 2 } as const;

/** Most specific first: a value and a unit, a value, a unit, words only. */
const amountRank = (a: Amount): number => (a.value !== null ? 0 : 2) + (a.unit !== null ? 0 : 1);

/**
 * The merged event's own fields, from its mentions (at least one), by one documented rule (README, "One event,
 * many sources"):
 * - lead mention: the highest confidence, then the first stored. The event shows its article, span, evidence,
 *   source and target (in its order), actors, location, quote, PLOVER code and rule; a field the lead leaves
 *   empty (an actor's name, the location, the quote) comes from the next mention in the same order that has it.
 * - date: the most exact one — stated in the text before filled from the publication date, then day before
 *   month before year — and among those the earliest;
 * - confidence: the highest; amount: the most specific (value and unit first), ties in lead order;
 * - status: occurred when any mention reports the act as done, else the lead's (pledged, or denied);
 * - id: the event's, which is its first mention's and never changes.
 */
export function mergeMentions(id: string, mentions: readonly MentionRow[]): EventRecord {
  if (mentions.length === 0) throw new Error(`event ${id} has no mentions`);
  const ranked = [...mentions].sort((a, b) => b.confidence - a.confidence || a.seq - b.seq);
  const lead = ranked[0];
  const dated = mentions
    .filter((m) => m.date !== null && m.datePrecision !== null)
    .sort(
      (a, b) =>
        Number(b.dateStated) - Number(a.dateStated) ||
        PRECISION_RANK[a.datePrecision!] - PRECISION_RANK[b.datePrecision!] ||
        (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : a.seq - b.seq),
    );
  const when = dated[0] ?? lead;
  const actorsOf = (m: MentionRow): [string | null, string | null] =>
    isSwapped(lead, m) ? [m.targetActor, m.sourceActor] : [m.sourceActor, m.targetActor];
  const first = <T>(get: (m: MentionRow) => T | null): T | null => {
    for (const m of ranked) {
      const v = get(m);
      if (v !== null) return v;
    }
    return null;
  };
  const amounts = ranked
    .filter((m) => m.amount !== null)
    .map((m) => m.amount!)
    .sort((a, b) => amountRank(a) - amountRank(b));
  return {
    id,
    articleId: lead.articleId,
    type: lead.type,
    source: lead.source,
    target: lead.target,
    sourceActor: first((m) => actorsOf(m)[0]),
    targetActor: first((m) => actorsOf(m)[1]),
    date: when.date,
    datePrecision: when.datePrecision,
    dateStated: when.dateStated,
    status: mentions.some((m) => m.status === "occurred") ? "occurred" : lead.status,
    amount: amounts[0] ?? null,
    location: first((m) => m.location),
    quote: first((m) => m.quote),
    span: lead.span,
    evidence: lead.evidence,
    plover: lead.plover,
    confidence: lead.confidence,
    rule: lead.rule,
  };
}
