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

export interface StoreStats {
  articles: number;
  events: number;
  byType: Record<string, number>;
}

export interface Repository {
  /** Stores an article with its events in one transaction; false when the article was already stored. */
  saveArticle(article: Article, events: EventRecord[]): Promise<boolean>;
  hasArticle(id: string): Promise<boolean>;
  getArticle(id: string): Promise<Article | null>;
  listArticles(limit: number, offset: number): Promise<ArticleSummary[]>;
  listEvents(filter: EventFilter): Promise<EventRecord[]>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
