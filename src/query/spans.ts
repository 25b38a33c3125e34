// Evidence spans: the original → cleaned direction of src/ingest/offsets.ts, and the flat, non-overlapping
// highlight ranges a page needs when several events share (or overlap on) the same words.
import type { OffsetSegment } from "../store/types.ts";

/** Maps a span of the original text to the cleaned text, or null when none of it was kept. */
export function toCleaned(
  offsets: OffsetSegment[],
  start: number,
  end: number,
): { start: number; end: number } | null {
  let from = Infinity;
  let to = -Infinity;
  for (const s of offsets) {
    const a = Math.max(start, s.o);
    const b = Math.min(end, s.o + s.len);
    if (a >= b) continue;
    from = Math.min(from, s.c + (a - s.o));
    to = Math.max(to, s.c + (b - s.o));
  }
  return from < to ? { start: from, end: to } : null;
}

export interface Highlight {
  start: number;
  end: number;
  /** The events whose evidence covers this range, in the order given. */
  events: string[];
}

/** Cuts possibly overlapping spans into ordered, non-overlapping ranges, each naming the events it belongs to. */
export function highlightRanges(
  spans: Array<{ id: string; start: number; end: number }>,
  length: number,
): Highlight[] {
  const cuts = new Set<number>();
  const valid = spans
    .map((s) => ({ id: s.id, start: Math.max(0, s.start), end: Math.min(length, s.end) }))
    .filter((s) => s.end > s.start);
  for (const s of valid) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  const out: Highlight[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const events = valid.filter((s) => s.start <= a && s.end >= b).map((s) => s.id);
    if (events.length === 0) continue;
    const last = out[out.length - 1];
    if (last && last.end === a && last.events.join() === events.join()) last.end = b;
    else out.push({ start: a, end: b, events });
  }
  return out;
}
