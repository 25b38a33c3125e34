// Faster forms of sql.ts's reads for SQLite at scale (npm run bench: 1,000,000 events), same answers in the same
// order. Counts come from the running counts of migrations 3 and 4 when the filter allows; an actor or a pair
// becomes one arm per side, each walking an index in date order and stopping at the page's end, instead of one
// OR that makes SQLite fetch and sort every event of the actor. Each function returns null where it does not
// apply, and the caller runs sql.ts's general form.
import type { EventFilter, EventGroupKey } from "../repository.ts";
import {
  EVENT_COLUMNS,
  type Query,
  SUMMARY_COLUMNS,
  eventOrder,
  eventWhere,
  likePattern,
  trigramPhrase,
} from "../sql.ts";

type FilterField = "actor" | "pair" | "type" | "status" | "from" | "to" | "text" | "articleId";
const FIELDS: FilterField[] = ["actor", "pair", "type", "status", "from", "to", "text", "articleId"];

/** Whether the filter uses only these fields. */
const usesOnly = (f: EventFilter, allowed: FilterField[]): boolean =>
  FIELDS.every((k) => allowed.includes(k) || f[k] === undefined || f[k] === "");

const within = (keys: EventGroupKey[], allowed: EventGroupKey[]): boolean =>
  keys.every((k) => allowed.includes(k));

/** Conditions on type and status, as bound parameters. */
function typeStatus(f: EventFilter): { parts: string[]; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.type) {
    parts.push("type = ?");
    params.push(f.type);
  }
  if (f.status) {
    parts.push("status = ?");
    params.push(f.status);
  }
  return { parts, params };
}

const where = (parts: string[]): string => (parts.length ? `WHERE ${parts.join(" AND ")}` : "");

/** countEventsBy from the running counts, ordered as sql.ts's countByQuery orders. */
export function tallyCountBy(f: EventFilter, keys: EventGroupKey[]): Query | null {
  if (keys.length === 0) return null;
  if (f.actor && usesOnly(f, ["actor"]) && keys.length === 1 && keys[0] === "partner")
    return partnerCounts(f.actor);
  let table: string;
  /** Each key's column in the table; a row of the table is one group of all of them. */
  let column: Partial<Record<EventGroupKey, string>>;
  const cond = typeStatus(f);
  if (usesOnly(f, ["type", "status"]) && within(keys, ["type", "status", "year"])) {
    table = "event_type_counts";
    column = { type: "type", status: "status", year: "year" };
  } else if (usesOnly(f, []) && keys.length === 1 && (keys[0] === "source" || keys[0] === "target")) {
    table = "event_side_counts";
    column = { [keys[0]]: "actor" };
    cond.parts.push("side = ?");
    cond.params.push(keys[0]);
  } else if (usesOnly(f, []) && within(keys, ["source", "target"])) {
    table = "event_pair_counts";
    column = { source: "source", target: "target" };
  } else if (
    f.actor &&
    usesOnly(f, ["actor", "type", "status"]) &&
    within(keys, ["type", "status", "year"])
  ) {
    // An actor's events by type, status or year: a few rows per year, where its counts by partner are many.
    table = "event_actor_status_counts";
    column = { type: "type", status: "status", year: "year" };
    cond.parts.unshift("actor = ?");
    cond.params.unshift(f.actor);
  } else if (
    f.actor &&
    !f.status &&
    usesOnly(f, ["actor", "type"]) &&
    within(keys, ["type", "year", "partner"])
  ) {
    table = "event_actor_counts";
    column = { type: "type", year: "year", partner: "partner" };
    cond.parts.unshift("actor = ?");
    cond.params.unshift(f.actor);
  } else return null;
  // '' stands for a missing value in the counts: NULL to the caller, and in ORDER BY (hence the outer query).
  const out = (k: EventGroupKey): string =>
    k === "type" || k === "status" || k === "source" ? `c_${k}` : `NULLIF(c_${k}, '')`;
  const cols = keys.map((k) => `${column[k]} AS c_${k}`).join(", ");
  // Grouped by every column of the table, each row is a group already.
  const whole = Object.keys(column).every((k) => keys.includes(k as EventGroupKey));
  const inner = whole
    ? `SELECT ${cols}, n FROM ${table} ${where(cond.parts)}`
    : `SELECT ${cols}, CAST(sum(n) AS INTEGER) AS n FROM ${table} ${where(cond.parts)}
        GROUP BY ${keys.map((k) => column[k]).join(", ")}`;
  return {
    sql: `SELECT * FROM (SELECT ${keys.map((k) => `${out(k)} AS ${k}`).join(", ")}, n FROM (${inner}) WHERE n > 0) g
      ORDER BY n DESC, ${keys.map((k) => `${k} IS NULL, ${k}`).join(", ")}`,
    params: cond.params,
  };
}

