// The total of a page of events with words in the evidence is counted up to TEXT_COUNT_LIMIT: past it, the
// answer says the total is a lower bound (the API's totalIsLowerBound), and exactly that many is not "more".
// A store of a little more than the limit of events, filled through SQL as the bench fills its store.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createApp } from "../../src/api/app.ts";
import type { QueryContext } from "../../src/query/context.ts";
import { findEvents } from "../../src/query/events.ts";
import { EventPage, EventQuery, TEXT_COUNT_LIMIT } from "../../src/query/schemas.ts";
import { type SqliteRepository, openSqlite } from "../../src/store/sqlite/sqlite-repository.ts";
import { TODAY, fictionalKnowledge } from "../support/world.ts";

/** Events whose evidence says "visited Arnor" (exactly the limit), "visited Rohan" and "met". */
const ARNOR = TEXT_COUNT_LIMIT;
const ROHAN = 30;
const MET = 20;

let repo: SqliteRepository;
let ctx: QueryContext;
before(() => {
  repo = openSqlite(":memory:");
  const db = repo.db;
  const cols = `id, article_id, type, source, target, date, date_precision, date_stated, status, span_start,
    span_end, evidence, plover_type, confidence, rule`;
  const ev = db.prepare(
    `INSERT INTO events (${cols}, sources) VALUES (?, 'art', 'VISIT', 'GON', ?, ?, 'day', 1, 'occurred', 0, 1,
      ?, 'X', 0.5, 'r', 1)`,
  );
  const mention = db.prepare(
    `INSERT INTO event_mentions (event_id, ${cols}) VALUES (?, ?, 'art', 'VISIT', 'GON', ?, ?, 'day', 1,
      'occurred', 0, 1, ?, 'X', 0.5, 'r')`,
  );
  db.transaction(() => {
    db.prepare(
      `INSERT INTO articles (id, date_source, date_confidence, original, cleaned, offsets, role, source_name,
        format, ingested_at) VALUES ('art', 'unknown', 0, 'x', 'x', '[]', 'main', 'x', 'text', 'now')`,
    ).run();
    let n = 0;
    const add = (count: number, target: string, evidence: string): void => {
      for (let i = 0; i < count; i++, n++) {
        const id = `e${String(n).padStart(6, "0")}`;
        const date = `20${String(10 + (n % 15))}-0${1 + (n % 9)}-1${n % 10}`;
        ev.run(id, target, date, evidence);
        mention.run(id, id, target, date, evidence);
      }
    };
    add(ARNOR, "ARN", "Gondor's envoy visited Arnor.");
    add(ROHAN, "ROH", "Gondor's envoy visited Rohan.");
    add(MET, "HAR", "Gondor met Harad.");
  })();
  ctx = { repo, knowledge: fictionalKnowledge(), today: () => TODAY };
});
after(() => repo.close());

const page = (input: Record<string, unknown>) => findEvents(ctx, EventQuery.parse(input));

test("more matches than the limit: the limit, marked as a lower bound", async () => {
  const p = await page({ text: "visited" });
  assert.equal(p.items.length, 50);
  assert.deepEqual([p.total, p.totalIsLowerBound], [TEXT_COUNT_LIMIT, true]);
  // Deeper than the limit, the page's end is a better lower bound.
  const deep = await page({ text: "visited", offset: TEXT_COUNT_LIMIT, limit: 20 });
  assert.equal(deep.items.length, 20);
  assert.deepEqual([deep.total, deep.totalIsLowerBound], [TEXT_COUNT_LIMIT + 20, true]);
});

test("a page that ends short is the last: the total is exact again", async () => {
  const last = await page({ text: "visited", offset: TEXT_COUNT_LIMIT, limit: 50 });
  assert.equal(last.items.length, ROHAN);
  assert.deepEqual([last.total, last.totalIsLowerBound], [ARNOR + ROHAN, false]);
});

test("exactly the limit, fewer, and filters without words are counted exactly", async () => {
  assert.deepEqual(await page({ text: "visited arnor" }).then((p) => [p.total, p.totalIsLowerBound]), [
    ARNOR,
    false,
  ]);
  assert.deepEqual(await page({ text: "ROHAN" }).then((p) => [p.total, p.totalIsLowerBound]), [ROHAN, false]);
  assert.deepEqual(await page({ text: "no such words" }).then((p) => [p.total, p.totalIsLowerBound]), [
    0,
    false,
  ]);
  assert.deepEqual(await page({ actor: "GON" }).then((p) => [p.total, p.totalIsLowerBound]), [
    ARNOR + ROHAN + MET,
    false,
  ]);
});

test("the API says when the total is a lower bound", async () => {
  const app = createApp({ repo, knowledge: ctx.knowledge, today: ctx.today });
  const res = await app.request("/api/events?text=visited&limit=5");
  assert.equal(res.status, 200);
  const body = EventPage.parse(await res.json());
  assert.deepEqual([body.total, body.totalIsLowerBound, body.items.length], [TEXT_COUNT_LIMIT, true, 5]);
  const exact = EventPage.parse(await (await app.request("/api/events?text=rohan")).json());
  assert.deepEqual([exact.total, exact.totalIsLowerBound], [ROHAN, false]);
});
