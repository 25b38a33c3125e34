// The dashboard's questions at scale: a SQLite store of N generated events (actors, types and dates drawn the
// way diplomatic news falls: a few actors and recent years dominate), filled through one prepared statement
// in large transactions, then every query the API makes timed over many runs, with its SQL plans checked.
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Knowledge } from "../src/knowledge/types.ts";
import {
  type QueryContext,
  articleView,
  countryProfile,
  findEvents,
  listActors,
  listArticles,
  overallStats,
  recognitionHistory,
  recognitionSnapshot,
  relationshipTimeline,
} from "../src/query/index.ts";
import { EventQuery } from "../src/query/schemas.ts";
import { type SqliteRepository, openSqlite } from "../src/store/sqlite/sqlite-repository.ts";
import { EVENT_TYPES, type EventType } from "../src/store/types.ts";
import { rng } from "./corpus.ts";

/** Actors by how often the news names them: the contest over Taiwan's allies, then the rest of the world. */
const HEAD = [
  "TWN", "CHN", "USA", "JPN", "PRY", "GTM", "HND", "NIC", "PAN", "SLV", "DOM", "HTI", "PLW", "MHL", "TUV",
  "SWZ", "VAT", "BLZ", "KNA", "LCA", "VCT", "SLB", "KIR", "NRU", "AUS", "KOR", "GBR", "FRA", "DEU", "IND",
  "RUS", "CRI", "BFA", "STP", "MEX", "BRA", "IGO:UN", "IGO:WHO", "IGO:EU", "IGO:MERCOSUR",
]; // prettier-ignore

const TYPE_WEIGHTS: Record<EventType, number> = {
  MEET: 18,
  VISIT: 14,
  EXPRESS_SUPPORT: 14,
  SIGN_AGREEMENT: 8,
  CRITICIZE: 8,
  PLEDGE_AID: 7,
  TRADE_INVESTMENT: 6,
  PROVIDE_AID: 5,
  WARN: 4,
  REQUEST: 4,
  SECURITY_COOPERATION: 4,
  LOAN: 3,
  UPGRADE_RELATIONS: 2,
  MIGRATION_COOPERATION: 2,
  ESTABLISH_RELATIONS: 0.5,
  SEVER_RELATIONS: 0.5,
};

/** Draws from weights in O(log n). */
function sampler<T>(items: T[], weights: number[], random: () => number): () => T {
  const cum: number[] = [];
  let total = 0;
  for (const w of weights) cum.push((total += w));
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo];
  };
}

/** 16 hex digits like the content hashes ingest makes, but rising, so the fill appends to the id indexes. */
const hexId = (n: number, random: () => number): string =>
  n.toString(16).padStart(8, "0") +
  Math.floor(random() * 2 ** 32)
    .toString(16)
    .padStart(8, "0");

const pad = (n: number): string => String(n).padStart(2, "0");

export interface StoreInfo {
  repo: SqliteRepository;
  path: string;
  events: number;
  articles: number;
  seconds: number;
  mb: number;
  actors: string[];
  articleIds: string[];
}

const storePath = (dir: string, events: number): string => join(dir, `store-${events}.db`);

/** The actors events are drawn from, most named first: the head, then every other UN member. */
function benchActors(knowledge: Knowledge): string[] {
  const states = knowledge
    .states()
    .filter((s) => s.unMember)
    .map((s) => s.id);
  return [...HEAD, ...states.filter((s) => !HEAD.includes(s))];
}

