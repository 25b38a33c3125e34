// The SQL both stores run, built once so SQLite and PostgreSQL answer every question the same way: the same
// filters, the same order (PostgreSQL's text columns use the "C" collation, byte order like SQLite's), the
// same ties broken on id. Statements are written with `?` placeholders; PostgreSQL numbers them (`numbered`).
// Values are always bound, never spliced; column names come from fixed tables, never from the caller.
import type {
  ArticleSummary,
  EventCount,
  EventFilter,
  EventGroupKey,
  EventMention,
  EventSortKey,
  StoredEvent,
} from "./repository.ts";
import type { MentionRow } from "./merge.ts";
import type { Article, EventRecord } from "./types.ts";

export type Dialect = "sqlite" | "postgres";

export interface Query {
  sql: string;
  params: unknown[];
}

type Row = Record<string, unknown>;

/** `?` → `$1, $2…` (no statement here has a `?` inside a string literal). */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export const EVENT_FIELDS = [
  "id",
  "article_id",
  "type",
  "source",
  "target",
  "source_actor",
  "target_actor",
  "date",
  "date_precision",
  "date_stated",
  "status",
  "amount",
  "location",
  "quote",
  "span_start",
  "span_end",
  "evidence",
  "plover_type",
  "plover_mode",
  "confidence",
  "rule",
] as const;
export const EVENT_COLUMNS = EVENT_FIELDS.join(", ");

/** An event's column values in EVENT_FIELDS order; JSON fields as JSON text, the flag as the dialect stores it. */
export function eventValues(e: EventRecord, d: Dialect): unknown[] {
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
    d === "sqlite" ? (e.dateStated ? 1 : 0) : e.dateStated,
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

/** JSON fields come back as text from SQLite and parsed from PostgreSQL (jsonb). */
function json<T>(v: unknown): T | null {
  return typeof v === "string" ? (JSON.parse(v) as T) : ((v ?? null) as T | null);
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
    dateStated: r.date_stated === 1 || r.date_stated === true,
    status: r.status as EventRecord["status"],
    amount: json<EventRecord["amount"]>(r.amount),
    location: r.location as string | null,
    quote: json<EventRecord["quote"]>(r.quote),
    span: { start: r.span_start as number, end: r.span_end as number },
    evidence: r.evidence as string,
    plover: { type: r.plover_type as string, mode: r.plover_mode as string | null },
    confidence: r.confidence as number,
    rule: r.rule as string,
  };
}

export const rowToStored = (r: Row): StoredEvent => ({ ...rowToEvent(r), sources: Number(r.sources) });

/** A mention with its place in the order of storing (what merge.ts ranks by). */
export const rowToMention = (r: Row): MentionRow => ({ ...rowToEvent(r), seq: Number(r.seq) });

export const mentionFromRow = (r: Row): EventMention => ({ ...rowToEvent(r), eventId: r.event_id as string });

export function rowToArticle(r: Row): Article {
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
    offsets: json<Article["offsets"]>(r.offsets) ?? [],
    role: r.role as Article["role"],
    parentId: r.parent_id as string | null,
    sourceName: r.source_name as string,
    format: r.format as string,
  };
}

export const ARTICLE_FIELDS = [
  "id",
  "url",
  "title",
  "outlet",
  "published",
  "date_precision",
  "date_source",
  "date_confidence",
  "original",
  "cleaned",
  "offsets",
  "role",
  "parent_id",
  "source_name",
  "format",
  "ingested_at",
] as const;

export const articleValues = (a: Article): unknown[] => [
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
];

// ---- reading events -------------------------------------------------------------------------------------

/**
 * Where events are read from. Without `articleId`: the events table, one row per act. With it: that
 * article's mentions, as the article reported them (its span, evidence, date, confidence…) under the id of
 * the event each belongs to, with the event's count of sources.
 */
function eventSource(f: EventFilter): Query {
  if (!f.articleId) return { sql: "events", params: [] };
  const cols = EVENT_FIELDS.filter((c) => c !== "id")
    .map((c) => `m.${c}`)
    .join(", ");
  return {
    sql: `(SELECT m.event_id AS id, ${cols}, e.sources
      FROM event_mentions m JOIN events e ON e.id = m.event_id WHERE m.article_id = ?) events`,
    params: [f.articleId],
  };
}

/**
 * How a filter's words are matched: LIKE over each mention's evidence (both stores), or SQLite's trigram index
 * of each event's evidence (sqlite/migrations.ts, step 4), which finds the same events; see `trigramPhrase`.
 */
export type TextMatch = "like" | "trigram";

/**
 * The filter's words as a phrase for SQLite's trigram index, or null where the index cannot answer as LIKE
 * does: fewer than three characters (no trigram to look up), or char(1), which joins an event's mentions in
 * the index. The index holds the evidence lowered by lower(), which folds ASCII letters only, as LIKE folds
 * case; the words are lowered the same way, and a phrase of trigrams matches where they occur as one run.
 */
export function trigramPhrase(text: string): string | null {
  if ([...text].length < 3 || text.includes("\u0001")) return null;
  return `"${text.replace(/[A-Z]/g, (c) => c.toLowerCase()).replace(/"/g, '""')}"`;
}