/**
 * An actor's events by partner from the counts of pairs either way round (migration 4): the rows with the actor
 * first, those with it second (an event with itself is one row, with it first), and its events without a target
 * from the counts by source and target (migration 3). A handful of rows where its counts by type, year and
 * partner are tens of thousands for a busy actor.
 */
function partnerCounts(actor: string): Query {
  return {
    sql: `SELECT * FROM (SELECT NULLIF(partner, '') AS partner, n FROM (
        SELECT b AS partner, n FROM event_link_counts WHERE a = ?
        UNION ALL SELECT a, n FROM event_link_counts WHERE b = ? AND a <> ?
        UNION ALL SELECT '', n FROM event_pair_counts WHERE source = ? AND target = ''
      ) WHERE n > 0) g ORDER BY n DESC, partner IS NULL, partner`,
    params: [actor, actor, actor, actor],
  };
}

/** Whether a bound is a whole year ("2015"): then the running counts, kept by year, can apply it. */
const wholeYear = (bound: string | undefined): boolean => bound === undefined || /^\d{4}$/.test(bound);

/**
 * A span of whole years as conditions on the counts' year column: "date >= '2015'" holds exactly when the
 * date's year is 2015 or later, "date <= '2020\uffff'" when it is 2020 or earlier; undated events ('') are in
 * neither.
 */
function years(f: EventFilter): { parts: string[]; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.from || f.to) parts.push("year <> ''");
  if (f.from) {
    parts.push("year >= ?");
    params.push(f.from);
  }
  if (f.to) {
    parts.push("year <= ?");
    params.push(f.to);
  }
  return { parts, params };
}

/** The number of matching events from the running counts. */
export function tallyCount(f: EventFilter): Query | null {
  if (!wholeYear(f.from) || !wholeYear(f.to)) return null;
  const cond = typeStatus(f);
  const span = years(f);
  if (usesOnly(f, ["type", "status", "from", "to"]))
    return {
      sql: `SELECT CAST(coalesce(sum(n), 0) AS INTEGER) AS n FROM event_type_counts ${where([
        ...cond.parts,
        ...span.parts,
      ])}`,
      params: [...cond.params, ...span.params],
    };
  if (f.actor && usesOnly(f, ["actor", "type", "status", "from", "to"]))
    return {
      sql: `SELECT CAST(coalesce(sum(n), 0) AS INTEGER) AS n FROM event_actor_status_counts ${where([
        "actor = ?",
        ...cond.parts,
        ...span.parts,
      ])}`,
      params: [f.actor, ...cond.params, ...span.params],
    };
  if (f.pair && usesOnly(f, ["pair"])) {
    const [a, b] = f.pair;
    return {
      sql: `SELECT CAST(coalesce(sum(n), 0) AS INTEGER) AS n FROM event_pair_counts
        WHERE (source = ? AND target = ?) OR (source = ? AND target = ? AND source <> target)`,
      params: [a, b, b, a],
    };
  }
  return null;
}

/**
 * Words in the evidence as a condition on each event a walk reaches: its mentions read for the words (LIKE,
 * as sql.ts matches them). A walk that stops at the page's end reads a few hundred when the words are common,
 * where the trigram index would first gather every match (a common word: a seventh of the store).
 */
const wordsOnEach = (text: string): Query => ({
  sql: `EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = events.id AND m.evidence LIKE ? ESCAPE '\\')`,
  params: [likePattern(text)],
});

