// The store behind one small interface, so SQLite and PostgreSQL fit the same callers.
import type { Article, EventRecord, EventStatus, EventType } from "./types.ts";

export interface EventFilter {
  actor?: string;
  pair?: [string, string];
  type?: EventType;
  status?: EventStatus;
  from?: string;
  to?: string;
  text?: string;
  articleId?: string;
  limit?: number;
  offset?: number;
  /** Sort key (default date); ties always break on id, so pages are stable. */
  sort?: EventSortKey;
  /** Default: desc for date and confidence, asc otherwise. */
  order?: "asc" | "desc";
}

export const EVENT_SORT_KEYS = ["date", "type", "source", "target", "status", "confidence"] as const;
export type EventSortKey = (typeof EVENT_SORT_KEYS)[number];

/** What events can be counted by; `partner` is the other side of `filter.actor` (required with it). */
export type EventGroupKey = "type" | "status" | "year" | "source" | "target" | "partner";

export type EventCount = Partial<Record<EventGroupKey, string | null>> & { n: number };

/**
 * One act as the store keeps it: the fields chosen from its mentions (src/store/merge.ts) and how many
 * articles reported it. Its id is its first mention's and never changes.
 */
export interface StoredEvent extends EventRecord {
  /** How many articles report this act (one mention each). */
  sources: number;
}

/** One article's report of an event: the record as extracted from that article, and the event it belongs to. */
export interface EventMention extends EventRecord {
  eventId: string;
}

export interface ArticleSummary {
  id: string;
  title: string | null;
  url: string | null;
  outlet: string | null;
  published: string | null;
  role: string;
  sourceName: string;
  events: number;
}

/** Events between two actors, either way round: `a` sorts before `b` in byte order, or is `b` (events with itself). */
export interface PairCount {
  a: string;
  b: string;
  n: number;
}

export interface StoreStats {
  articles: number;
  events: number;
  byType: Record<string, number>;
}

export interface Repository {
  /**
   * Stores an article with its events in one transaction; false when the article was already stored. An event
   * that reports an act already stored from another article becomes a mention of that event (merge.ts).
   */
  saveArticle(article: Article, events: EventRecord[]): Promise<boolean>;
  /**
   * Stores many articles with their events in one transaction (all or none); for each, false when it was
   * already stored. Ingest writes through this: one large transaction costs little more than one article.
   */
  saveArticles(items: ReadonlyArray<{ article: Article; events: EventRecord[] }>): Promise<boolean[]>;
  hasArticle(id: string): Promise<boolean>;
  getArticle(id: string): Promise<Article | null>;
  listArticles(limit: number, offset: number): Promise<ArticleSummary[]>;
  /**
   * Events, one per act. With `filter.articleId`, that article's mentions instead, as the article reported
   * them (its span, evidence, date, status, confidence), each under the id of its event.
   */
  listEvents(filter: EventFilter): Promise<StoredEvent[]>;
  getEvent(id: string): Promise<StoredEvent | null>;
  /** Every mention of an event, in the order they were stored (empty for an unknown id). */
  listMentions(eventId: string): Promise<EventMention[]>;
  /**
   * How many events match (limit and offset ignored). With `atMost`, counted no further: the answer is then the
   * smaller of the count and `atMost` (a search matching a large share of the store stops early).
   */
  countEvents(filter: EventFilter, atMost?: number): Promise<number>;
  /**
   * A page of events (listEvents) and how many match (countEvents, with `atMost`), read at one moment: a page
   * that ends short says how many without counting them (the offset and the page's events, or none). Optional:
   * callers otherwise run both.
   */
  eventPage?(filter: EventFilter, atMost?: number): Promise<{ items: StoredEvent[]; total: number }>;
  /** Counts of matching events grouped by the given keys, largest first. */
  countEventsBy(filter: EventFilter, keys: EventGroupKey[]): Promise<EventCount[]>;
  /** Earliest and latest event date among matching events. */
  eventDateRange(filter: EventFilter): Promise<{ first: string | null; last: string | null }>;
  /** Summaries of the given articles (unknown ids are left out). */
  articleSummaries(ids: string[]): Promise<ArticleSummary[]>;
  stats(): Promise<StoreStats>;
  /**
   * The pairs of actors with the most events between them (events without a target left out), in no order: the
   * first `limit` by count and every pair tied with the last of them.
   */
  topPairs(limit: number): Promise<PairCount[]>;
  /**
   * A value that changes whenever anything is committed to the store, by this process or another (SQLite);
   * absent where that cannot be known cheaply (PostgreSQL). The server keeps answers while it stays.
   */
  changeMark?(): string;
  /**
   * Runs `work` on one snapshot of the store: every read it starts before its first await sees the same
   * commits, whatever other processes write meanwhile (SQLite: one read transaction). Absent where each read
   * already stands alone (PostgreSQL's pool); callers then run `work` as it is.
   */
  atOneMoment?<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
