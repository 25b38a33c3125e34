// Dates as the data writes them: YYYY-MM-DD, or YYYY-MM / YYYY when the day or month is not known.
// A partial date stands for a range of days; these helpers give its first and last day as ISO strings,
// which compare correctly as plain strings.

export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
export const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The first day a partial date can mean. */
export function firstDay(d: string): string {
  if (d.length === 4) return `${d}-01-01`;
  if (d.length === 7) return `${d}-01`;
  return d;
}

/** The last day a partial date can mean ("-31" is fine: only order matters). */
export function lastDay(d: string): string {
  if (d.length === 4) return `${d}-12-31`;
  if (d.length === 7) return `${d}-31`;
  return d;
}

/** True when a calendar day exists (no 2023-02-30). */
export function isRealDay(d: string): boolean {
  if (!DAY.test(d)) return false;
  const t = new Date(`${d}T00:00:00Z`);
  return t.toISOString().slice(0, 10) === d;
}

/** The day before an ISO day. */
export function dayBefore(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

/**
 * Compares two partial dates at the precision they share: -1 when a is surely before b, 1 when surely after,
 * 0 when they cannot be told apart ("2020" and "2020-05").
 */
export function compareLoose(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether the partial-date ranges [aFrom, aTo] and [bFrom, bTo] share a day (to null = still open). */
export function rangesMeet(aFrom: string, aTo: string | null, bFrom: string, bTo: string | null): boolean {
  const aEnd = aTo === null ? "9999-12-31" : lastDay(aTo);
  const bEnd = bTo === null ? "9999-12-31" : lastDay(bTo);
  return firstDay(aFrom) <= bEnd && firstDay(bFrom) <= aEnd;
}