/**
 * The filter as disjoint arms, one per side of an actor or a pair, each an index hint and a WHERE clause the
 * index walks in date order (to follow "FROM events"); null for filters this does not serve (an article's
 * mentions; words in the evidence unless `words`, for walks that stop at the page's end: each event reached
 * is read for them).
 */
function arms(f: EventFilter, words = false): Query[] | null {
  if (f.articleId || (f.text && !words)) return null;
  const parts: string[] = [];
  const params: unknown[] = [];
  // The actor is a side only when there is no pair; with a pair it is one more condition.
  if (f.actor && f.pair) {
    parts.push("(source = ? OR target = ?)");
    params.push(f.actor, f.actor);
  }
  const ts = typeStatus(f);
  parts.push(...ts.parts);
  params.push(...ts.params);
  if (f.from) {
    parts.push("date >= ?");
    params.push(f.from);
  }
  if (f.to) {
    parts.push("date <= ?"); // padded as in sql.ts: "2025-06" covers its days
    params.push(`${f.to}\uffff`);
  }
  if (f.text) {
    const w = wordsOnEach(f.text);
    parts.push(w.sql);
    params.push(...w.params);
  }
  // Each side names the index it walks: left to itself, SQLite may skip-scan events_pair for "target = ?"
  // and sort every event of the actor.
  let sides: Side[];
  if (f.pair) {
    const [a, b] = f.pair;
    sides = [{ sql: "source = ? AND target = ?", params: [a, b], index: "events_pair" }];
    if (a !== b) sides.push({ sql: "source = ? AND target = ?", params: [b, a], index: "events_pair" });
  } else if (f.actor) {
    sides = [
      { sql: "source = ?", params: [f.actor], index: f.type ? "events_source_type" : "events_source_date" },
      {
        sql: "target = ? AND source <> ?",
        params: [f.actor, f.actor],
        index: f.type ? "events_target_type" : "events_target",
      },
    ];
  } else if (f.text)
    // Left to itself, SQLite may read every event in the dates asked and sort them, each read for the words.
    sides = [{ sql: "", params: [], index: f.type ? "events_type" : "events_date" }];
  else sides = [{ sql: "", params: [], index: null }];
  return sides.map((s) => ({
    sql: `${s.index ? `INDEXED BY ${s.index} ` : ""}${where([s.sql, ...parts].filter(Boolean))}`,
    params: [...s.params, ...params],
  }));
}

/** One side of an actor or a pair: its condition and the index that serves it. */
interface Side extends Query {
  index: string | null;
}

/**
 * Events in date order (the default sort), each arm read in index order up to the page's end; undated events
 * last either way, as sql.ts orders them. Words in the evidence only with `words` (they match many events:
 * manyMatches). Other sort keys: null.
 */
export function listByDate(f: EventFilter, words = false): Query | null {
  if ((f.sort ?? "date") !== "date") return null;
  const sides = arms(f, words);
  if (!sides) return null;
  const limit = f.limit ?? 100;
  const offset = f.offset ?? 0;
  const cols = `${EVENT_COLUMNS}, sources`;
  if ((f.order ?? "desc") === "desc") {
    // Descending, SQLite puts NULL last by itself: ORDER BY date DESC is sql.ts's "date IS NULL, date DESC".
    if (sides.length === 1)
      return {
        sql: `SELECT ${cols} FROM events ${sides[0].sql} ORDER BY date DESC, id LIMIT ? OFFSET ?`,
        params: [...sides[0].params, limit, offset],
      };
    return union(sides, "date DESC, id", "date DESC, id", limit, offset);
  }
  // Ascending, NULL would come first: dated and undated events are arms of their own.
  const also = (s: Query, cond: string): Query => ({
    sql: /\bWHERE\b/.test(s.sql) ? `${s.sql} AND ${cond}` : `${s.sql} WHERE ${cond}`,
    params: s.params,
  });
  // Each arm says which it is (u: 0 dated, 1 undated), so the merged order is of plain columns, which SQLite
  // keeps through the join instead of sorting the page's whole rows again.
  const split = sides.flatMap((s) => [
    { ...also(s, "date IS NOT NULL"), undated: 0 },
    { ...also(s, "date IS NULL"), undated: 1 },
  ]);
  return union(split, "date, id", "u, date, id", limit, offset);
}

