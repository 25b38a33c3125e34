// Recognition as of a date, from the curated ledger: one entry per UN member state and the Holy See.
import { type QueryContext, claimants, todayIso } from "./context.ts";
import type { RecognitionHistoryOut, RecognitionSnapshotOut } from "./schemas.ts";

function placer(ctx: QueryContext) {
  const c = claimants(ctx.knowledge);
  return (country: string) => {
    const s = ctx.knowledge.state(country);
    return {
      country,
      name: s?.name ?? country,
      numeric: s?.numeric ?? null,
      latlng: s?.latlng ?? null,
      claimant: country === c.ROC || country === c.PRC,
    };
  };
}

export function recognitionSnapshot(ctx: QueryContext, asOf?: string): RecognitionSnapshotOut {
  const date = asOf ?? todayIso(ctx);
  const counts = { ROC: 0, PRC: 0, NONE: 0 };
  const place = placer(ctx);
  const states = ctx.knowledge
    .recognitionAsOf(date)
    .map((r) => {
      const p = place(r.country);
      if (!p.claimant) counts[r.recognizes]++;
      return { ...p, recognizes: r.recognizes };
    })
    .sort((x, y) => x.name.localeCompare(y.name));
  return { asOf: date, counts, states };
}

/** The states of the recognition table with all their periods, so a client can replay any date itself. */
export function recognitionHistory(ctx: QueryContext): RecognitionHistoryOut {
  const place = placer(ctx);
  return {
    states: ctx.knowledge
      .recognitionAsOf(todayIso(ctx))
      .map((r) => ({ ...place(r.country), periods: ctx.knowledge.ledger(r.country) }))
      .sort((x, y) => x.name.localeCompare(y.name)),
  };
}
