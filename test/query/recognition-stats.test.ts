// Recognition as of a date, the whole ledger for replay, and overall statistics.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { recognitionHistory, recognitionSnapshot } from "../../src/query/recognition.ts";
import { RecognitionHistory, RecognitionSnapshot, Stats } from "../../src/query/schemas.ts";
import { listActors, overallStats } from "../../src/query/stats.ts";
import { TODAY, type World, buildWorld } from "../support/world.ts";

let w: World;
before(async () => (w = await buildWorld()));
after(() => w.close());

const table = (date?: string) =>
  Object.fromEntries(
    recognitionSnapshot(w.ctx, date)
      .states.filter((s) => !s.claimant)
      .map((s) => [s.country, s.recognizes]),
  );

test("recognition on a date, for every state of the recognition table", () => {
  assert.deepEqual(table("2000-01-01"), { ARN: "ROC", RIV: "ROC", ROH: "ROC" });
  assert.deepEqual(table("2010-05-25"), { ARN: "NONE", RIV: "ROC", ROH: "ROC" });
  assert.deepEqual(table("1984-01-01"), { ARN: "NONE", RIV: "NONE", ROH: "NONE" });
  const now = RecognitionSnapshot.parse(recognitionSnapshot(w.ctx));
  assert.equal(now.asOf, TODAY);
  assert.deepEqual(now.counts, { ROC: 2, PRC: 1, NONE: 0 });
  assert.deepEqual(
    now.states.find((s) => s.country === "ARN"),
    {
      country: "ARN",
      name: "Arnor",
      numeric: "901",
      latlng: [55.1, -3.2],
      recognizes: "PRC",
      claimant: false,
    },
  );
  // Harad, a UN member, is listed as the claimant it is, and left out of the counts.
  assert.deepEqual(
    now.states.filter((s) => s.claimant).map((s) => [s.country, s.recognizes]),
    [["HAR", "PRC"]],
  );
});

test("the history replays to the same answer as the snapshot", () => {
  const h = RecognitionHistory.parse(recognitionHistory(w.ctx));
  for (const date of ["1985-09-08", "1985-09-09", "2010-06-01", TODAY]) {
    const replay = Object.fromEntries(
      h.states
        .filter((s) => !s.claimant)
        .map((s) => [s.country, s.periods.filter((p) => p.from <= date).at(-1)?.recognizes ?? "NONE"]),
    );
    assert.deepEqual(replay, table(date), date);
  }
});

test("statistics over the store", async () => {
  const s = Stats.parse(await overallStats(w.ctx));
  assert.equal(s.articles, 4);
  assert.equal(s.events, w.events.length);
  assert.equal(
    s.byType.reduce((n, r) => n + r.n, 0),
    w.events.length,
  );
  assert.equal(s.firstEvent, "1999");
  assert.equal(s.lastEvent, "2024-03-01");
  assert.deepEqual(s.topPairs[0], {
    a: { id: "GON", name: "Gondor", kind: "state" },
    b: { id: "ROH", name: "Rohan", kind: "state" },
    n: 30,
  });
  assert.equal(s.topActors[0].key, "GON");
  assert.deepEqual(s.allies, {
    asOf: TODAY,
    count: 2,
    states: [
      { id: "RIV", name: "Rivendell", kind: "state" },
      { id: "ROH", name: "Rohan", kind: "state" },
    ],
  });
});

test("actors: every state and every actor with events", async () => {
  const { items } = await listActors(w.ctx);
  const council = items.find((a) => a.id === "IGO:COUNCIL");
  assert.deepEqual(council, { id: "IGO:COUNCIL", name: "COUNCIL", kind: "igo", events: 1 });
  assert.equal(items.find((a) => a.id === "SHI")?.events, 0);
});
