// The shared store: PostgreSQL through node-postgres (`pg`), a pool of connections, migrations applied at
// open. It runs the same SQL as SQLite (../sql.ts) and merges reports of one act by the same rule (../merge.ts).
//
// Opening is synchronous, like SQLite's: the pool connects on first use and the migrations start at once;
// every call waits for them, so a server that cannot be reached (or a schema that cannot be brought up to
// date) is reported by the first call, as an Error naming the store. `connectPostgres` waits up front instead.
//
// Several processes may write at once (workers on several machines). Two transactions that both add a report of
// one act must not both create the event, so a write first takes transaction-scoped advisory locks on the
// merge keys of what it stores (type, status group and pair, hashed into buckets), in ascending order so that
// writers never wait on each other in a cycle; a deadlock or serialization failure all the same (two writers
// inserting the same articles in a different order) rolls back and retries the whole transaction.
//
// PostgreSQL text cannot hold the NUL character (ingest refuses files with NUL bytes, but a JSON string may
// still spell one as \u0000): it is stored as U+FFFD, one UTF-16 unit for one, so every offset still holds.
import { createHash } from "node:crypto";
import pg from "pg";
import { candidateQuery, mergeKey, mergeMentions, pickEvent } from "../merge.ts";
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
  articleValues,
  byId,
  countByQuery,
  countEventsQuery,
  countRows,
  dateRangeQuery,
  eventValues,
  getEventQuery,
  listArticlesQuery,
  listEventsQuery,
  mentionFromRow,
  mentionsQuery,
  numbered,
  rowToArticle,
  rowToMention,
  rowToStored,
  summaryFromRow,
  topPairsQuery,
} from "../sql.ts";
import type { Article, EventRecord } from "../types.ts";
import { PG_MIGRATIONS } from "./migrations.ts";

type Row = Record<string, unknown>;

/** First key of attache's two-key advisory locks ("atch"), so they never meet another program's. */
const LOCK_NS = 0x61746368;
const MIGRATION_LOCK = -1;
/** Merge keys are hashed into this many lock buckets: a bounded number of locks per transaction. */
const MERGE_BUCKETS = 1024;
/** deadlock_detected, serialization_failure: the transaction can simply run again. */
const RETRYABLE = new Set(["40P01", "40001"]);
const ATTEMPTS = 5;

export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/** The URL without its password, to name the store in messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://…";
  }
}

export interface PostgresOptions {
  /** Connections in the pool (default 10). */
  max?: number;
}

export function openPostgres(url: string, options: PostgresOptions = {}): PostgresRepository {
  return new PostgresRepository(url, options);
}

/** Opens the store and waits until the server answered and the schema is up to date. */
export async function connectPostgres(
  url: string,
  options: PostgresOptions = {},
): Promise<PostgresRepository> {
  const repo = openPostgres(url, options);
  try {
    await repo.ready();
  } catch (err) {
    await repo.close();
    throw err;
  }
  return repo;
}

