// One zod schema per entity the queries return and per set of parameters they take. The API validates with
// them and builds its OpenAPI document from them; the CLI prints what they describe; the dashboard imports
// their types. Every schema that is a named component is registered in `components` under its id.
import { z } from "zod";
import { EVENT_SORT_KEYS, type EventMention, type StoredEvent } from "../store/repository.ts";
import { EVENT_STATUSES, EVENT_TYPES } from "../store/types.ts";

export const components = z.registry<{ id: string; description?: string }>();

function named<T extends z.ZodType>(schema: T, id: string, description: string): T {
  components.add(schema, { id, description });
  return schema;
}

// ---- values -------------------------------------------------------------------------------------------

export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
export const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const ACTOR_ID = /^([A-Z]{3}|IGO:[A-Z0-9_]+)$/;

export const PartialDate = z
  .string()
  .regex(PARTIAL_DATE, "must be YYYY, YYYY-MM or YYYY-MM-DD")
  .meta({ examples: ["2025-06-05"] });
export const Day = z
  .string()
  .regex(DAY, "must be YYYY-MM-DD")
  .meta({ examples: ["2024-02-01"] });

export const EventType = named(z.enum(EVENT_TYPES), "EventType", "The kind of act an event records.");
export const EventStatus = named(
  z.enum(EVENT_STATUSES),
  "EventStatus",
  "occurred; pledged (promised, announced, planned); denied (negated).",
);
export const DatePrecision = z.enum(["day", "month", "year"]);
export const Recognition = named(
  z.enum(["ROC", "PRC", "NONE"]),
  "Recognition",
  "Which government a state recognizes as China: ROC (Taipei), PRC (Beijing) or neither.",
);

export const Span = z.object({ start: z.int().min(0), end: z.int().min(0) });

// ---- entities -----------------------------------------------------------------------------------------

/** The fields of one coded record: an event, or one article's mention of it. */
const EventFields = z.object({
  id: z.string(),
  articleId: z.string(),
  type: EventType,
  source: z.string().meta({ description: "Actor id: ISO alpha-3 or IGO:NAME." }),
  target: z.string().nullable(),
  sourceActor: z.string().nullable(),
  targetActor: z.string().nullable(),
  date: PartialDate.nullable(),
  datePrecision: DatePrecision.nullable(),
  dateStated: z.boolean(),
  status: EventStatus,
  amount: z
    .object({ text: z.string(), value: z.number().nullable(), unit: z.string().nullable() })
    .nullable(),
  location: z.string().nullable(),
  quote: z.object({ text: z.string(), speaker: z.string().nullable() }).nullable(),
  span: Span.meta({ description: "Evidence offsets into the article's original text." }),
  evidence: z.string(),
  plover: z.object({ type: z.string(), mode: z.string().nullable() }),
  confidence: z.number().min(0).max(1),
  rule: z.string(),
});

export const Event = named(
  EventFields.extend({
    sources: z
      .int()
      .min(1)
      .meta({
        description:
          "How many articles report this act. Reports of one act are merged into one event; its fields are " +
          "chosen from them by a documented rule, and GET /api/events/{id} lists them.",
      }),
  }),
  "Event",
  "One act with the evidence it was read from and the number of articles that report it.",
);

// The store's record and the schema must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const eventSchemaMatchesRecord: Same<z.infer<typeof Event>, StoredEvent> = true;

export const ActorRef = named(
  z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(["state", "igo", "unknown"]),
  }),
  "ActorRef",
  "An actor id with its display name.",
);

export const ArticleSummary = named(
  z.object({
    id: z.string(),
    title: z.string().nullable(),
    url: z.string().nullable(),
    outlet: z.string().nullable(),
    published: z.string().nullable(),
    role: z.string(),
    sourceName: z.string(),
    events: z.int().min(0),
  }),
  "ArticleSummary",
  "An article without its text.",
);

export const Mention = named(
  EventFields.extend({
    eventId: z.string().meta({ description: "The event this report belongs to." }),
    article: ArticleSummary.nullable(),
  }),
  "Mention",
  "One article's report of an event, as that article gave it: its id, span, evidence, date and confidence.",
);

export const mentionSchemaMatchesRecord: Same<Omit<z.infer<typeof Mention>, "article">, EventMention> = true;

export const EventDetail = named(
  z.object({ event: Event, mentions: z.array(Mention) }),
  "EventDetail",
  "An event with every article that reports it, in the order they were stored.",
);

export const LedgerPeriod = named(
  z.object({
    recognizes: Recognition,
    from: Day,
    to: Day.nullable(),
    source: z.string(),
    note: z.string().optional(),
    dayConfirmed: z.boolean(),
    disputed: z.boolean(),
  }),
  "LedgerPeriod",
  "A period of recognition from the curated ledger, with its source.",
);

export const Page = <T extends z.ZodType>(item: T, id: string) =>
  named(
    z.object({
      items: z.array(item),
      total: z.int().min(0),
      limit: z.int().min(1),
      offset: z.int().min(0),
    }),
    id,
    "One page of results; `total` counts every match.",
  );

