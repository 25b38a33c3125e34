// Cleaned text built from verbatim slices of the original, with the map back to original offsets.
import type { OffsetSegment } from "../store/types.ts";

export class CleanTextBuilder {
  private text = "";
  readonly segments: OffsetSegment[] = [];

  /** Appends original[start, end) verbatim. */
  copy(start: number, end: number, original: string): void {
    if (end <= start) return;
    const last = this.segments[this.segments.length - 1];
    if (last && last.c + last.len === this.text.length && last.o + last.len === start)
      last.len += end - start;
    else this.segments.push({ c: this.text.length, o: start, len: end - start });
    this.text += original.slice(start, end);
  }

  /** Appends text whose characters sit at known (increasing) source positions; each run becomes a segment. */
  copyMapped(text: string, positions: ArrayLike<number>, original?: string): void {
    let runStart = 0;
    // A character that is not the original's own (a decoded reference) stands in a segment alone.
    const own = (i: number): boolean => !original || original[positions[i]] === text[i];
    for (let i = 1; i <= text.length; i++) {
      if (i === text.length || positions[i] !== positions[i - 1] + 1 || !own(i) || !own(i - 1)) {
        this.segments.push({ c: this.text.length + runStart, o: positions[runStart], len: i - runStart });
        runStart = i;
      }
    }
    this.text += text;
  }

  /** Appends text that has no place in the original (paragraph breaks between kept lines). */
  insert(separator: string): void {
    this.text += separator;
  }

  get length(): number {
    return this.text.length;
  }

  build(): { cleaned: string; offsets: OffsetSegment[] } {
    return { cleaned: this.text, offsets: this.segments };
  }
}

function segmentAt(offsets: OffsetSegment[], pos: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = offsets[mid];
    if (pos < s.c) hi = mid - 1;
    else if (pos >= s.c + s.len) lo = mid + 1;
    else return mid;
  }
  return -1 - lo; // not inside a segment: -(index of the next segment) - 1
}

/** Maps a span [start, end) of cleaned text to the original; a boundary in an inserted gap snaps inward. */
export function toOriginal(
  offsets: OffsetSegment[],
  start: number,
  end: number,
): { start: number; end: number } {
  if (offsets.length === 0) return { start: 0, end: 0 };
  let i = segmentAt(offsets, start);
  if (i < 0) i = Math.min(-1 - i, offsets.length - 1);
  const s = offsets[i];
  // A start past the last segment (in a gap the builder inserted at the end) snaps to that segment's end.
  const oStart = s.o + Math.min(s.len, Math.max(0, start - s.c));
  let j = segmentAt(offsets, Math.max(start, end - 1));
  if (j < 0) j = Math.max(-2 - j, 0);
  const e = offsets[j];
  const oEnd = e.o + Math.min(e.len, Math.max(0, end - e.c));
  return { start: oStart, end: Math.max(oStart, oEnd) };
}

/** The original ranges behind a span of cleaned text, one per segment it crosses (gaps between are left out). */
export function originalPieces(
  offsets: OffsetSegment[],
  start: number,
  end: number,
  original?: string,
): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const s of offsets) {
    if (s.c + s.len <= start) continue;
    if (s.c >= end) break;
    const a = Math.max(start, s.c);
    const b = Math.min(end, s.c + s.len);
    const piece = { start: s.o + (a - s.c), end: s.o + (b - s.c) };
    // An HTML character reference stands for one cleaned character: take the whole reference.
    if (original && s.len === 1 && original[s.o] === "&") {
      const semi = original.indexOf(";", s.o);
      if (semi > s.o && semi - s.o <= 32) piece.end = semi + 1;
    }
    out.push(piece);
  }
  return out;
}

/** Removes from cleaned text every character whose original position is masked, keeping the map exact. */
export function dropMasked(
  cleaned: string,
  offsets: OffsetSegment[],
  masked: (originalPos: number) => boolean,
): { cleaned: string; offsets: OffsetSegment[] } {
  const b = new CleanTextBuilder();
  let prev = 0;
  for (const s of offsets) {
    if (s.c > prev) b.insert(cleaned.slice(prev, s.c));
    const keep: number[] = [];
    let text = "";
    for (let i = 0; i < s.len; i++) {
      if (masked(s.o + i)) continue;
      keep.push(s.o + i);
      text += cleaned[s.c + i];
    }
    if (text) b.copyMapped(text, keep);
    prev = s.c + s.len;
  }
  if (prev < cleaned.length) b.insert(cleaned.slice(prev));
  return b.build();
}
