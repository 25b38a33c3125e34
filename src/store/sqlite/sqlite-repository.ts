// The embedded store: SQLite through better-sqlite3, WAL mode, migrations applied at open.
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type {
  ArticleSummary,
  EventCount,
  EventFilter,
  EventGroupKey,
  EventSortKey,
  Repository,
  StoreStats,
} from "../repository.ts";
import type { Article, EventRecord } from "../types.ts";
import { MIGRATIONS } from "./migrations.ts";

type Row = Record<string, unknown>;

export function migrate(db: Database.Database): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

export function openSqlite(path: string): SqliteRepository {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  return new SqliteRepository(db);
}

const EVENT_COLUMNS = `id, article_id, type, source, target, source_actor, target_actor, date, date_precision,
  date_stated, status, amount, location, quote, span_start, span_end, evidence, plover_type, plover_mode,
  confidence, rule`;

function eventToRow(e: EventRecord): unknown[] {
  return [
    e.id,
    e.articleId,
    e.type,
    e.source,
    e.target,
    e.sourceActor,
    e.targetActor,
    e.date,
    e.datePrecision,
    e.dateStated ? 1 : 0,
    e.status,
    e.amount ? JSON.stringify(e.amount) : null,
    e.location,
    e.quote ? JSON.stringify(e.quote) : null,
    e.span.start,
    e.span.end,
    e.evidence,
    e.plover.type,
    e.plover.mode,
    e.confidence,
    e.rule,
  ];
}

export function rowToEvent(r: Row): EventRecord {
  return {
    id: r.id as string,
    articleId: r.article_id as string,
    type: r.type as EventRecord["type"],
    source: r.source as string,
    target: r.target as string | null,
    sourceActor: r.source_actor as string | null,
    targetActor: r.target_actor as string | null,
    date: r.date as string | null,
    datePrecision: r.date_precision as EventRecord["datePrecision"],
    dateStated: r.date_stated === 1,
    status: r.status as EventRecord["status"],
    amount: r.amount ? JSON.parse(r.amount as string) : null,
    location: r.location as string | null,
    quote: r.quote ? JSON.parse(r.quote as string) : null,
    span: { start: r.span_start as number, end: r.span_end as number },
    evidence: r.evidence as string,
    plover: { type: r.plover_type as string, mode: r.plover_mode as string | null },
    confidence: r.confidence as number,
    rule: r.rule as string,
  };
}

function rowToArticle(r: Row): Article {
  return {
    id: r.id as string,
    url: r.url as string | null,
    title: r.title as string | null,
    outlet: r.outlet as string | null,
    published: r.published as string | null,
    datePrecision: r.date_precision as Article["datePrecision"],
    dateSource: r.date_source as Article["dateSource"],
    dateConfidence: r.date_confidence as number,
    original: r.original as string,
    cleaned: r.cleaned as string,
    offsets: JSON.parse(r.offsets as string),
    role: r.role as Article["role"],
    parentId: r.parent_id as string | null,
    sourceName: r.source_name as string,
    format: r.format as string,
  };
}