/** The arms merged: each gives at most the page's end of (rowid, date, id), in order; the page is read whole
 * only for the rows it keeps. */
function union(
  sides: Array<Query & { undated?: number }>,
  innerOrder: string,
  outerOrder: string,
  limit: number,
  offset: number,
): Query {
  const arm = (s: Query & { undated?: number }): string =>
    `SELECT * FROM (SELECT rowid AS r, ${s.undated ?? 0} AS u, date, id FROM events ${s.sql}
      ORDER BY ${innerOrder} LIMIT ?)`;
  return {
    sql: `SELECT ${EVENT_COLUMNS.split(", ")
      .map((c) => `e.${c}`)
      .join(", ")}, e.sources
      FROM (SELECT r, u, date, id FROM (${sides.map(arm).join(" UNION ALL ")})
        ORDER BY ${outerOrder} LIMIT ? OFFSET ?) p
      JOIN events e ON e.rowid = p.r ORDER BY ${outerOrder.replace(/\b(u|date|id)\b/g, "p.$1")}`,
    params: [...sides.flatMap((s) => [...s.params, limit + offset]), limit, offset],
  };
}

/** countEvents by arms (each counted along its index) when the running counts cannot answer. */
export function countByArms(f: EventFilter): Query | null {
  const sides = arms(f);
  if (!sides || sides.length === 1) return null;
  return {
    sql: `SELECT ${sides.map((s) => `(SELECT count(*) FROM events ${s.sql})`).join(" + ")} AS n`,
    params: sides.flatMap((s) => s.params),
  };
}

/**
 * How many events match, counted along the filter's arms, all no further than `atMost`; words in the evidence
 * are read on each event reached, as listByDate reads them (about 5 µs an event). For words with other fields
 * few events have, where reading the words' matches instead would read many (countByTextAnd).
 */
export function countByArmsUpTo(f: EventFilter, atMost: number): Query | null {
  const sides = arms(f, true);
  if (!sides) return null;
  return {
    sql: `SELECT count(*) AS n FROM (${sides.map((s) => `SELECT 1 FROM events ${s.sql}`).join(" UNION ALL ")} LIMIT ?)`,
    params: [...sides.flatMap((s) => s.params), atMost],
  };
}

/** First and last date by arms, each a single seek (SQLite optimizes a lone min() or max() on an index). */
export function dateRangeByArms(f: EventFilter): Query | null {
  const sides = arms(f);
  if (!sides) return null;
  const one = (agg: "min" | "max"): string =>
    sides.map((s) => `SELECT (SELECT ${agg}(date) FROM events ${s.sql}) AS d`).join(" UNION ALL ");
  return {
    sql: `SELECT (SELECT min(d) FROM (${one("min")})) AS first, (SELECT max(d) FROM (${one("max")})) AS last`,
    params: [...sides.flatMap((s) => s.params), ...sides.flatMap((s) => s.params)],
  };
}

// ---- words in the evidence (the trigram index of migration 4) --------------------------------------------

/** The filter's words as a phrase of the trigram index, when it can answer (sql.ts, trigramPhrase). */
export const textPhrase = (f: EventFilter): string | null =>
  f.text && !f.articleId ? trigramPhrase(f.text) : null;

/**
 * Whether the words match many events: at least `enough` of them, counted no further. Then a page in date or
 * confidence order is best read by walking the events in that order, each one's mentions read for the words
 * (listByDate, listByConfidence); with few matches, by fetching every match and sorting them (SQLite cannot
 * tell which, the index gives no estimate). With other filters the walk follows their index and assumes the
 * words as common among their events as among all; where they are rare there (a word one type never uses),
 * the walk reads every event of the filter. By type, each type is an arm of its own, and a word common in one
 * type is often missing from the others: those pages always fetch.
 */