/** Generates a store of `events` events (about eight an article) through one prepared statement each. */
export function buildStore(dir: string, events: number, knowledge: Knowledge, seed = 7): StoreInfo {
  const path = storePath(dir, events);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
  const repo = openSqlite(path);
  const db = repo.db;
  // A generated store: no need to survive a crash while filling it.
  db.pragma("cache_size = -262144");
  db.pragma("journal_mode = OFF");
  db.pragma("temp_store = MEMORY");
  db.pragma("synchronous = OFF");
  const random = rng(seed);
  const actors = benchActors(knowledge);
  const actor = sampler(
    actors,
    actors.map((_, i) => 1 / (i + 1)),
    random,
  );
  const type = sampler(
    [...EVENT_TYPES],
    EVENT_TYPES.map((t) => TYPE_WEIGHTS[t]),
    random,
  );
  const years = Array.from({ length: 36 }, (_, i) => 1990 + i);
  const year = sampler(
    years,
    years.map((y) => Math.exp((y - 1990) / 8)),
    random,
  );
  const status = sampler(["occurred", "pledged", "denied"], [65, 28, 7], random);
  const insertArticle = db.prepare(
    `INSERT INTO articles (id, url, title, outlet, published, date_precision, date_source, date_confidence,
      original, cleaned, offsets, role, parent_id, source_name, format, ingested_at)
     VALUES (?, ?, ?, ?, ?, 'day', 'front_matter', 1, ?, ?, ?, 'main', NULL, ?, 'text', ?)`,
  );
  const eventColumns = `id, article_id, type, source, target, source_actor, target_actor, date, date_precision,
      date_stated, status, amount, location, quote, span_start, span_end, evidence, plover_type, plover_mode,
      confidence, rule`;
  const eventValues = "?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, NULL, ?, ?";
  // Each event is its own act with one mention (the store merges mentions of one act; these never repeat).
  // As the store's writer does, each event takes the next key of the trigram index of words as it is stored.
  const insertEvent = db.prepare(
    `INSERT INTO events (${eventColumns}, sources, text_key)
     VALUES (${eventValues}, 1, (SELECT coalesce(max(text_key), 0) + 1 FROM events))`,
  );
  const insertMention = db.prepare(
    `INSERT INTO event_mentions (event_id, ${eventColumns}) VALUES (?, ${eventValues})`,
  );
  const names = new Map(knowledge.states().map((s) => [s.id, s.name]));
  const nameOf = (id: string): string => names.get(id) ?? id.replace("IGO:", "the ");
  const verbs: Record<string, string> = { MEET: "met", VISIT: "visited", LOAN: "lent money to" };
  const started = performance.now();
  const articleIds: string[] = [];
  let made = 0;
  const now = new Date().toISOString();
  const batch = db.transaction((count: number) => {
    for (let k = 0; k < count && made < events; k++) {
      const id = hexId(articleIds.length, random);
      articleIds.push(id);
      const y = year();
      const m = 1 + Math.floor(random() * 12);
      const d = 1 + Math.floor(random() * 28);
      const published = `${y}-${pad(m)}-${pad(d)}`;
      const n = Math.min(events - made, 1 + Math.floor(random() * 15));
      const rows: unknown[][] = [];
      let text = `Dateline ${published}: a report.\n`;
      for (let i = 0; i < n; i++) {
        const source = actor();
        let target: string | null = random() < 0.05 ? null : actor();
        for (let tries = 0; target === source; tries++) target = tries < 3 ? actor() : null;
        const t = type();
        const sentence = `${nameOf(source)} ${verbs[t] ?? t.toLowerCase().replace(/_/g, " ")} ${
          target ? nameOf(target) : "its partners"
        } on ${published}, officials said, in a statement about aid, trade and visits.`;
        const start = text.length;
        text += `${sentence}\n`;
        const p = random();
        const date = p < 0.01 ? null : p < 0.05 ? String(y) : p < 0.2 ? `${y}-${pad(m)}` : published;
        const precision =
          date === null ? null : date.length === 4 ? "year" : date.length === 7 ? "month" : "day";
        const amount =
          t === "LOAN" || t === "PLEDGE_AID"
            ? JSON.stringify({ text: "$5 million", value: 5e6, unit: "USD" })
            : null;
        rows.push([hexId(made + i, random), id, t, source, target, date, precision, date === published ? 1 : 0, status(),
          amount, start, start + sentence.length, sentence, "CONSULT", Math.round(random() * 100) / 100,
          `${t.toLowerCase()}/bench@0`]); // prettier-ignore
      }
      const offsets = JSON.stringify([{ c: 0, o: 0, len: text.length }]);
      insertArticle.run(id, `https://example.org/${id}`, `Report ${id}`, "Bench Wire", published, text, text,
        offsets, `bench/${id}.txt`, now); // prettier-ignore
      for (const r of rows) {
        insertEvent.run(...r);
        insertMention.run(r[0], ...r);
      }
      made += n;
    }
  });
  while (made < events) batch(5000);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.pragma("cache_size = -2000"); // back to SQLite's default, as `attache serve` opens it
  db.pragma("synchronous = NORMAL");
  db.pragma("journal_mode = WAL");
  db.exec("ANALYZE");
  const seconds = (performance.now() - started) / 1000;
  return {
    repo,
    path,
    events: made,
    articles: articleIds.length,
    seconds,
    mb: sizeMb(db),
    actors,
    articleIds,
  };
}

/** The database's size on disk, in MB. */
function sizeMb(db: StoreInfo["repo"]["db"]): number {
  const pages = db.pragma("page_count", { simple: true }) as number;
  const size = db.pragma("page_size", { simple: true }) as number;
  return (pages * size) / 1048576;
}

