// One act told twice in an article is one event: same type, same parties (either order when symmetric),
// and dates that agree at the coarser precision — or one of them only inferred with the same status.
import { SYMMETRIC_TYPES } from "../../store/types.ts";
import type { Candidate, Refiner } from "../candidate.ts";

const samePair = (a: Candidate, b: Candidate): boolean =>
  (a.source!.id === b.source!.id && a.target!.id === b.target!.id) ||
  (SYMMETRIC_TYPES.has(a.type) && a.source!.id === b.target!.id && a.target!.id === b.source!.id);

const datesAgree = (a: string | null, b: string | null): boolean =>
  !a || !b || a.startsWith(b) || b.startsWith(a);

/** Days between two dates (coarse ones taken at their first day); Infinity when either is missing. */
function daysApart(a: string | null, b: string | null): number {
  if (!a || !b) return Infinity;
  const day = (d: string): number =>
    Date.parse(`${d}${d.length === 4 ? "-01-01" : d.length === 7 ? "-01" : ""}T00:00:00Z`);
  return Math.abs(day(a) - day(b)) / 86400000;
}

/** Acts a pair performs once: two tellings in one article are the same act, whatever dates they give. */
const ONCE: ReadonlySet<string> = new Set(["ESTABLISH_RELATIONS", "SEVER_RELATIONS", "UPGRADE_RELATIONS"]);

function better(a: Candidate, b: Candidate): Candidate {
  // Of two exact dates for one act, the earlier is the act's own (the later is often its ceremony).
  if (a.dateStated && b.dateStated && a.precision === "day" && b.precision === "day" && a.date && b.date)
    return a.date <= b.date ? a : b;
  const rank = (c: Candidate): number =>
    (c.dateStated ? 2 : 0) + (c.precision === "day" ? 1 : 0) + c.confidence;
  return rank(b) > rank(a) ? b : a;
}

export const SameEventMergeRefiner: Refiner = {
  name: "SameEventMergeRefiner",
  refine(cands) {
    const kept: Candidate[] = [];
    for (const c of cands) {
      const i = kept.findIndex(
        (k) =>
          k.type === c.type &&
          samePair(k, c) &&
          (k.status === "denied") === (c.status === "denied") &&
          (ONCE.has(c.type) ||
            (c.type === "VISIT" && daysApart(k.date, c.date) <= 7) ||
            datesAgree(k.date, c.date) ||
            ((!k.dateStated || !c.dateStated) && k.status === c.status)),
      );
      if (i < 0) kept.push(c);
      else {
        const keep = better(kept[i], c);
        keep.amount ??= (keep === c ? kept[i] : c).amount;
        keep.confidence = Math.min(0.95, keep.confidence + 0.05);
        kept[i] = keep;
      }
    }
    return kept;
  },
};