/**
 * Events with words in the evidence are counted up to this many: a common word matches a large share of the
 * store, and counting every match would cost more than finding the page. Past it, the total is a lower bound.
 * With other fields too, each match found costs reading several events (5 µs each) where the words are a
 * seventh of them: 1,000 keeps the count near 35 ms (npm run bench, 1,000,000 events), 10,000 did not.
 */
export const TEXT_COUNT_LIMIT = 1_000;

export const EventPage = named(
  z.object({
    items: z.array(Event),
    total: z.int().min(0),
    totalIsLowerBound: z.boolean().meta({
      description:
        "True when `total` is a lower bound, not the count: events with words in the evidence (`text`) are " +
        `counted up to ${TEXT_COUNT_LIMIT.toLocaleString("en-US")}, and past that \`total\` is that many (or ` +
        "this page's end, if further) and more match.",
    }),
    limit: z.int().min(1),
    offset: z.int().min(0),
  }),
  "EventPage",
  "One page of events; `total` counts every match, or is a lower bound when `totalIsLowerBound` says so.",
);
export const ArticlePage = Page(ArticleSummary, "ArticlePage");

export const TimelineEntry = named(
  z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("event"),
      date: PartialDate.nullable(),
      event: Event,
      article: ArticleSummary.nullable(),
    }),
    z.object({
      kind: z.literal("recognition"),
      date: Day,
      state: z.string(),
      recognizes: Recognition,
      previous: Recognition.nullable(),
      period: LedgerPeriod,
    }),
  ]),
  "TimelineEntry",
  "An event (with its article) or a change in the recognition ledger.",
);

export const Timeline = named(
  z.object({
    a: ActorRef,
    b: ActorRef,
    entries: z.array(TimelineEntry),
    events: z.int().min(0),
    truncated: z.boolean(),
  }),
  "Timeline",
  "The history of one relationship, oldest first; undated events last.",
);

export const CountRow = z.object({ key: z.string().nullable(), name: z.string().nullable(), n: z.int() });

export const CountryProfile = named(
  z.object({
    state: z.object({
      id: z.string(),
      name: z.string(),
      officialName: z.string().nullable(),
      capital: z.string().nullable(),
      unMember: z.boolean(),
      numeric: z.string().nullable(),
      latlng: z.tuple([z.number(), z.number()]).nullable(),
    }),
    asOf: Day,
    recognizes: Recognition,
    ledger: z.array(LedgerPeriod),
    officeHolders: z.array(
      z.object({
        office: z.string(),
        personId: z.string(),
        name: z.string(),
        title: z.string(),
        from: z.string(),
        to: z.string().nullable(),
      }),
    ),
    events: z.object({
      total: z.int(),
      first: z.string().nullable(),
      last: z.string().nullable(),
      byType: z.array(CountRow),
      byPartner: z.array(CountRow),
      byYear: z.array(CountRow),
      series: z
        .array(
          z.object({
            year: z.string().nullable(),
            type: z.string(),
            partner: z.string().nullable(),
            n: z.int(),
          }),
        )
        .optional()
        .meta({
          description:
            "Counts by year, type and partner at once; only when asked (`series=true`): tens of thousands of " +
            "rows for a busy state.",
        }),
    }),
    recent: z.array(Event),
    /** The articles of the recent events. */
    recentArticles: z.array(ArticleSummary),
  }),
  "CountryProfile",
  "A state: recognition history, office holders on a date, and what the store says it did.",
);

export const ArticleView = named(
  z.object({
    article: z.object({
      id: z.string(),
      url: z.string().nullable(),
      title: z.string().nullable(),
      outlet: z.string().nullable(),
      published: z.string().nullable(),
      datePrecision: DatePrecision.nullable(),
      dateSource: z.string(),
      dateConfidence: z.number(),
      role: z.string(),
      parentId: z.string().nullable(),
      sourceName: z.string(),
      format: z.string(),
      original: z.string(),
      cleaned: z.string(),
    }),
    events: z.array(
      Event.extend({
        cleanedSpan: Span.nullable().meta({ description: "The evidence in the cleaned text, when it maps." }),
      }),
    ),
    highlights: z.object({
      original: z.array(z.object({ start: z.int(), end: z.int(), events: z.array(z.string()) })),
      cleaned: z.array(z.object({ start: z.int(), end: z.int(), events: z.array(z.string()) })),
    }),
  }),
  "ArticleView",
  "An article's text with its events and the ranges of text each one was read from.",
);

export const RecognitionState = z.object({
  country: z.string(),
  name: z.string(),
  numeric: z.string().nullable(),
  latlng: z.tuple([z.number(), z.number()]).nullable(),
  recognizes: Recognition,
  claimant: z
    .boolean()
    .meta({ description: "One of the two governments themselves (Taiwan, China): left out of the counts." }),
});