export function manyMatches(f: EventFilter, events: number): Query | null {
  const phrase = textPhrase(f);
  if (phrase === null) return null;
  // Walking reads about (limit + offset) × events ÷ matches rows, fetching reads the matches: even at √.
  const enough = Math.ceil(Math.sqrt(((f.limit ?? 100) + (f.offset ?? 0)) * Math.max(events, 1)));
  return {
    sql: "SELECT count(*) >= ? AS many FROM (SELECT 1 FROM events_text WHERE events_text MATCH ? LIMIT ?)",
    params: [enough, phrase, enough],
  };
}

/** How many events have the words (each is one row of the index), counted no further than `atMost`. */
export function countByText(f: EventFilter, atMost?: number): Query | null {
  const phrase = textPhrase(f);
  if (phrase === null || !usesOnly(f, ["text"])) return null;
  if (atMost !== undefined)
    return {
      sql: "SELECT count(*) AS n FROM (SELECT 1 FROM events_text WHERE events_text MATCH ? LIMIT ?)",
      params: [phrase, atMost],
    };
  return { sql: "SELECT count(*) AS n FROM events_text WHERE events_text MATCH ?", params: [phrase] };
}

/**
 * How many events have the words and match the filter's other fields, counted no further than `atMost`: the
 * trigram index's matches read in its order, each event looked up by its key and its fields checked, stopping
 * at the bound. Left to itself, SQLite gathers every match of the words first (a common word: a seventh of the
 * store) to check the events of the other filter's index against them. Where the other fields are rare among
 * the words' events, this still reads every match.
 */
export function countByTextAnd(f: EventFilter, atMost?: number): Query | null {
  const phrase = textPhrase(f);
  if (phrase === null || atMost === undefined || usesOnly(f, ["text"])) return null;
  const rest = eventWhere({ ...f, text: undefined }, "sqlite");
  return {
    sql: `SELECT count(*) AS n FROM (SELECT 1 FROM events_text t
        CROSS JOIN events INDEXED BY events_text_key ON events.text_key = t.rowid
        ${rest.sql.replace(/^WHERE /, "WHERE t.events_text MATCH ? AND ")} LIMIT ?)`,
    params: [phrase, ...rest.params, atMost],
  };
}

/**
 * Whether words alone are in every type's newest `sample` events: then a page by type is best read by walking
 * each type's events, each read for the words (listByType with `words`), as when a common word's events are
 * read newest first. A type without them would be read whole, and a word one type never has is common (a cue
 * word: "visited"); for those, listByTextMatches. About 16 × sample events read.
 */
export function wordsInEveryType(f: EventFilter, types: string[], sample = 100): Query | null {
  if (!f.text || types.length === 0 || !usesOnly(f, ["text"])) return null;
  const w = wordsOnEach(f.text);
  const one = `SELECT (SELECT count(*) FROM (SELECT id FROM events INDEXED BY events_type WHERE type = ?
      ORDER BY date DESC, id LIMIT ?) s WHERE ${w.sql.replace("events.id", "s.id")}) AS n`;
  return {
    sql: `SELECT min(n) > 0 AS every FROM (${types.map(() => one).join(" UNION ALL ")})`,
    params: types.flatMap((t) => [t, sample, ...w.params]),
  };
}

/**
 * Events with words in the evidence in another order than the walks serve (by type): every match gathered
 * from the trigram index, each event looked up by its key, then sorted. Named, since the index by type (type,
 * date, id) tempts SQLite to walk every event in type order instead, each checked against the matches: the
 * types without the words (all but one for "visited") are read whole.
 */
export function listByTextMatches(f: EventFilter): Query | null {
  const phrase = textPhrase(f);
  if (phrase === null) return null;
  const rest = eventWhere({ ...f, text: undefined }, "sqlite");
  const match = "text_key IN (SELECT rowid FROM events_text WHERE events_text MATCH ?)";
  return {
    sql: `SELECT ${EVENT_COLUMNS}, sources FROM events INDEXED BY events_text_key
      ${rest.sql ? `${rest.sql} AND ${match}` : `WHERE ${match}`} ${eventOrder(f)} LIMIT ? OFFSET ?`,
    params: [...rest.params, phrase, f.limit ?? 100, f.offset ?? 0],
  };
}

