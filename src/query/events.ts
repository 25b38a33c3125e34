// Events by actor, pair, type, status, date range and text, one stable page at a time.
import type { EventFilter } from "../store/repository.ts";
import { type QueryContext, atOneMoment, resolveActor } from "./context.ts";
import { badRequest, notFound } from "./errors.ts";
import { type EventDetailOut, type EventPageOut, type EventQuery, TEXT_COUNT_LIMIT } from "./schemas.ts";

/** Turns validated query parameters into a store filter, resolving actor names to ids. */
export function eventFilter(ctx: QueryContext, q: Partial<EventQuery>): EventFilter {
  const f: EventFilter = {};
  if (q.actor) f.actor = resolveActor(ctx.knowledge, q.actor, "actor");
  if (q.pair) {
    const [a, b] = q.pair.split(",");
    f.pair = [resolveActor(ctx.knowledge, a, "pair"), resolveActor(ctx.knowledge, b, "pair")];
  }
  if (q.type) f.type = q.type;
  if (q.status) f.status = q.status;
  if (q.from) f.from = q.from;
  if (q.to) f.to = q.to;
  if (q.from && q.to && q.from.slice(0, q.to.length) > q.to)
    throw badRequest("from is after to", [{ path: "from", message: `${q.from} is after ${q.to}` }]);
  if (q.text?.trim()) f.text = q.text.trim();
  if (q.article) f.articleId = q.article;
  if (q.sort) f.sort = q.sort;
  if (q.order) f.order = q.order;
  return f;
}

export async function findEvents(ctx: QueryContext, q: EventQuery): Promise<EventPageOut> {
  const filter = eventFilter(ctx, q);
  // One more than the limit tells "exactly 1,000" from "more".
  const atMost = filter.text ? TEXT_COUNT_LIMIT + 1 : undefined;
  const asked = { ...filter, limit: q.limit, offset: q.offset };
  const [items, counted] = ctx.repo.eventPage
    ? await ctx.repo.eventPage(asked, atMost).then((p) => [p.items, p.total] as const)
    : await atOneMoment(ctx.repo, () =>
        Promise.all([ctx.repo.listEvents(asked), ctx.repo.countEvents(filter, atMost)]),
      );
  const page = (total: number, totalIsLowerBound: boolean): EventPageOut => ({
    items,
    total,
    totalIsLowerBound,
    limit: q.limit,
    offset: q.offset,
  });
  if (atMost === undefined || counted < atMost) return page(counted, false);
  // A page that ends short is the last: the count is where it ends.
  if (items.length > 0 && items.length < q.limit) return page(q.offset + items.length, false);
  // At least the limit, and at least as many as this page reaches.
  return page(Math.max(TEXT_COUNT_LIMIT, q.offset + items.length), true);
}

/** One event with every article that reports it, each mention as its article gave it. */
export async function eventDetail(ctx: QueryContext, id: string): Promise<EventDetailOut> {
  const event = await ctx.repo.getEvent(id);
  if (!event) throw notFound(`no event with id ${id}`);
  const mentions = await ctx.repo.listMentions(id);
  const articles = new Map(
    (await ctx.repo.articleSummaries(mentions.map((m) => m.articleId))).map((a) => [a.id, a]),
  );
  return { event, mentions: mentions.map((m) => ({ ...m, article: articles.get(m.articleId) ?? null })) };
}

/** Every matching event, oldest first, read page by page (for exports). */
export async function* allEvents(ctx: QueryContext, filter: EventFilter, pageSize = 1000) {
  for (let offset = 0; ; offset += pageSize) {
    const page = await ctx.repo.listEvents({
      ...filter,
      sort: "date",
      order: "asc",
      limit: pageSize,
      offset,
    });
    yield* page;
    if (page.length < pageSize) return;
  }
}
