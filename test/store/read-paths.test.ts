// SQLite's fast reads (src/store/sqlite/read-paths.ts: running counts, one arm per side of an actor or pair)
// give exactly what sql.ts's general queries give, on a store of random events with undated ones, coarse
// dates, missing targets, events with themselves, ties on the date — and after events are rewritten and deleted.
// Words in the evidence go through the trigram index (migration 4) and must find what LIKE finds, in every
// case LIKE folds or does not fold, after mentions come, change and go, and on a store made before the index.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { EventFilter, EventGroupKey } from "../../src/store/repository.ts";
import {
  countByQuery,
  countEventsQuery,
  dateRangeQuery,
  listEventsQuery,
  topPairsQuery,
} from "../../src/store/sql.ts";
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MIGRATIONS } from "../../src/store/sqlite/migrations.ts";
import { countByArmsUpTo, countByTextAnd } from "../../src/store/sqlite/read-paths.ts";
import { type SqliteRepository, openSqlite } from "../../src/store/sqlite/sqlite-repository.ts";
import { EVENT_TYPES } from "../../src/store/types.ts";

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2 ** 31;
    return a / 2 ** 31;
  };
}

const ACTORS = ["AAA", "BBB", "CCC", "DDD", "EEE", "IGO:XX"];
const TYPES = EVENT_TYPES.slice(0, 5);

/** Evidence with what LIKE folds (ASCII case) and does not (other letters, the Kelvin sign), its wildcards and
 * quotes, repeated often enough that the common words take the date-walking path. */
const PHRASES = [
  "Visited Nauru and Palau",
  "visited NAURU",
  "VISITED the islands",
  "Ärger über Tuvalu",
  "ärger, straße, ÉLAN",
  "\u212Aelvin and kelvin",
  "100% sure_thing",
  'they said "hi" twice',
  "met",
];

function fill(db: Database.Database): void {
  const random = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const cols = `id, article_id, type, source, target, date, date_precision, date_stated, status, span_start,
    span_end, evidence, plover_type, confidence, rule`;
  const ev = db.prepare(
    `INSERT INTO events (${cols}, sources) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, 0, 1, ?, 'X', ?, 'r', 1)`,
  );
  const mention = db.prepare(
    `INSERT INTO event_mentions (event_id, ${cols}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 0, 1, ?, 'X', ?, 'r')`,
  );
  db.transaction(() => {
    for (let a = 0; a < 40; a++) {
      const article = `art${a}`;
      db.prepare(
        `INSERT INTO articles (id, date_source, date_confidence, original, cleaned, offsets, role, source_name,
          format, ingested_at, published) VALUES (?, 'unknown', 0, 'x', 'x', '[]', 'main', 'x', 'text', 'now', ?)`,
      ).run(article, a % 7 === 0 ? null : `20${10 + (a % 12)}-0${1 + (a % 9)}-1${a % 10}`);
      for (let i = 0; i < 30; i++) {
        const id = `e${a}-${i}`;
        const source = pick(ACTORS);
        const r = random();
        const target = r < 0.1 ? null : r < 0.15 ? source : pick(ACTORS);
        const p = random();
        const y = 2015 + Math.floor(random() * 8);
        const day = `${y}-0${1 + Math.floor(random() * 3)}-0${1 + Math.floor(random() * 3)}`;
        const date = p < 0.08 ? null : p < 0.15 ? String(y) : p < 0.25 ? day.slice(0, 7) : day;
        const precision =
          date === null ? null : date.length === 4 ? "year" : date.length === 7 ? "month" : "day";
        const status = pick(["occurred", "pledged", "denied"]);
        const words = `${pick(PHRASES)} ${i}`;
        const row = [article, pick(TYPES), source, target, date, precision, status, words, random()];
        ev.run(id, ...row);
        mention.run(id, id, ...row);
      }
    }
  })();
}

function general(repo: SqliteRepository, q: { sql: string; params: unknown[] }): Record<string, unknown>[] {
  return repo.db.prepare(q.sql).all(...q.params) as Record<string, unknown>[];
}

