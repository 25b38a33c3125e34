// An article with its events and the ranges of text each event was read from, in the original text (where
// spans point) and in the cleaned text (easier to read for HTML pages).
import { type QueryContext, atOneMoment } from "./context.ts";
import { notFound } from "./errors.ts";
import type { ArticlePageOut, ArticleViewOut } from "./schemas.ts";
import { highlightRanges, toCleaned } from "./spans.ts";

export async function articleView(ctx: QueryContext, id: string): Promise<ArticleViewOut> {
  const a = await ctx.repo.getArticle(id);
  if (!a) throw notFound(`no article with id ${id}`);
  const events = (await ctx.repo.listEvents({ articleId: a.id, limit: 10_000 }))
    .sort((x, y) => x.span.start - y.span.start || (x.id < y.id ? -1 : 1))
    .map((e) => ({ ...e, cleanedSpan: toCleaned(a.offsets, e.span.start, e.span.end) }));
  const { offsets: _offsets, ...article } = a;
  return {
    article,
    events,
    highlights: {
      original: highlightRanges(
        events.map((e) => ({ id: e.id, ...e.span })),
        a.original.length,
      ),
      cleaned: highlightRanges(
        events.flatMap((e) => (e.cleanedSpan ? [{ id: e.id, ...e.cleanedSpan }] : [])),
        a.cleaned.length,
      ),
    },
  };
}

export async function listArticles(
  ctx: QueryContext,
  limit: number,
  offset: number,
): Promise<ArticlePageOut> {
  const [items, stats] = await atOneMoment(ctx.repo, () =>
    Promise.all([ctx.repo.listArticles(limit, offset), ctx.repo.stats()]),
  );
  return { items, total: stats.articles, limit, offset };
}
