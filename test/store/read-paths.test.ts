// SQLite's fast reads (src/store/sqlite/read-paths.ts: running counts, one arm per side of an actor or pair)
// give exactly what sql.ts's general queries give, on a store of random events with undated ones, coarse
// dates, missing targets, events with themselves, ties on the date — and after events are rewritten and deleted.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { EventFilter, EventGroupKey } from "../../src/store/repository.ts";
import { countByQuery, countEventsQuery, dateRangeQuery, listEventsQuery } from "../../src/store/sql.ts";
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

function fill(repo: SqliteRepository): void {
  const random = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const db = repo.db;
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
        const row = [article, pick(TYPES), source, target, date, precision, status, `words ${i}`, random()];
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
    assert.equal(await repo.countEvents(f), Number(general(repo, countEventsQuery(f, "sqlite"))[0].n), name);
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
  const stats = await repo.stats();
  assert.equal(
    stats.events,
    Number(general(repo, { sql: "SELECT count(*) AS n FROM events", params: [] })[0].n),
  );
}

test("fast reads agree with the general queries, before and after events change", async () => {
  const repo = openSqlite(":memory:");
  try {
    fill(repo);
    await agree(repo, "fresh");
    // A merge rewrites events (type, date, actors, status); deletes come with articles.
    repo.db.exec(`UPDATE events SET date = '2021-03-03', target = 'AAA' WHERE id LIKE 'e3-%'`);
    repo.db.exec(`UPDATE events SET status = 'occurred', type = '${TYPES[4]}' WHERE id LIKE 'e4-1%'`);
    repo.db.exec(`UPDATE events SET source = 'CCC', target = NULL, date = NULL WHERE id LIKE 'e5-2%'`);
    repo.db.exec(`DELETE FROM articles WHERE id IN ('art6', 'art7')`);
    await agree(repo, "changed");
  } finally {
    await repo.close();
  }
});
