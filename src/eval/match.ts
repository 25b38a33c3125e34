// One-to-one matching of extracted events to gold, and the scores PRODUCT.md fixes for `attache eval`.
import { SYMMETRIC_TYPES } from "../store/types.ts";
import type { EventRecord } from "../store/types.ts";
import type { GoldEvent } from "./gold.ts";

/** An extracted event with the file it came from (secondary stories count for their page's file). */
export interface Predicted {
  file: string;
  event: EventRecord;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalResult extends Counts {
  status_accuracy: number | null;
  by_type: Record<string, Counts>;
  misses: GoldEvent[];
  false_positives: Predicted[];
  matched: Array<{ gold: GoldEvent; predicted: Predicted }>;
}

export function matches(g: GoldEvent, p: Predicted): boolean {
  const e = p.event;
  if (g.article !== p.file || g.type !== e.type) return false;
  const target = g.target ?? null;
  const direct = g.source === e.source && target === e.target;
  const swapped = SYMMETRIC_TYPES.has(g.type) && g.source === e.target && target === e.source;
  if (!direct && !swapped) return false;
  if (g.date === null) return true;
  return e.date !== null && e.date.length >= g.date.length && e.date.startsWith(g.date);
}

function counts(tp: number, fp: number, fn: number): Counts {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const r = (x: number): number => Math.round(x * 1000) / 1000;
  return { tp, fp, fn, precision: r(precision), recall: r(recall), f1: r(f1) };
}

/** Required gold lines claim their best prediction first; optional lines then absorb what they match. */
export function evaluate(gold: GoldEvent[], predictedAll: Predicted[]): EvalResult {
  const predicted = predictedAll.filter((p) => p.event.status !== "denied");
  const used = new Set<number>();
  const matched: EvalResult["matched"] = [];
  const misses: GoldEvent[] = [];
  const order = [...gold].sort((a, b) => Number(a.optional ?? false) - Number(b.optional ?? false));
  for (const g of order) {
    const candidates = predicted
      .map((p, i) => ({ p, i }))
      .filter(({ p, i }) => !used.has(i) && matches(g, p));
    // Prefer the prediction that also has the gold's status and the most exact date.
    candidates.sort(
      (a, b) =>
        Number(b.p.event.status === g.status) - Number(a.p.event.status === g.status) ||
        Number(b.p.event.date === g.date) - Number(a.p.event.date === g.date),
    );
    const best = candidates[0];
    if (best) {
      used.add(best.i);
      if (!g.optional) matched.push({ gold: g, predicted: best.p });
    } else if (!g.optional) misses.push(g);
  }
  const false_positives = predicted.filter((_, i) => !used.has(i));
  const types = new Set([...gold.map((g) => g.type), ...predicted.map((p) => p.event.type)]);
  const by_type: Record<string, Counts> = {};
  for (const t of [...types].sort()) {
    by_type[t] = counts(
      matched.filter((m) => m.gold.type === t).length,
      false_positives.filter((p) => p.event.type === t).length,
      misses.filter((g) => g.type === t).length,
    );
  }
  const withStatus = matched.filter((m) => m.gold.status);
  return {
    ...counts(matched.length, false_positives.length, misses.length),
    status_accuracy: withStatus.length
      ? Math.round(
          (withStatus.filter((m) => m.gold.status === m.predicted.event.status).length / withStatus.length) *
            1000,
        ) / 1000
      : null,
    by_type,
    misses,
    false_positives,
    matched,
  };
}