/** Builds the WHERE clause of an event filter; values are always bound, never spliced. */
export function eventWhere(f: EventFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.actor) {
    parts.push("(source = ? OR target = ?)");
    params.push(f.actor, f.actor);
  }
  if (f.pair) {
    parts.push("((source = ? AND target = ?) OR (source = ? AND target = ?))");
    params.push(f.pair[0], f.pair[1], f.pair[1], f.pair[0]);
  }
  if (f.type) {
    parts.push("type = ?");
    params.push(f.type);
  }
  if (f.status) {
    parts.push("status = ?");
    params.push(f.status);
  }
  if (f.from) {
    parts.push("date >= ?");
    params.push(f.from);
  }
  if (f.to) {
    // A date at month or year precision ("2025-06") sorts before its days; compare on a padded bound.
    parts.push("date <= ?");
    params.push(`${f.to}\uffff`);
  }
  if (f.text) {
    parts.push("evidence LIKE ? ESCAPE '\\'");
    params.push(`%${f.text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
  }
  if (f.articleId) {
    parts.push("article_id = ?");
    params.push(f.articleId);
  }
  return { sql: parts.length ? `WHERE ${parts.join(" AND ")}` : "", params };
}

/** ORDER BY for a sort key: column names come from this fixed table, never from the caller. */
export function eventOrder(f: EventFilter): string {
  const byDate = (dir: string): string => `date IS NULL, date ${dir}`;
  const cols: Record<EventSortKey, string> = {
    date: "",
    type: "type",
    source: "source",
    target: "target IS NULL, target",
    status: "status",
    confidence: "confidence",
  };
  const key = f.sort ?? "date";
  const dir =
    (f.order ?? (key === "date" || key === "confidence" ? "desc" : "asc")) === "asc" ? "ASC" : "DESC";
  if (key === "date") return `ORDER BY ${byDate(dir)}, id`;
  return `ORDER BY ${cols[key]} ${dir}, ${byDate("DESC")}, id`;
}

/** Grouping expressions for countEventsBy; `partner` takes the actor as its one bound parameter. */
const GROUP_EXPR: Record<EventGroupKey, string> = {
  type: "type",
  status: "status",
  year: "substr(date, 1, 4)",
  source: "source",
  target: "target",
  partner: "CASE WHEN source = ? THEN target ELSE source END",
};

const summaryFromRow = (r: Row): ArticleSummary => ({
  id: r.id as string,
  title: r.title as string | null,
  url: r.url as string | null,
  outlet: r.outlet as string | null,
  published: r.published as string | null,
  role: r.role as string,
  sourceName: r.source_name as string,
  events: r.events as number,
});

const SUMMARY_COLUMNS = `a.id, a.title, a.url, a.outlet, a.published, a.role, a.source_name,
  (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events`;

export class SqliteRepository implements Repository {
  readonly db: Database.Database;
  private readonly insertArticle: Database.Statement;
  private readonly insertEvent: Database.Statement;
  private readonly articleExists: Database.Statement;

  constructor(db: Database.Database) {
    this.db = db;
    this.insertArticle = db.prepare(
      `INSERT OR IGNORE INTO articles (id, url, title, outlet, published, date_precision, date_source,
        date_confidence, original, cleaned, offsets, role, parent_id, source_name, format, ingested_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertEvent = db.prepare(
      `INSERT OR IGNORE INTO events (${EVENT_COLUMNS}) VALUES (${Array(21).fill("?").join(", ")})`,
    );
    this.articleExists = db.prepare("SELECT 1 FROM articles WHERE id = ?");
  }

  /** Synchronous core, shared by the async interface and by batch writers. */
  saveArticleSync(a: Article, events: EventRecord[]): boolean {
    const info = this.insertArticle.run(
      a.id,
      a.url,
      a.title,
      a.outlet,
      a.published,
      a.datePrecision,
      a.dateSource,
      a.dateConfidence,
      a.original,
      a.cleaned,
      JSON.stringify(a.offsets),
      a.role,
      a.parentId,
      a.sourceName,
      a.format,
      new Date().toISOString(),
    );
    if (info.changes === 0) return false;
    for (const e of events) this.insertEvent.run(...eventToRow(e));
    return true;
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
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS}
         FROM articles a ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT ? OFFSET ?`,
      )
      .all(limit, offset) as Row[];
    return Promise.resolve(rows.map(summaryFromRow));
  }

  articleSummaries(ids: string[]): Promise<ArticleSummary[]> {
    const unique = [...new Set(ids)];
    const out: ArticleSummary[] = [];
    // Bound in chunks: SQLite caps the number of parameters in one statement.
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      const rows = this.db
        .prepare(
          `SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.id IN (${chunk.map(() => "?").join(", ")})`,
        )
        .all(...chunk) as Row[];
      out.push(...rows.map(summaryFromRow));
    }
    return Promise.resolve(out);
  }

  listEvents(filter: EventFilter): Promise<EventRecord[]> {
    const { sql, params } = eventWhere(filter);
    const rows = this.db
      .prepare(`SELECT ${EVENT_COLUMNS} FROM events ${sql} ${eventOrder(filter)} LIMIT ? OFFSET ?`)
      .all(...params, filter.limit ?? 100, filter.offset ?? 0) as Row[];
    return Promise.resolve(rows.map(rowToEvent));
  }

  countEvents(filter: EventFilter): Promise<number> {
    const { sql, params } = eventWhere(filter);
    const row = this.db.prepare(`SELECT count(*) AS n FROM events ${sql}`).get(...params) as Row;
    return Promise.resolve(row.n as number);
  }

  countEventsBy(filter: EventFilter, keys: EventGroupKey[]): Promise<EventCount[]> {
    if (keys.length === 0) throw new Error("countEventsBy needs at least one key");
    if (keys.includes("partner") && !filter.actor) throw new Error("grouping by partner needs filter.actor");
    const { sql, params } = eventWhere(filter);
    const select = keys.map((k) => `${GROUP_EXPR[k]} AS ${k}`).join(", ");
    const selectParams = keys.includes("partner") ? [filter.actor] : [];
    const rows = this.db
      .prepare(
        `SELECT ${select}, count(*) AS n FROM events ${sql}
         GROUP BY ${keys.join(", ")} ORDER BY n DESC, ${keys.map((k) => `${k} IS NULL, ${k}`).join(", ")}`,
      )
      .all(...selectParams, ...params) as Row[];
    return Promise.resolve(
      rows.map((r) => {
        const out: EventCount = { n: r.n as number };
        for (const k of keys) out[k] = r[k] as string | null;
        return out;
      }),
    );
  }

  eventDateRange(filter: EventFilter): Promise<{ first: string | null; last: string | null }> {
    const { sql, params } = eventWhere(filter);
    const row = this.db
      .prepare(`SELECT min(date) AS first, max(date) AS last FROM events ${sql}`)
      .get(...params) as Row;
    return Promise.resolve({ first: row.first as string | null, last: row.last as string | null });
  }

  stats(): Promise<StoreStats> {
    const articles = (this.db.prepare("SELECT count(*) AS n FROM articles").get() as Row).n as number;
    const rows = this.db.prepare("SELECT type, count(*) AS n FROM events GROUP BY type").all() as Row[];
    const byType: Record<string, number> = {};
    let events = 0;
    for (const r of rows) {
      byType[r.type as string] = r.n as number;
      events += r.n as number;
    }
    return Promise.resolve({ articles, events, byType });
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}
