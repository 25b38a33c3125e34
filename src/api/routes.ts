// The read-only JSON API: each route validates its input and hands it to a query in src/query.
import {
  articleView,
  countryProfile,
  eventDetail,
  findEvents,
  listActors,
  listArticles,
  overallStats,
  recognitionHistory,
  recognitionSnapshot,
  relationshipTimeline,
} from "../query/index.ts";
import {
  ActorList,
  ArticleListQuery,
  ArticlePage,
  ArticleView,
  CountryProfile,
  CountryQuery,
  EventDetail,
  EventPage,
  EventQuery,
  IdParam,
  RecognitionHistory,
  RecognitionQuery,
  RecognitionSnapshot,
  Stats,
  Timeline,
  TimelineQuery,
} from "../query/schemas.ts";
import { type RouteDef, route } from "./route.ts";

export const ROUTES: RouteDef[] = [
  route({
    path: "/api/events",
    operationId: "listEvents",
    summary: "Events, filtered, sorted and paged",
    description:
      "Filters combine with AND. Sorting is stable: ties break on the event id, so paging with the same " +
      "parameters never repeats or skips an event.",
    tag: "events",
    query: EventQuery,
    response: EventPage,
    handler: ({ query }, ctx) => findEvents(ctx, query),
  }),
  route({
    path: "/api/events/{id}",
    operationId: "getEvent",
    summary: "One event with every article that reports it",
    description:
      "Reports of the same act (same type and pair, dates within a week at their precisions) are one event; " +
      "each mention is that act as one article gave it, with its span, evidence, date and confidence.",
    tag: "events",
    params: IdParam,
    response: EventDetail,
    errors: [404],
    handler: ({ params }, ctx) => eventDetail(ctx, params.id),
  }),
  route({
    path: "/api/timeline",
    operationId: "getTimeline",
    summary: "The history of one relationship",
    description:
      "Events between a and b (either direction) and, when one side is TWN or CHN, the other side's " +
      "recognition-ledger changes, oldest first.",
    tag: "events",
    query: TimelineQuery,
    response: Timeline,
    handler: ({ query }, ctx) =>
      relationshipTimeline(ctx, query.a, query.b, { from: query.from, to: query.to, limit: query.limit }),
  }),
  route({
    path: "/api/recognition",
    operationId: "getRecognition",
    summary: "Which states recognize Taipei or Beijing on a date",
    tag: "recognition",
    query: RecognitionQuery,
    response: RecognitionSnapshot,
    handler: ({ query }, ctx) => recognitionSnapshot(ctx, query.as_of),
  }),
  route({
    path: "/api/recognition/history",
    operationId: "getRecognitionHistory",
    summary: "The whole recognition ledger, every state with its periods",
    tag: "recognition",
    response: RecognitionHistory,
    handler: (_input, ctx) => recognitionHistory(ctx),
  }),
  route({
    path: "/api/countries/{id}",
    operationId: "getCountry",
    summary: "A country profile",
    tag: "countries",
    params: IdParam,
    query: CountryQuery,
    response: CountryProfile,
    errors: [404],
    handler: ({ params, query }, ctx) =>
      countryProfile(ctx, params.id, { asOf: query.as_of, series: query.series }),
  }),
  route({
    path: "/api/articles",
    operationId: "listArticles",
    summary: "Articles, newest first",
    tag: "articles",
    query: ArticleListQuery,
    response: ArticlePage,
    handler: ({ query }, ctx) => listArticles(ctx, query.limit, query.offset),
  }),
  route({
    path: "/api/articles/{id}",
    operationId: "getArticle",
    summary: "An article with its events and the spans of their evidence",
    tag: "articles",
    params: IdParam,
    response: ArticleView,
    errors: [404],
    handler: ({ params }, ctx) => articleView(ctx, params.id),
  }),
  route({
    path: "/api/actors",
    operationId: "listActors",
    summary: "Every state and every actor with events, with event counts",
    tag: "countries",
    response: ActorList,
    handler: (_input, ctx) => listActors(ctx),
  }),
  route({
    path: "/api/stats",
    operationId: "getStats",
    summary: "Totals over the whole store",
    tag: "stats",
    response: Stats,
    handler: (_input, ctx) => overallStats(ctx),
  }),
];