/** Applies the pending migrations in one transaction, one process at a time. */
async function migrate(pool: pg.Pool): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    await c.query("SELECT pg_advisory_xact_lock($1, $2)", [LOCK_NS, MIGRATION_LOCK]);
    await c.query(`CREATE TABLE IF NOT EXISTS attache_migrations (
      version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const { rows } = await c.query<{ v: number }>(
      "SELECT CAST(coalesce(max(version), 0) AS INTEGER) AS v FROM attache_migrations",
    );
    const current = rows[0].v;
    if (current > PG_MIGRATIONS.length)
      throw new Error(`its schema (version ${current}) is newer than this attache (${PG_MIGRATIONS.length})`);
    for (let v = current; v < PG_MIGRATIONS.length; v++) {
      await c.query(PG_MIGRATIONS[v]);
      await c.query("INSERT INTO attache_migrations (version) VALUES ($1)", [v + 1]);
    }
    await c.query("COMMIT");
  } catch (err) {
    await c.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}

/** NUL → U+FFFD in every string of a value (see the top of this file). */
function scrub<T>(v: T): T {
  if (typeof v === "string") return (v.includes("\0") ? v.replace(/\0/g, "\ufffd") : v) as T;
  if (Array.isArray(v))
    return (v.some((x) => typeof x === "object" || typeof x === "string") ? v.map(scrub) : v) as T;
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = scrub(x);
    return out as T;
  }
  return v;
}

/** 32-bit FNV-1a of a merge key, into a lock bucket. */
function bucket(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % MERGE_BUCKETS;
}

const marks = (from: number, n: number): string =>
  Array.from({ length: n }, (_, i) => `$${from + i}`).join(", ");

const N = EVENT_FIELDS.length;
const SQL = {
  insertArticle: `INSERT INTO articles (${ARTICLE_FIELDS.join(", ")}) VALUES (${marks(1, ARTICLE_FIELDS.length)})
    ON CONFLICT (id) DO NOTHING`,
  /** A new event and its first mention, from the same values. */
  insertEvent: `WITH e AS (INSERT INTO events (${EVENT_COLUMNS}, sources) VALUES (${marks(1, N)}, 1))
    INSERT INTO event_mentions (event_id, ${EVENT_COLUMNS}) VALUES ($1, ${marks(1, N)})`,
  insertMention: `INSERT INTO event_mentions (event_id, ${EVENT_COLUMNS}) VALUES (${marks(1, N + 1)})`,
  updateEvent: `UPDATE events SET ${EVENT_FIELDS.slice(1)
    .map((c, i) => `${c} = $${i + 1}`)
    .join(", ")}, sources = $${N} WHERE id = $${N + 1}`,
  lockBuckets: `SELECT count(pg_advisory_xact_lock(${LOCK_NS}, b)) FROM (SELECT unnest($1::int[]) AS b ORDER BY b) s`,
};

/** A statement prepared once per connection under a name derived from its text. */
const prepared = (text: string, values: unknown[]): pg.QueryConfig => ({
  name: `attache_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`,
  text,
  values,
});

export class PostgresRepository implements Repository {
  readonly pool: pg.Pool;
  private readonly migrated: Promise<void>;
  private closed = false;

  constructor(url: string, options: PostgresOptions = {}) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.max ?? 10,
      connectionTimeoutMillis: 15_000,
      application_name: "attache",
    });
    // An idle connection the server dropped: the pool replaces it; a query in flight reports its own error.
    this.pool.on("error", () => undefined);
    this.migrated = migrate(this.pool).catch((err: Error) => {
      throw new Error(`PostgreSQL store ${redactUrl(url)}: ${err.message}`);
    });
    this.migrated.catch(() => undefined); // reported by the first call instead
  }

  /** Resolves when the server answered and the schema is up to date. */
  ready(): Promise<void> {
    return this.migrated;
  }

  private async rows(q: Query): Promise<Row[]> {
    await this.migrated;
    return (await this.pool.query(numbered(q.sql), q.params)).rows as Row[];
  }

  /** Runs `work` in one transaction, again from the start when it is chosen as a deadlock's victim. */
  private async transaction<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    await this.migrated;
    for (let attempt = 1; ; attempt++) {
      const c = await this.pool.connect();
      let broken = false;
      try {
        await c.query("BEGIN");
        const out = await work(c);
        await c.query("COMMIT");
        return out;
      } catch (err) {
        await c.query("ROLLBACK").catch(() => {
          broken = true;
        });
        if (attempt < ATTEMPTS && RETRYABLE.has((err as { code?: string }).code ?? "")) continue;
        throw err;
      } finally {
        c.release(broken);
      }
    }
  }

  saveArticle(article: Article, events: EventRecord[]): Promise<boolean> {
    return this.saveArticles([{ article, events }]).then((r) => r[0]);
  }

  async saveArticles(items: ReadonlyArray<{ article: Article; events: EventRecord[] }>): Promise<boolean[]> {
    if (items.length === 0) return [];
    const clean = items.map(({ article, events }) => ({ article: scrub(article), events: scrub(events) }));
    const buckets = [
      ...new Set(
        clean.flatMap((i) => i.events.filter((e) => e.date !== null).map((e) => bucket(mergeKey(e)))),
      ),
    ].sort((a, b) => a - b);
    return this.transaction(async (c) => {
      if (buckets.length) await c.query(prepared(SQL.lockBuckets, [buckets]));
      const out: boolean[] = [];
      for (const { article, events } of clean) out.push(await this.saveOne(c, article, events));
      return out;
    });
  }

  private async saveOne(c: pg.PoolClient, a: Article, events: EventRecord[]): Promise<boolean> {
    const inserted = await c.query(prepared(SQL.insertArticle, articleValues(a)));
    if (inserted.rowCount === 0) return false;
    const seen = new Set<string>();
    for (const e of events) {
      // The same id twice in one article is the same event told twice: keep the first.
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      await this.storeMention(c, e);
    }
    return true;
  }

  /** A new event, or a new mention of the stored event that reports the same act (merge.ts). */
  private async storeMention(c: pg.PoolClient, m: EventRecord): Promise<void> {
    const q = candidateQuery(m);
    const candidates = q ? (await c.query(prepared(numbered(q.sql), q.params))).rows : [];
    const target = pickEvent(m, candidates as Array<{ id: string; date: string }>);
    const values = eventValues(m, "postgres");
    if (!target) {
      await c.query(prepared(SQL.insertEvent, values));
      return;
    }
    await c.query(prepared(SQL.insertMention, [target.id, ...values]));
    const mq = mentionsQuery(target.id);
    const mentions = (await c.query(prepared(numbered(mq.sql), mq.params))).rows.map(rowToMention);
    const merged = mergeMentions(target.id, mentions);
    await c.query(
      prepared(SQL.updateEvent, [...eventValues(merged, "postgres").slice(1), mentions.length, target.id]),
    );
  }

  async hasArticle(id: string): Promise<boolean> {
    return (await this.rows({ sql: "SELECT 1 FROM articles WHERE id = ?", params: [id] })).length > 0;
  }

  async getArticle(id: string): Promise<Article | null> {
    const rows = await this.rows({ sql: "SELECT * FROM articles WHERE id = ?", params: [id] });
    return rows.length ? rowToArticle(rows[0]) : null;
  }

  async listArticles(limit: number, offset: number): Promise<ArticleSummary[]> {
    return (await this.rows(listArticlesQuery(limit, offset))).map(summaryFromRow);
  }

  async articleSummaries(ids: string[]): Promise<ArticleSummary[]> {
    if (ids.length === 0) return [];
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.id = ANY(?)`;
    return (await this.rows({ sql, params: [[...new Set(ids)]] })).map(summaryFromRow).sort(byId);
  }

  async listEvents(filter: EventFilter): Promise<StoredEvent[]> {
    return (await this.rows(listEventsQuery(filter, "postgres"))).map(rowToStored);
  }

  async getEvent(id: string): Promise<StoredEvent | null> {
    const rows = await this.rows(getEventQuery(id));
    return rows.length ? rowToStored(rows[0]) : null;
  }

  async listMentions(eventId: string): Promise<EventMention[]> {
    return (await this.rows(mentionsQuery(eventId))).map(mentionFromRow);
  }

  async countEvents(filter: EventFilter, atMost?: number): Promise<number> {
    return Number((await this.rows(countEventsQuery(filter, "postgres", "like", atMost)))[0].n);
  }

  async countEventsBy(filter: EventFilter, keys: EventGroupKey[]): Promise<EventCount[]> {
    return countRows(await this.rows(countByQuery(filter, keys, "postgres")), keys);
  }

  async eventDateRange(filter: EventFilter): Promise<{ first: string | null; last: string | null }> {
    const row = (await this.rows(dateRangeQuery(filter, "postgres")))[0];
    return { first: row.first as string | null, last: row.last as string | null };
  }

  async topPairs(limit: number): Promise<PairCount[]> {
    const rows = await this.rows(topPairsQuery(limit, "postgres"));
    return rows.map((r) => ({ a: r.a as string, b: r.b as string, n: Number(r.n) }));
  }

  async stats(): Promise<StoreStats> {
    const [a] = await this.rows({ sql: "SELECT CAST(count(*) AS INTEGER) AS n FROM articles", params: [] });
    const rows = await this.rows({
      sql: "SELECT type, CAST(count(*) AS INTEGER) AS n FROM events GROUP BY type",
      params: [],
    });
    const byType: Record<string, number> = {};
    let events = 0;
    for (const r of rows) {
      byType[r.type as string] = r.n as number;
      events += r.n as number;
    }
    return { articles: a.n as number, events, byType };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.migrated.catch(() => undefined);
    await this.pool.end();
  }
}