/**
 * The store an earlier run built in `dir` and left there (--keep), opened as buildStore leaves it; null when
 * there is none of `events` events (one not finished, or of another size).
 */
export function openBuiltStore(dir: string, events: number, knowledge: Knowledge): StoreInfo | null {
  const path = storePath(dir, events);
  if (!existsSync(path)) return null;
  const repo = openSqlite(path);
  const db = repo.db;
  const count = (db.prepare("SELECT count(*) AS n FROM events").get() as { n: number }).n;
  if (count !== events) {
    db.close();
    return null;
  }
  db.pragma("cache_size = -2000"); // as buildStore leaves it
  const articleIds = (
    db.prepare("SELECT id FROM articles ORDER BY rowid").all() as Array<{ id: string }>
  ).map((r) => r.id);
  return {
    repo,
    path,
    events: count,
    articles: articleIds.length,
    seconds: 0,
    mb: sizeMb(db),
    actors: benchActors(knowledge),
    articleIds,
  };
}

export interface QueryTiming {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  p99: number;
}

interface Recorded {
  sql: string;
  params: unknown[];
}

/** Records every statement the repository runs (SQL and parameters), for EXPLAIN QUERY PLAN. */
function recordStatements(repo: SqliteRepository): { stop(): Recorded[] } {
  const db = repo.db;
  const original = db.prepare.bind(db);
  const seen = new Map<string, Recorded>();
  (db as { prepare: unknown }).prepare = (sql: string) => {
    const st = original(sql);
    return new Proxy(st, {
      get(target, prop) {
        const v = Reflect.get(target, prop, target) as unknown;
        if (typeof v !== "function") return v;
        if (prop === "all" || prop === "get" || prop === "iterate")
          return (...params: unknown[]) => {
            if (!seen.has(sql)) seen.set(sql, { sql, params });
            return (v as (...a: unknown[]) => unknown).apply(target, params);
          };
        return (v as (...a: unknown[]) => unknown).bind(target);
      },
    });
  };
  return {
    stop() {
      (db as { prepare: unknown }).prepare = original;
      return [...seen.values()];
    },
  };
}

export interface Plan {
  sql: string;
  plan: string[];
  /** Lines that read a whole table or index, or sort in a temporary tree. */
  warnings: string[];
}

/** A read of a large table that is not a lookup by its key. */
const BIG =
  /^(SCAN|SEARCH) (events|event_mentions|articles|a|e|m)\b(?!.*(INTEGER PRIMARY KEY|sqlite_autoindex))/;