// ---- other sort keys ------------------------------------------------------------------------------------

/** The types that have events, from the running counts. */
export const TYPES_PRESENT = "SELECT type FROM event_type_counts GROUP BY type HAVING sum(n) > 0";

/**
 * Events by type, then newest first, then id: one arm per type (and per side of an actor or pair), each
 * walking an index in date order to the page's end, merged. `types` are those that have events.
 */
export function listByType(f: EventFilter, types: string[], words = false): Query | null {
  if (f.sort !== "type") return null;
  const each = f.type ? [f.type] : types;
  const sides: Query[] = [];
  for (const type of each) {
    const a = arms({ ...f, type: type as EventFilter["type"] }, words);
    if (!a) return null;
    sides.push(...a);
  }
  if (sides.length === 0) return null;
  const limit = f.limit ?? 100;
  const offset = f.offset ?? 0;
  const dir = (f.order ?? "asc") === "asc" ? "ASC" : "DESC";
  const arm = (s: Query): string =>
    `SELECT * FROM (SELECT rowid AS r, type, date, id FROM events ${s.sql} ORDER BY date DESC, id LIMIT ?)`;
  return {
    sql: `SELECT ${EVENT_COLUMNS.split(", ")
      .map((c) => `e.${c}`)
      .join(", ")}, e.sources
      FROM (SELECT r, type, date, id FROM (${sides.map(arm).join(" UNION ALL ")})
        ORDER BY type ${dir}, date DESC, id LIMIT ? OFFSET ?) p
      JOIN events e ON e.rowid = p.r ORDER BY p.type ${dir}, p.date DESC, p.id`,
    params: [...sides.flatMap((s) => [...s.params, limit + offset]), limit, offset],
  };
}

/**
 * Events by confidence, then newest first, then id: the order of the confidence indexes of migration 4 (one
 * for each direction), written so SQLite sees it ("date DESC" is sql.ts's "date IS NULL, date DESC"). Words
 * many events have (`words`) are read on each event the walk reaches; others come from the trigram index.
 */
export function listByConfidence(f: EventFilter, words = false): Query | null {
  if (f.sort !== "confidence" || f.articleId) return null;
  const each = words && f.text ? wordsOnEach(f.text) : null;
  const rest = eventWhere(
    each ? { ...f, text: undefined } : f,
    "sqlite",
    textPhrase(f) === null ? "like" : "trigram",
  );
  const w = each
    ? {
        sql: rest.sql ? `${rest.sql} AND ${each.sql}` : `WHERE ${each.sql}`,
        params: [...rest.params, ...each.params],
      }
    : rest;
  const dir = (f.order ?? "desc") === "asc" ? "ASC" : "DESC";
  return {
    sql: `SELECT ${EVENT_COLUMNS}, sources FROM events ${w.sql}
      ORDER BY confidence ${dir}, date DESC, id LIMIT ? OFFSET ?`,
    params: [...w.params, f.limit ?? 100, f.offset ?? 0],
  };
}

/**
 * topPairs from the running counts of migration 4 (each pair with its smaller actor first), walking their
 * index by count: the count of the limit-th pair, then every pair with at least as many.
 */
export const topPairsByCounts = (limit: number): Query => ({
  sql: `SELECT a, b, n FROM event_link_counts WHERE n > 0 AND n >= coalesce(
      (SELECT n FROM event_link_counts WHERE n > 0 ORDER BY n DESC LIMIT 1 OFFSET ?), 1)`,
  params: [Math.max(limit, 1) - 1],
});

/** Store totals from the running counts. */
export const TYPE_TOTALS = `SELECT type, CAST(sum(n) AS INTEGER) AS n FROM event_type_counts GROUP BY type
  HAVING sum(n) > 0`;

/** Articles newest first: descending, SQLite puts NULL last itself, so the published index serves the order. */
export const listArticlesByDate = (limit: number, offset: number): Query => ({
  sql: `SELECT ${SUMMARY_COLUMNS} FROM articles a ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?`,
  params: [limit, offset],
});