const FILTERS: EventFilter[] = [
  {},
  { actor: "AAA" },
  { actor: "IGO:XX", type: TYPES[1] },
  { actor: "BBB", status: "pledged" },
  { actor: "CCC", from: "2017", to: "2019-02" },
  { pair: ["AAA", "BBB"] },
  { pair: ["CCC", "CCC"] },
  { pair: ["DDD", "AAA"], actor: "AAA", type: TYPES[0] },
  { type: TYPES[2] },
  { type: TYPES[3], status: "denied" },
  { status: "occurred", from: "2016-02", to: "2016" },
  { from: "2020-01-02" },
  { actor: "EEE", to: "2018" },
  { actor: "ZZZ" },
  { actor: "AAA", status: "pledged", from: "2016", to: "2019" },
  { status: "denied", from: "2017" },
  { type: TYPES[1], to: "2018" },
  { actor: "BBB", type: TYPES[2], from: "2015", to: "2015" },
  { text: "visited" },
  { text: "NAURU" },
  { text: "ärger" },
  { text: "Ärger" },
  { text: "élan" },
  { text: "kelvin" },
  { text: "\u212Aelv" },
  { text: "% sure_" },
  { text: '"hi"' },
  { text: "d 1" },
  { text: "me" },
  { text: "tuvalu", type: TYPES[0] },
  { text: "islands 2", actor: "AAA" },
  { text: "visited", from: "2018" },
  { text: "visited", actor: "AAA" },
  { text: "VISITED", pair: ["AAA", "BBB"] },
  { text: "visited", actor: "BBB", status: "pledged", from: "2017", to: "2019-02" },
  { text: "nauru", type: TYPES[1], actor: "CCC" },
  { text: "visited", type: TYPES[2], to: "2020" },
];

const KEYS: EventGroupKey[][] = [
  ["type"],
  ["status"],
  ["year"],
  ["type", "status", "year"],
  ["source"],
  ["target"],
  ["source", "target"],
];

async function agree(repo: SqliteRepository, when: string): Promise<void> {
  for (const f of FILTERS) {
    const name = `${when}: ${JSON.stringify(f)}`;
    for (const order of ["desc", "asc"] as const)
      for (const [limit, offset] of [
        [7, 0],
        [13, 20],
        [1000, 0],
        [5, 2000],
      ]) {
        const q = { ...f, order, limit, offset };
        assert.deepEqual(
          (await repo.listEvents(q)).map((e) => e.id),
          general(repo, listEventsQuery(q, "sqlite")).map((r) => r.id),
          `${name} ${order} ${limit}/${offset}`,
        );
      }
    for (const sort of ["type", "confidence"] as const)
      for (const order of ["desc", "asc"] as const)
        for (const [limit, offset] of [
          [9, 0],
          [11, 30],
        ]) {
          const q = { ...f, sort, order, limit, offset };
          assert.deepEqual(
            (await repo.listEvents(q)).map((e) => e.id),
            general(repo, listEventsQuery(q, "sqlite")).map((r) => r.id),
            `${name} by ${sort} ${order} ${limit}/${offset}`,
          );
        }
    const count = Number(general(repo, countEventsQuery(f, "sqlite"))[0].n);
    assert.equal(await repo.countEvents(f), count, name);
    // A page with its count: a page that ends short (or an empty first page) gives the count without counting.
    for (const [limit, offset] of [
      [7, 0],
      [count, 0],
      [count + 1, 0],
      [10, count - 3],
      [10, count],
      [10, count + 5],
    ])
      for (const atMost of [undefined, 1, count, count + 1]) {
        const q = { ...f, limit, offset: Math.max(offset, 0) };
        const p = await repo.eventPage(q, atMost);
        assert.deepEqual(
          p.items.map((e) => e.id),
          general(repo, listEventsQuery(q, "sqlite")).map((r) => r.id),
          `${name} page ${limit}/${offset}`,
        );
        assert.equal(
          p.total,
          Math.min(count, atMost ?? count),
          `${name} page ${limit}/${offset} at most ${atMost}`,
        );
      }
    for (const atMost of [1, count, count + 1, 100])
      assert.equal(await repo.countEvents(f, atMost), Math.min(count, atMost), `${name} at most ${atMost}`);
    // Words with other fields are counted along either side (which one depends on how many events the other
    // fields have, counted along their arms): each must give what the general count gives.
    for (const atMost of [1, count, count + 1, 100])
      for (const side of [countByTextAnd(f, atMost), countByArmsUpTo(f, atMost)])
        if (side)
          assert.equal(
            Math.min(Number(general(repo, side)[0].n), atMost),
            Math.min(count, atMost),
            `${name} at most ${atMost}: ${side.sql.slice(0, 60)}`,
          );
    const range = general(repo, dateRangeQuery(f, "sqlite"))[0];
    assert.deepEqual(await repo.eventDateRange(f), { first: range.first, last: range.last }, name);
    const keys = f.actor
      ? [...KEYS, ["year", "type", "partner"] as EventGroupKey[], ["partner"] as EventGroupKey[]]
      : KEYS;
    for (const k of keys) {
      const want = general(repo, countByQuery(f, k, "sqlite")).map((r) => ({ ...r, n: Number(r.n) }));
      const got = await repo.countEventsBy(f, k);
      assert.deepEqual(
        got.map((r) => ({ ...r })),
        want,
        `${name} by ${k.join(",")}`,
      );
    }
  }
  const pairOrder = (x: { a: string; b: string }, y: { a: string; b: string }): number =>
    x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0;
  for (const limit of [1, 3, 8, 100])
    assert.deepEqual(
      (await repo.topPairs(limit)).sort(pairOrder),
      general(repo, topPairsQuery(limit, "sqlite"))
        .map((r) => ({ a: r.a as string, b: r.b as string, n: Number(r.n) }))
        .sort(pairOrder),
      `${when}: top ${limit} pairs`,
    );
  const stats = await repo.stats();
  assert.equal(
    stats.articles,
    Number(general(repo, { sql: "SELECT count(*) AS n FROM articles", params: [] })[0].n),
  );
  assert.equal(
    stats.events,
    Number(general(repo, { sql: "SELECT count(*) AS n FROM events", params: [] })[0].n),
  );
}

