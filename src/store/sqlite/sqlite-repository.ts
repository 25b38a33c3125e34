// The embedded store: SQLite through better-sqlite3, WAL mode, migrations applied at open.
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { candidateQuery, mergeMentions, pickEvent } from "../merge.ts";
import type {
  ArticleSummary,
  EventCount,
  EventFilter,
  EventGroupKey,
  EventMention,
  Repository,
  StoreStats,
  StoredEvent,
  PairCount,
} from "../repository.ts";
import {
  ARTICLE_FIELDS,
  EVENT_COLUMNS,
  EVENT_FIELDS,
  type Query,
  SUMMARY_COLUMNS,
  type TextMatch,
  articleValues,
  byId,
  countByQuery,
  countEventsQuery,
  countRows,
  dateRangeQuery,
  eventValues,
  getEventQuery,
  listEventsQuery,
  mentionsQuery,
  rowToArticle,
  mentionFromRow,
  rowToMention,
  rowToStored,
  summaryFromRow,
} from "../sql.ts";
import type { Article, EventRecord } from "../types.ts";
import { MIGRATIONS } from "./migrations.ts";
import {
  TYPES_PRESENT,
  TYPE_TOTALS,
  countByArms,
  countByText,
  countByTextAnd,
  countByArmsUpTo,
  dateRangeByArms,
  listArticlesByDate,
  listByConfidence,
  listByDate,
  listByTextMatches,
  listByType,
  wordsInEveryType,
  manyMatches,
  tallyCount,
  tallyCountBy,
  textPhrase,
  topPairsByCounts,
} from "./read-paths.ts";

type Row = Record<string, unknown>;

const schemaVersion = (db: Database.Database): number =>
  db.pragma("user_version", { simple: true }) as number;

/**
 * Brings the schema up to date, one step per transaction. Another process may be opening the same new file
 * (an ingest and a server started together): each step takes the write lock first and reads the version
 * under it, so a step the other process applied meanwhile is not applied twice.
 */
