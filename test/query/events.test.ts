// Events by actor, pair, type, status, dates and text; stable sorting and paging; errors by code.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { AttacheError } from "../../src/query/errors.ts";
import { findEvents } from "../../src/query/events.ts";
import { EventQuery } from "../../src/query/schemas.ts";
import { type World, buildWorld } from "../support/world.ts";

let w: World;
before(async () => (w = await buildWorld()));
after(() => w.close());

const q = (input: Record<string, unknown>) => EventQuery.parse(input);
const ids = async (input: Record<string, unknown>): Promise<string[]> =>
  (await findEvents(w.ctx, q({ limit: 500, ...input }))).items.map((e) => e.id);

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof AttacheError, `expected AttacheError, got ${String(err)}`);
    return err.code;
  }
  return "no error";
}

describe("events: filters", () => {
  test("actor matches either side, by id or by name", async () => {
    const byId = await ids({ actor: "HAR" });
    assert.deepEqual(byId.sort(), ["e-denied", "e-establish"]);
    assert.deepEqual((await ids({ actor: "Harad" })).sort(), byId);
    assert.deepEqual((await ids({ actor: "har" })).sort(), byId);
  });

  test("pair matches both directions", async () => {
    const ab = await ids({ pair: "ARN,GON" });
    const ba = await ids({ pair: "Gondor,Arnor" });
    assert.deepEqual(ab.sort(), ["e-pledge", "e-sever", "e-sign", "e-undated", "e-visit"]);
    assert.deepEqual(ba.sort(), ab);
  });

  test("type, status and text narrow the set", async () => {
    assert.deepEqual(await ids({ type: "PLEDGE_AID" }), ["e-pledge"]);
    assert.deepEqual(await ids({ status: "denied" }), ["e-denied"]);
    assert.deepEqual(await ids({ text: "trade accord" }), ["e-sign"]);
    assert.deepEqual(await ids({ text: "100%_" }), []);
  });

  test("text is a bound value, never SQL", async () => {
    assert.deepEqual(await ids({ text: "'; DROP TABLE events; --" }), []);
    assert.equal((await findEvents(w.ctx, q({}))).total, w.events.length);
  });

  test("date range compares at the event's precision", async () => {
    // e-sign is dated 2024-03 (month): inside a range ending in March 2024.
    assert.deepEqual((await ids({ from: "2024", to: "2024-03" })).sort(), [
      "e-denied",
      "e-pledge",
      "e-sign",
      "e-visit",
    ]);
    assert.deepEqual((await ids({ from: "2010-05-22", to: "2010-12-31" })).sort(), ["e-establish"]);
    assert.deepEqual(await ids({ from: "1999", to: "1999" }), ["e-formula"]);
  });

  test("bad input fails with a code, not a message", async () => {
    assert.equal(await code(findEvents(w.ctx, q({ actor: "Mordor" }))), "unknown_actor");
    assert.equal(await code(findEvents(w.ctx, q({ from: "2024-05", to: "2024-01" }))), "invalid_request");
    assert.equal(EventQuery.safeParse({ limit: 0 }).success, false);
    assert.equal(EventQuery.safeParse({ type: "INVADE" }).success, false);
    assert.equal(EventQuery.safeParse({ from: "2024-13" }).success, false);
  });
});

describe("events: sorting and paging", () => {
  test("newest first by default, undated last", async () => {
    const all = (await findEvents(w.ctx, q({ limit: 500 }))).items;
    const dates = all.map((e) => e.date);
    const firstNull = dates.indexOf(null);
    assert.ok(firstNull > 0);
    assert.ok(
      dates.slice(firstNull).every((d) => d === null),
      "undated events come last",
    );
    const dated = dates.slice(0, firstNull) as string[];
    assert.deepEqual(dated, [...dated].sort().reverse());
  });

  test("every sort key pages without repeating or skipping an event", async () => {
    for (const sort of ["date", "type", "source", "target", "status", "confidence"] as const) {
      for (const order of ["asc", "desc"] as const) {
        const seen: string[] = [];
        let total = 0;
        for (let offset = 0; offset < 60; offset += 7) {
          const page = await findEvents(w.ctx, q({ sort, order, limit: 7, offset }));
          total = page.total;
          seen.push(...page.items.map((e) => e.id));
        }
        assert.equal(seen.length, total, `${sort} ${order}: every event once`);
        assert.equal(new Set(seen).size, total, `${sort} ${order}: no repeats`);
        const again = (await findEvents(w.ctx, q({ sort, order, limit: 500 }))).items.map((e) => e.id);
        assert.deepEqual(seen, again, `${sort} ${order}: pages in the same order as one long page`);
      }
    }
  });

  test("ties on the sort key break on the id", async () => {
    const page = (
      await findEvents(w.ctx, q({ sort: "date", order: "asc", from: "2022-01-10", to: "2022-01-10" }))
    ).items;
    assert.deepEqual(
      page.map((e) => e.id),
      ["digest-00", "digest-01", "digest-02"],
    );
  });

  test("sort by type ascending groups types alphabetically", async () => {
    const types = (await findEvents(w.ctx, q({ sort: "type", order: "asc", limit: 500 }))).items.map(
      (e) => e.type,
    );
    assert.deepEqual(types, [...types].sort());
  });

  test("total counts every match, not the page", async () => {
    const page = await findEvents(w.ctx, q({ actor: "ROH", limit: 5 }));
    assert.equal(page.items.length, 5);
    assert.equal(page.total, 32);
  });
});