test("fast reads agree with the general queries, before and after events change", async () => {
  const repo = openSqlite(":memory:");
  try {
    fill(repo.db);
    await agree(repo, "fresh");
    // A merge rewrites events (type, date, actors, status); deletes come with articles.
    repo.db.exec(`UPDATE events SET date = '2021-03-03', target = 'AAA' WHERE id LIKE 'e3-%'`);
    repo.db.exec(`UPDATE events SET status = 'occurred', type = '${TYPES[4]}' WHERE id LIKE 'e4-1%'`);
    repo.db.exec(`UPDATE events SET source = 'CCC', target = NULL, date = NULL WHERE id LIKE 'e5-2%'`);
    repo.db.exec(`DELETE FROM articles WHERE id IN ('art6', 'art7')`);
    // Mentions come (another article reports an event), change and go (their article is deleted).
    repo.db
      .exec(`INSERT INTO event_mentions (id, event_id, article_id, type, source, target, date, date_stated,
      status, span_start, span_end, evidence, plover_type, confidence, rule)
      SELECT 'm-' || id, id, 'art9', type, source, target, date, 0, status, 0, 1, 'merged with Tuvalu islands', 'X',
        confidence, 'r' FROM events WHERE id LIKE 'e8-%'`);
    repo.db.exec(`UPDATE event_mentions SET evidence = 'now about Nauru' WHERE id LIKE 'e10-1%'`);
    repo.db.exec(`UPDATE event_mentions SET event_id = 'e12-0' WHERE id = 'e12-1'`);
    repo.db.exec(`DELETE FROM event_mentions WHERE id LIKE 'm-e8-1%'`);
    await agree(repo, "changed");
    assert.ok((await repo.countEvents({ text: "merged with tuvalu" })) > 0);
  } finally {
    await repo.close();
  }
});

test("a store made before the trigram index gets it when opened, and finds what LIKE finds", async () => {
  const dir = mkdtempSync(join(tmpdir(), "attache-read-paths-"));
  try {
    const path = join(dir, "old.db");
    const old = new Database(path);
    old.pragma("foreign_keys = ON");
    for (let v = 0; v < 3; v++) old.exec(MIGRATIONS[v]);
    old.pragma("user_version = 3");
    fill(old);
    old.close();
    const repo = openSqlite(path);
    try {
      assert.equal(repo.db.pragma("user_version", { simple: true }), MIGRATIONS.length);
      await agree(repo, "migrated");
    } finally {
      await repo.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