/** A LIKE pattern (with ESCAPE '\\') for evidence that contains the words. */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** The WHERE clause of a filter (the article is chosen by `eventSource`). */
export function eventWhere(f: EventFilter, d: Dialect, match: TextMatch = "like"): Query {
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
  const phrase = f.text && match === "trigram" && !f.articleId ? trigramPhrase(f.text) : null;
  if (phrase !== null) {
    parts.push("text_key IN (SELECT rowid FROM events_text WHERE events_text MATCH ?)");
    params.push(phrase);
  } else if (f.text) {
    // SQLite's LIKE folds ASCII case only; PostgreSQL's lower() under the "C" collation does the same.
    const like = d === "sqlite" ? "evidence LIKE ? ESCAPE '\\'" : "lower(evidence) LIKE ? ESCAPE '\\'";
    const escaped = likePattern(f.text);
    // An event matches when any of its mentions' evidence has the words.
    parts.push(f.articleId ? like : `id IN (SELECT event_id FROM event_mentions WHERE ${like})`);
    params.push(d === "sqlite" ? escaped : escaped.replace(/[A-Z]/g, (c) => c.toLowerCase()));
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

export function listEventsQuery(f: EventFilter, d: Dialect, match: TextMatch = "like"): Query {
  const from = eventSource(f);
  const where = eventWhere(f, d, match);
  return {
    sql: `SELECT ${EVENT_COLUMNS}, sources FROM ${from.sql} ${where.sql} ${eventOrder(f)} LIMIT ? OFFSET ?`,
    params: [...from.params, ...where.params, f.limit ?? 100, f.offset ?? 0],
  };
}

/** How many events match; with `atMost`, counted no further than that many (Repository.countEvents). */
export function countEventsQuery(
  f: EventFilter,
  d: Dialect,
  match: TextMatch = "like",
  atMost?: number,
): Query {
  const from = eventSource(f);
  const where = eventWhere(f, d, match);
  if (atMost !== undefined)
    return {
      sql: `SELECT CAST(count(*) AS INTEGER) AS n FROM (SELECT 1 FROM ${from.sql} ${where.sql} LIMIT ?) c`,
      params: [...from.params, ...where.params, atMost],
    };
  return {
    sql: `SELECT CAST(count(*) AS INTEGER) AS n FROM ${from.sql} ${where.sql}`,
    params: [...from.params, ...where.params],
  };
}

export function dateRangeQuery(f: EventFilter, d: Dialect, match: TextMatch = "like"): Query {
  const from = eventSource(f);
  const where = eventWhere(f, d, match);
  return {
    sql: `SELECT min(date) AS first, max(date) AS last FROM ${from.sql} ${where.sql}`,
    params: [...from.params, ...where.params],
  };
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

/** Counts by keys, largest first, ties in key order (nulls last); the outer query lets ORDER BY name them. */
export function countByQuery(
  f: EventFilter,
  keys: EventGroupKey[],
  d: Dialect,
  match: TextMatch = "like",
): Query {
  if (keys.length === 0) throw new Error("countEventsBy needs at least one key");
  if (keys.includes("partner") && !f.actor) throw new Error("grouping by partner needs filter.actor");
  const from = eventSource(f);
  const where = eventWhere(f, d, match);
  const select = keys.map((k) => `${GROUP_EXPR[k]} AS ${k}`).join(", ");
  // GROUP BY names the output columns: for type, status, source and target they are the columns themselves.
  return {
    sql: `SELECT * FROM (SELECT ${select}, CAST(count(*) AS INTEGER) AS n FROM ${from.sql} ${where.sql}
      GROUP BY ${keys.join(", ")}) g ORDER BY n DESC, ${keys.map((k) => `${k} IS NULL, ${k}`).join(", ")}`,
    params: [...(keys.includes("partner") ? [f.actor] : []), ...from.params, ...where.params],
  };
}

export function countRows(rows: Row[], keys: EventGroupKey[]): EventCount[] {
  return rows.map((r) => {
    const out: EventCount = { n: Number(r.n) };
    for (const k of keys) out[k] = r[k] as string | null;
    return out;
  });
}

/**
 * The pairs with the most events and every pair tied with the last (rank counts the pairs with more events).
 * min() and max() of two values in SQLite are least() and greatest() in PostgreSQL.
 */
export function topPairsQuery(limit: number, d: Dialect): Query {
  const [lo, hi] = d === "sqlite" ? ["min", "max"] : ["least", "greatest"];
  return {
    sql: `SELECT a, b, n FROM (SELECT a, b, n, rank() OVER (ORDER BY n DESC) AS r FROM (
        SELECT ${lo}(source, target) AS a, ${hi}(source, target) AS b, CAST(count(*) AS INTEGER) AS n
        FROM events WHERE target IS NOT NULL GROUP BY 1, 2) g) t WHERE r <= ?`,
    params: [limit],
  };
}

// ---- mentions and articles ------------------------------------------------------------------------------

export const getEventQuery = (id: string): Query => ({
  sql: `SELECT ${EVENT_COLUMNS}, sources FROM events WHERE id = ?`,
  params: [id],
});

/** An event's mentions in the order they were stored. */
export const mentionsQuery = (eventId: string): Query => ({
  sql: `SELECT seq, event_id, ${EVENT_COLUMNS} FROM event_mentions WHERE event_id = ? ORDER BY seq`,
  params: [eventId],
});

export const SUMMARY_COLUMNS = `a.id, a.title, a.url, a.outlet, a.published, a.role, a.source_name,
  (SELECT CAST(count(*) AS INTEGER) FROM event_mentions m WHERE m.article_id = a.id) AS events`;

export const listArticlesQuery = (limit: number, offset: number): Query => ({
  sql: `SELECT ${SUMMARY_COLUMNS}
    FROM articles a ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT ? OFFSET ?`,
  params: [limit, offset],
});

export const summaryFromRow = (r: Row): ArticleSummary => ({
  id: r.id as string,
  title: r.title as string | null,
  url: r.url as string | null,
  outlet: r.outlet as string | null,
  published: r.published as string | null,
  role: r.role as string,
  sourceName: r.source_name as string,
  events: Number(r.events),
});

/** Byte order, as both stores sort ids. */
export const byId = (a: { id: string }, b: { id: string }): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