function explain(repo: SqliteRepository, r: Recorded): Plan {
  const rows = repo.db.prepare(`EXPLAIN QUERY PLAN ${r.sql}`).all(...r.params) as Array<{ detail: string }>;
  const plan = rows.map((row) => row.detail);
  // A whole large table or index read, or every row found in one sorted in a temporary tree (a sort of only
  // the last terms, ties on the date or id, is sorting within a walk and stays).
  // Every row found sorted, or an index walked in order but sorted within groups of more than one key (each
  // group read whole: "USE TEMP B-TREE FOR LAST 3 TERMS" after a walk by type).
  const sorts = (i: number): boolean =>
    i > 0 &&
    BIG.test(plan[i - 1]) &&
    (/^USE TEMP B-TREE FOR (ORDER|GROUP) BY$/.test(plan[i]) ||
      (/^USE TEMP B-TREE FOR LAST \d+ TERMS/.test(plan[i]) && /^SCAN /.test(plan[i - 1])));
  // An index walked in order under a LIMIT stops at the page's end: not a whole read.
  const walk = (d: string): boolean => /USING (COVERING )?INDEX/.test(d) && /\bLIMIT\b/.test(r.sql);
  const warnings = plan.filter((d, i) => (/^SCAN /.test(d) && BIG.test(d) && !walk(d)) || sorts(i));
  return { sql: r.sql.replace(/\s+/g, " ").trim(), plan, warnings: [...new Set(warnings)] };
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Every query the dashboard and API make, with parameters varied from run to run. */
export async function timeQueries(
  info: StoreInfo,
  knowledge: Knowledge,
  budgetSeconds: number,
  only?: RegExp,
): Promise<{ timings: QueryTiming[]; plans: Plan[] }> {
  const ctx: QueryContext = { repo: info.repo, knowledge, today: () => "2025-11-25" };
  const random = rng(99);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const top = info.actors.slice(0, 12);
  const some = [...top, ...info.actors.slice(40, 48)];
  const pairs: Array<[string, string]> = [
    ["TWN", "CHN"], ["TWN", "USA"], ["TWN", "GTM"], ["CHN", "USA"], ["TWN", "PRY"], ["JPN", "PRY"],
    ["GTM", "USA"], ["CHN", "NRU"], ["TWN", "VAT"], ["USA", "JPN"],
  ]; // prettier-ignore
  const month = (): string => `${2000 + Math.floor(random() * 26)}-${pad(1 + Math.floor(random() * 12))}`;
  const q = (o: Record<string, unknown>) => EventQuery.parse(o);
  // Words in a seventh of the events ("visited", every VISIT), in most ("officials said"), in a few types' only.
  const common = ["visited", "officials said", "met", "trade"];
  const queries: Array<[string, () => unknown]> = [
    ["events: newest first (events page)", () => findEvents(ctx, q({}))],
    ["events: by actor", () => findEvents(ctx, q({ actor: pick(some) }))],
    [
      "events: by actor and type",
      () => findEvents(ctx, q({ actor: pick(top), type: pick([...EVENT_TYPES]) })),
    ],
    ["events: by pair", () => findEvents(ctx, q({ pair: pick(pairs).join(",") }))],
    ["events: one month", () => { const m = month(); return findEvents(ctx, q({ from: m, to: m })); }], // prettier-ignore
    ["events: actor, status and years", () =>
      findEvents(ctx, q({ actor: pick(top), status: "pledged", from: "2015", to: "2020" }))], // prettier-ignore
    ["events: words in the evidence", () => findEvents(ctx, q({ text: pick(["visited", "lent money", "warn", "Nauru"]) }))], // prettier-ignore
    // Words many events have, with each other filter the events page offers and by the other sort keys.
    ["events: words and an actor", () => findEvents(ctx, q({ text: pick(common), actor: pick(top) }))],
    ["events: words and a pair", () => findEvents(ctx, q({ text: pick(common), pair: pick(pairs).join(",") }))], // prettier-ignore
    ["events: words and a type", () => findEvents(ctx, q({ text: pick(common), type: pick([...EVENT_TYPES]) }))], // prettier-ignore
    ["events: words and years", () => { const y = 2000 + Math.floor(random() * 21); return findEvents(ctx, q({ text: pick(common), from: String(y), to: String(y + 4) })); }], // prettier-ignore
    ["events: words and a month", () => { const m = month(); return findEvents(ctx, q({ text: pick(common), from: m, to: m })); }], // prettier-ignore
    ["events: words sorted by type", () => findEvents(ctx, q({ text: pick(common), sort: "type", order: pick(["asc", "desc"]) }))], // prettier-ignore
    ["events: words sorted by confidence", () => findEvents(ctx, q({ text: pick(common), sort: "confidence", order: pick(["asc", "desc"]) }))], // prettier-ignore
    ["events: sorted by type", () => findEvents(ctx, q({ sort: "type", order: pick(["asc", "desc"]) }))],
    ["events: sorted by confidence", () => findEvents(ctx, q({ sort: "confidence" }))],
    ["events: page 40 of an actor", () => findEvents(ctx, q({ actor: pick(top), offset: 2000 }))],
    ["timeline of a pair", () => { const [a, b] = pick(pairs); return relationshipTimeline(ctx, a, b); }], // prettier-ignore
    [
      "recognition map on a date",
      () => recognitionSnapshot(ctx, `${1971 + Math.floor(random() * 54)}-06-01`),
    ],
    ["recognition history (map slider)", () => recognitionHistory(ctx)],
    ["country profile", () => countryProfile(ctx, pick(some.filter((a) => !a.startsWith("IGO:"))))],
    ["article with its events", () => articleView(ctx, pick(info.articleIds))],
    ["articles, newest first", () => listArticles(ctx, 50, pick([0, 50, 500]))],
    ["stats (map page)", () => overallStats(ctx)],
    ["actors (events page pickers)", () => listActors(ctx)],
  ];
  if (only) queries.splice(0, queries.length, ...queries.filter(([name]) => only.test(name)));
  const recorder = recordStatements(info.repo);
  for (const [, run] of queries) await run();
  const plans = recorder.stop().map((r) => explain(info.repo, r));
  const timings: QueryTiming[] = [];
  for (const [name, run] of queries) {
    for (let i = 0; i < 3; i++) await run(); // warm up
    const times: number[] = [];
    const until = performance.now() + budgetSeconds * 1000;
    while (times.length < 400 && (times.length < 25 || performance.now() < until)) {
      const t0 = performance.now();
      await run();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    timings.push({
      name,
      runs: times.length,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
    });
  }
  return { timings, plans };
}
