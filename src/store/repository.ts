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

export interface StoreStats {
  articles: number;
  events: number;
  byType: Record<string, number>;
}

export interface Repository {
  /** Stores an article with its events in one transaction; false when the article was already stored. */
  saveArticle(article: Article, events: EventRecord[]): Promise<boolean>;
  /**
   * Stores many articles with their events in one transaction (all or none); for each, false when it was
   * already stored. Ingest writes through this: one large transaction costs little more than one article.
   */
  saveArticles(items: ReadonlyArray<{ article: Article; events: EventRecord[] }>): Promise<boolean[]>;
  hasArticle(id: string): Promise<boolean>;
  getArticle(id: string): Promise<Article | null>;
  listArticles(limit: number, offset: number): Promise<ArticleSummary[]>;
  listEvents(filter: EventFilter): Promise<EventRecord[]>;
  /** How many events match (limit and offset ignored). */
  countEvents(filter: EventFilter): Promise<number>;
  /** Counts of matching events grouped by the given keys, largest first. */
  countEventsBy(filter: EventFilter, keys: EventGroupKey[]): Promise<EventCount[]>;
  /** Earliest and latest event date among matching events. */
  eventDateRange(filter: EventFilter): Promise<{ first: string | null; last: string | null }>;
  /** Summaries of the given articles (unknown ids are left out). */
  articleSummaries(ids: string[]): Promise<ArticleSummary[]>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