export function migrate(db: Database.Database): void {
  while (schemaVersion(db) < MIGRATIONS.length) {
    db.transaction(() => {
      const version = schemaVersion(db);
      if (version >= MIGRATIONS.length) return;
      db.exec(MIGRATIONS[version]);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}

export function openSqlite(path: string): SqliteRepository {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  // Set first: switching a new file to WAL, like migrating it, waits for another process doing the same. A
  // writer may hold the lock for a whole batch of articles (about a second, longer on a busy machine): wait
  // for it rather than fail.
  db.pragma("busy_timeout = 30000");
  // SQLite answers "database is locked" at once, without waiting, where waiting could deadlock (two
  // processes switching a new file to WAL together): such a step is simply tried again.
  untilUnlocked(() => db.pragma("journal_mode = WAL"));
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  // Statement journals (every insert fires the count triggers of migration 3) and sorts stay in memory rather
  // than in temporary files: ingest writes several times faster.
  db.pragma("temp_store = MEMORY");
  untilUnlocked(() => migrate(db));
  return new SqliteRepository(db);
}

/** A word no one writes: `Atomics.wait` on it sleeps this thread for the time given. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** Runs `step`, again after a short pause while SQLite reports the database locked (for at most 30 s). */
function untilUnlocked<T>(step: () => T): T {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return step();
    } catch (err) {
      const busy = (err as { code?: string }).code?.startsWith("SQLITE_BUSY") ?? false;
      if (!busy || Date.now() > deadline) throw err;
      Atomics.wait(PAUSE, 0, 0, 50 + Math.random() * 100);
    }
  }
}

/** Words in the evidence through the trigram index where it answers as LIKE does (read-paths.ts). */
const textMatch = (f: EventFilter): TextMatch => (textPhrase(f) === null ? "like" : "trigram");

/**
 * Other fields with at most this many events are counted with words along their own index, each event read
 * for the words (about 5 µs each): reading the words' matches instead may read a seventh of the store.
 */
const FEW_OTHERS = 50_000;

const marks = (n: number): string => Array(n).fill("?").join(", ");

export class SqliteRepository implements Repository {
  readonly db: Database.Database;
  private readonly insertArticle: Database.Statement;
  private readonly insertEvent: Database.Statement;
  private readonly insertMention: Database.Statement;
  private readonly updateEvent: Database.Statement;
  private readonly articleExists: Database.Statement;
  private readonly ownChanges: Database.Statement;

  constructor(db: Database.Database) {
    this.db = db;
    this.insertArticle = db.prepare(
      `INSERT OR IGNORE INTO articles (${ARTICLE_FIELDS.join(", ")}) VALUES (${marks(ARTICLE_FIELDS.length)})`,
    );
    // Each event takes the next key of the trigram index (migration 4) as it is stored.
    this.insertEvent = db.prepare(
      `INSERT INTO events (${EVENT_COLUMNS}, sources, text_key)
       VALUES (${marks(EVENT_FIELDS.length)}, ?, (SELECT coalesce(max(text_key), 0) + 1 FROM events))`,
    );
    this.insertMention = db.prepare(
      `INSERT INTO event_mentions (event_id, ${EVENT_COLUMNS}) VALUES (?, ${marks(EVENT_FIELDS.length)})`,
    );
    this.updateEvent = db.prepare(
      `UPDATE events SET ${EVENT_FIELDS.slice(1)
        .map((c) => `${c} = ?`)
        .join(", ")}, sources = ? WHERE id = ?`,
    );
    this.articleExists = db.prepare("SELECT 1 FROM articles WHERE id = ?");
    this.ownChanges = db.prepare("SELECT total_changes() AS n");
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** Runs a query through a cache of prepared statements (the SQL varies only with the filters used). */
  private all(q: Query): Row[] {
    let st = this.statements.get(q.sql);
    if (!st) {
      if (this.statements.size >= 256) this.statements.clear();
      st = this.db.prepare(q.sql);
      this.statements.set(q.sql, st);
    }
    return st.all(...q.params) as Row[];
  }

  /** Synchronous core, shared by the async interface and by batch writers. Call it inside `transaction`. */
  saveArticleSync(a: Article, events: EventRecord[]): boolean {
    if (this.insertArticle.run(...articleValues(a)).changes === 0) return false;
    const seen = new Set<string>();
    for (const e of events) {
      // The same id twice in one article is the same event told twice: keep the first.
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      this.storeMention(e);
    }
    return true;
  }

  /** A new event, or a new mention of the stored event that reports the same act (merge.ts). */
  private storeMention(m: EventRecord): void {
    const q = candidateQuery(m);
    const target = q ? pickEvent(m, this.all(q) as Array<{ id: string; date: string }>) : null;
    if (!target) {
      this.insertEvent.run(...eventValues(m, "sqlite"), 1);
      this.insertMention.run(m.id, ...eventValues(m, "sqlite"));
      return;
    }
    this.insertMention.run(target.id, ...eventValues(m, "sqlite"));
    const mentions = this.all(mentionsQuery(target.id)).map(rowToMention);
    const merged = mergeMentions(target.id, mentions);
    this.updateEvent.run(...eventValues(merged, "sqlite").slice(1), mentions.length, target.id);
  }

  /** Runs `work` in one transaction: either all of it is stored or none. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  saveArticle(article: Article, events: EventRecord[]): Promise<boolean> {
    return Promise.resolve(this.transaction(() => this.saveArticleSync(article, events)));
  }

  saveArticles(items: ReadonlyArray<{ article: Article; events: EventRecord[] }>): Promise<boolean[]> {
    return Promise.resolve(
      this.transaction(() => items.map(({ article, events }) => this.saveArticleSync(article, events))),
    );
  }

  hasArticle(id: string): Promise<boolean> {
    return Promise.resolve(this.articleExists.get(id) !== undefined);
  }

  getArticle(id: string): Promise<Article | null> {
    const row = this.db.prepare("SELECT * FROM articles WHERE id = ?").get(id) as Row | undefined;
    return Promise.resolve(row ? rowToArticle(row) : null);
  }

  listArticles(limit: number, offset: number): Promise<ArticleSummary[]> {
    return Promise.resolve(this.all(listArticlesByDate(limit, offset)).map(summaryFromRow));
  }

  articleSummaries(ids: string[]): Promise<ArticleSummary[]> {
    const unique = [...new Set(ids)];
    const out: ArticleSummary[] = [];
    // Bound in chunks: SQLite caps the number of parameters in one statement.
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      const sql = `SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.id IN (${marks(chunk.length)})`;
      out.push(...this.all({ sql, params: chunk }).map(summaryFromRow));
    }
    return Promise.resolve(out.sort(byId));
  }

  listEvents(filter: EventFilter): Promise<StoredEvent[]> {
    return Promise.resolve(this.all(this.listQuery(filter)).map(rowToStored));
  }

  /** The fastest of read-paths.ts's forms that applies, else sql.ts's general one. */
  private listQuery(f: EventFilter): Query {
    if (f.sort === "type") {
      const types = this.all({ sql: TYPES_PRESENT, params: [] }).map((r) => r.type as string);
      // Words alone in every type, and many, are read on each event of each type's walk.
      const every = wordsInEveryType(f, types);
      const probe = every && manyMatches(f, this.eventsAbout());
      const words = Boolean(probe && this.all(probe)[0].many && this.all(every)[0].every);
      return (
        listByType(f, types, words) ?? listByTextMatches(f) ?? listEventsQuery(f, "sqlite", textMatch(f))
      );
    }
    // Words many events have are read on each event a walk in the page's order reaches (read-paths.ts).
    const probe = manyMatches(f, this.eventsAbout());
    const words = probe !== null && Boolean(this.all(probe)[0].many);
    if (f.sort === "confidence")
      return listByConfidence(f, words) ?? listEventsQuery(f, "sqlite", textMatch(f));
    return listByDate(f, words) ?? listEventsQuery(f, "sqlite", textMatch(f));
  }

  /** About how many events are stored (at least as many): the last key given out, one index seek. */
  private eventsAbout(): number {
    return Number(this.all({ sql: "SELECT coalesce(max(text_key), 0) AS n FROM events", params: [] })[0].n);
  }

  eventPage(f: EventFilter, atMost?: number): Promise<{ items: StoredEvent[]; total: number }> {
    return this.atOneMoment(() => {
      const items = this.all(this.listQuery(f)).map(rowToStored);
      const offset = f.offset ?? 0;
      // Both read synchronously, in one read transaction. Where words are rare among the other fields' events,
      // the page has read every one of those: the count need not read them again.
      const short = items.length < (f.limit ?? 100) && (items.length > 0 || offset === 0);
      const total = short ? offset + items.length : this.count(f, atMost);
      return Promise.resolve({ items, total: atMost === undefined ? total : Math.min(total, atMost) });
    });
  }

  getEvent(id: string): Promise<StoredEvent | null> {
    const rows = this.all(getEventQuery(id));
    return Promise.resolve(rows.length ? rowToStored(rows[0]) : null);
  }

  listMentions(eventId: string): Promise<EventMention[]> {
    return Promise.resolve(this.all(mentionsQuery(eventId)).map(mentionFromRow));
  }

  countEvents(filter: EventFilter, atMost?: number): Promise<number> {
    return Promise.resolve(this.count(filter, atMost));
  }

  private count(filter: EventFilter, atMost?: number): number {
    // The running counts and the arms count exactly, and cheaply: the bound is applied after.
    const q =
      tallyCount(filter) ??
      countByText(filter, atMost) ??
      this.countWords(filter, atMost) ??
      countByArms(filter) ??
      countEventsQuery(filter, "sqlite", textMatch(filter), atMost);
    const n = Number(this.all(q)[0].n);
    return atMost === undefined ? n : Math.min(n, atMost);
  }

  /**
   * Words with other fields, counted no further than `atMost`: along the other fields' arms when they have few
   * events (FEW_OTHERS), else along the words' matches in the trigram index (read-paths.ts).
   */
  private countWords(f: EventFilter, atMost?: number): Query | null {
    if (atMost === undefined || textPhrase(f) === null) return null;
    const others: EventFilter = { ...f, text: undefined };
    // How many the other fields have, counted no further than needed.
    const size = tallyCount(others) ?? countByArmsUpTo(others, FEW_OTHERS + 1);
    const few = size !== null && Number(this.all(size)[0].n) <= FEW_OTHERS;
    return (few ? countByArmsUpTo(f, atMost) : null) ?? countByTextAnd(f, atMost);
  }

  countEventsBy(filter: EventFilter, keys: EventGroupKey[]): Promise<EventCount[]> {
    try {
      const q = tallyCountBy(filter, keys) ?? countByQuery(filter, keys, "sqlite", textMatch(filter));
      return Promise.resolve(countRows(this.all(q), keys));
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err))); // a rejection, as on PostgreSQL
    }
  }

  eventDateRange(filter: EventFilter): Promise<{ first: string | null; last: string | null }> {
    const row = this.all(dateRangeByArms(filter) ?? dateRangeQuery(filter, "sqlite", textMatch(filter)))[0];
    return Promise.resolve({ first: row.first as string | null, last: row.last as string | null });
  }

  topPairs(limit: number): Promise<PairCount[]> {
    const rows = this.all(topPairsByCounts(limit));
    return Promise.resolve(rows.map((r) => ({ a: r.a as string, b: r.b as string, n: Number(r.n) })));
  }

  stats(): Promise<StoreStats> {
    const articles = Number(this.all({ sql: "SELECT n FROM article_count", params: [] })[0].n);
    const rows = this.all({ sql: TYPE_TOTALS, params: [] });
    const byType: Record<string, number> = {};
    let events = 0;
    for (const r of rows) {
      byType[r.type as string] = r.n as number;
      events += r.n as number;
    }
    return Promise.resolve({ articles, events, byType });
  }

  atOneMoment<T>(work: () => Promise<T>): Promise<T> {
    // The reads are synchronous: those `work` starts before it first awaits all run inside the transaction.
    if (this.db.inTransaction) return work();
    this.db.exec("BEGIN");
    try {
      return work();
    } finally {
      this.db.exec("COMMIT");
    }
  }

  /** data_version moves when another connection commits, total_changes() when this one writes. */
  changeMark(): string {
    const version = this.db.pragma("data_version", { simple: true }) as number;
    const own = (this.ownChanges.get() as { n: number }).n;
    return `${version}.${own}`;
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}
