// The history of one relationship: its events and, when one side is Taipei or Beijing (the ledger's two
// claimants), the other side's recognition-ledger changes, merged oldest first. Every event comes with its
// evidence and its article.
import { type QueryContext, actorRef, claimants, resolveActor } from "./context.ts";
import { badRequest } from "./errors.ts";
import type { TimelineEntryOut, TimelineOut } from "./schemas.ts";

export interface TimelineOptions {
  from?: string;
  to?: string;
  /** At most this many events (the rest is reported as truncated). */
  limit?: number;
}

const inRange = (date: string, o: TimelineOptions): boolean =>
  (!o.from || date >= o.from) && (!o.to || date.slice(0, o.to.length) <= o.to);

/** Date order with undated entries last; on one day a recognition change comes before the events. */
function compareEntries(x: TimelineEntryOut, y: TimelineEntryOut): number {
  if (x.date !== y.date) {
    if (x.date === null) return 1;
    if (y.date === null) return -1;
    return x.date < y.date ? -1 : 1;
  }
  if (x.kind !== y.kind) return x.kind === "recognition" ? -1 : 1;
  const xi = x.kind === "event" ? x.event.id : x.state;
  const yi = y.kind === "event" ? y.event.id : y.state;
  return xi < yi ? -1 : xi > yi ? 1 : 0;
}

export function recognitionEntries(
  ctx: QueryContext,
  a: string,
  b: string,
  o: TimelineOptions,
): TimelineEntryOut[] {
  const c = claimants(ctx.knowledge);
  const CHINAS = new Set([c.ROC, c.PRC].filter((x): x is string => x !== null));
  const other = CHINAS.has(a) && !CHINAS.has(b) ? b : CHINAS.has(b) && !CHINAS.has(a) ? a : null;
  if (!other) return [];
  const periods = ctx.knowledge.ledger(other);
  return periods
    .map((period, i): TimelineEntryOut => ({
      kind: "recognition",
      date: period.from,
      state: other,
      recognizes: period.recognizes,
      previous: i > 0 ? periods[i - 1].recognizes : null,
      period,
    }))
    .filter((e) => inRange(e.date!, o));
}

/** Events a timeline shows unless asked for more: a screenful of years, read in well under 50 ms. */
export const TIMELINE_LIMIT = 500;

export async function relationshipTimeline(
  ctx: QueryContext,
  aInput: string,
  bInput: string,
  o: TimelineOptions = {},
): Promise<TimelineOut> {
  const a = resolveActor(ctx.knowledge, aInput, "a");
  const b = resolveActor(ctx.knowledge, bInput, "b");
  if (a === b) throw badRequest("a and b are the same actor", [{ path: "b", message: `both are ${a}` }]);
  const limit = o.limit ?? TIMELINE_LIMIT;
  const filter = { pair: [a, b] as [string, string], from: o.from, to: o.to };
  const events = await ctx.repo.listEvents({ ...filter, sort: "date", order: "asc", limit: limit + 1 });
  const truncated = events.length > limit;
  if (truncated) events.length = limit;
  const articles = new Map(
    (await ctx.repo.articleSummaries(events.map((e) => e.articleId))).map((s) => [s.id, s]),
  );
  const entries: TimelineEntryOut[] = [
    ...recognitionEntries(ctx, a, b, o),
    ...events.map((event): TimelineEntryOut => ({
      kind: "event",
      date: event.date,
      event,
      article: articles.get(event.articleId) ?? null,
    })),
  ].sort(compareEntries);
  return {
    a: actorRef(ctx.knowledge, a),
    b: actorRef(ctx.knowledge, b),
    entries,
    events: truncated ? await ctx.repo.countEvents(filter) : events.length,
    truncated,
  };
}