export const RecognitionSnapshot = named(
  z.object({
    asOf: Day,
    counts: z.object({ ROC: z.int(), PRC: z.int(), NONE: z.int() }).meta({
      description: "States by what they recognize, the two claimants left out: ROC is Taipei's allies.",
    }),
    states: z.array(RecognitionState),
  }),
  "RecognitionSnapshot",
  "What every UN member state and the Holy See recognized on a date.",
);

export const RecognitionHistory = named(
  z.object({
    states: z.array(RecognitionState.omit({ recognizes: true }).extend({ periods: z.array(LedgerPeriod) })),
  }),
  "RecognitionHistory",
  "The whole ledger: every state with its periods (for animating the map).",
);

export const Stats = named(
  z.object({
    articles: z.int(),
    events: z.int(),
    firstEvent: z.string().nullable(),
    lastEvent: z.string().nullable(),
    byType: z.array(CountRow),
    byStatus: z.array(CountRow),
    byYear: z.array(CountRow),
    topActors: z.array(CountRow),
    topPairs: z.array(z.object({ a: ActorRef, b: ActorRef, n: z.int() })),
    allies: z.object({ asOf: Day, count: z.int(), states: z.array(ActorRef) }),
  }),
  "Stats",
  "Totals over the whole store.",
);

export const ActorList = named(
  z.object({ items: z.array(ActorRef.extend({ events: z.int() })) }),
  "ActorList",
  "Every state (and every actor with events), for pickers.",
);

export const ApiErrorBody = named(
  z.object({
    error: z.object({
      code: z.string().meta({ description: "Stable machine code, e.g. not_found, invalid_request." }),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  }),
  "Error",
  "Every 4xx and 5xx answer has this body.",
);

// ---- parameters ---------------------------------------------------------------------------------------

const actorParam = z
  .string()
  .min(1)
  .max(100)
  .meta({ description: "An actor id (GTM, IGO:WHO) or a name the gazetteer knows (Guatemala, Taipei)." });

const int = (min: number, max: number, dflt: number) =>
  z.coerce.number().int().min(min).max(max).default(dflt);

export const EventQuery = z.object({
  actor: actorParam.optional(),
  pair: z
    .string()
    .regex(/^[^,]+,[^,]+$/, "must be two actors separated by a comma")
    .optional()
    .meta({ description: "Two actors, either direction: TWN,GTM." }),
  type: EventType.optional(),
  status: EventStatus.optional(),
  from: PartialDate.optional(),
  to: PartialDate.optional(),
  text: z.string().max(200).optional().meta({ description: "Words the evidence sentence contains." }),
  article: z.string().max(100).optional(),
  sort: z.enum(EVENT_SORT_KEYS).default("date"),
  order: z.enum(["asc", "desc"]).optional().meta({ description: "Default: desc for date and confidence." }),
  limit: int(1, 500, 50),
  offset: int(0, 1_000_000, 0),
});
export type EventQuery = z.infer<typeof EventQuery>;

export const TimelineQuery = z.object({
  a: actorParam,
  b: actorParam,
  from: PartialDate.optional(),
  to: PartialDate.optional(),
  limit: int(1, 5000, 500).meta({
    description: "At most this many events, oldest first (the rest: truncated).",
  }),
});

export const RecognitionQuery = z.object({
  as_of: Day.optional().meta({ description: "Default: today." }),
});

export const CountryQuery = z.object({
  as_of: Day.optional().meta({ description: "Date for recognition and office holders (default: today)." }),
  series: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true")
    .meta({ description: "Also the counts by year, type and partner at once (`events.series`)." }),
});

export const ArticleListQuery = z.object({ limit: int(1, 500, 50), offset: int(0, 1_000_000, 0) });

export const IdParam = z.object({ id: z.string().min(1).max(200) });

export type EventOut = z.infer<typeof Event>;
export type EventPageOut = z.infer<typeof EventPage>;
export type EventDetailOut = z.infer<typeof EventDetail>;
export type MentionOut = z.infer<typeof Mention>;
export type ArticlePageOut = z.infer<typeof ArticlePage>;
export type TimelineOut = z.infer<typeof Timeline>;
export type TimelineEntryOut = z.infer<typeof TimelineEntry>;
export type CountryProfileOut = z.infer<typeof CountryProfile>;
export type ArticleViewOut = z.infer<typeof ArticleView>;
export type RecognitionSnapshotOut = z.infer<typeof RecognitionSnapshot>;
export type RecognitionHistoryOut = z.infer<typeof RecognitionHistory>;
export type StatsOut = z.infer<typeof Stats>;
export type ActorRefOut = z.infer<typeof ActorRef>;
export type ArticleSummaryOut = z.infer<typeof ArticleSummary>;
export type ActorListOut = z.infer<typeof ActorList>;
export type LedgerPeriodOut = z.infer<typeof LedgerPeriod>;
export type ApiErrorOut = z.infer<typeof ApiErrorBody>;
