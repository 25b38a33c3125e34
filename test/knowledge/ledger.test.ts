// The recognition ledger on the repo's data: every switch since 1971 seen from both sides, counts of the ROC's
// allies on known dates, and the `attache recognition --as-of … --json` output as an outside check reads it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { dayBefore } from "../../src/knowledge/dates.ts";
import { loadKnowledge } from "../../src/knowledge/index.ts";
import { attache } from "../support/cli.ts";

const k = loadKnowledge();
const tableIds = k.recognitionAsOf("2000-01-01").map((r) => r.country);

/** Every change of recognition since 1971, generated from the data. */
const SWITCHES = tableIds.flatMap((id) =>
  k
    .ledger(id)
    .map((p, i, all) => ({ id, before: all[i - 1]?.recognizes, after: p.recognizes, day: p.from }))
    .filter((s) => s.before !== undefined && s.before !== s.after && s.day >= "1971-01-01"),
);

test("ledger: the data holds the switches of the last half century", () => {
  assert.ok(SWITCHES.length >= 40, `${SWITCHES.length} switches since 1971`);
});

for (const s of SWITCHES) {
  test(`ledger: ${s.id} ${s.before} → ${s.after} on ${s.day}`, () => {
    assert.equal(k.recognitionOf(s.id, dayBefore(s.day)), s.before);
    assert.equal(k.recognitionOf(s.id, s.day), s.after);
  });
}

const ALLIES: Array<[string, number]> = [
  ["2016-01-01", 22],
  ["2023-12-31", 13],
  ["2024-01-14", 13],
  ["2024-01-15", 12],
  ["2024-02-01", 12],
];

for (const [day, count] of ALLIES) {
  test(`ledger: ${count} states recognize the ROC on ${day}`, () => {
    assert.equal(k.recognitionAsOf(day).filter((r) => r.recognizes === "ROC").length, count);
  });
}

test("ledger: the table has one row per UN member state and the Holy See, in id order", () => {
  const members = k
    .states()
    .filter((s) => s.unMember)
    .map((s) => s.id);
  assert.equal(members.length, 193);
  assert.deepEqual(tableIds, [...members, "VAT"].sort());
});

test("ledger: periods run from their day to the day before the next; the last is open", () => {
  for (const id of tableIds) {
    const periods = k.ledger(id);
    periods.forEach((p, i) => {
      const next = periods[i + 1];
      assert.equal(p.to, next ? dayBefore(next.from) : null, `${id} ${p.from}`);
      assert.ok(p.source.startsWith("http"), `${id} ${p.from} has a source`);
    });
  }
});

test("ledger: before its first period a state recognizes neither; unknown states likewise", () => {
  const first = k.ledger("PRY")[0];
  assert.equal(k.recognitionOf("PRY", dayBefore(first.from)), "NONE");
  assert.equal(k.recognitionOf("XYZ", "2020-01-01"), "NONE");
});

test("ledger: the two governments recognize themselves", () => {
  assert.equal(k.recognitionOf("CHN", "1990-01-01"), "PRC");
  assert.equal(k.recognitionOf("TWN", "1990-01-01"), "ROC");
});

test("ledger: each claimant side is held by one state, and no other state claims", () => {
  assert.equal(k.claimantState("ROC"), "TWN");
  assert.equal(k.claimantState("PRC"), "CHN");
  assert.equal(k.claimantState("NONE"), null);
  const claimants = k.states().filter((s) => k.claimantOf(s.id));
  assert.deepEqual(claimants.map((s) => s.id).sort(), ["CHN", "TWN"]);
});

test("attache recognition --as-of 2016-01-01 --json: the shape an outside check reads", () => {
  const run = attache(["recognition", "--as-of", "2016-01-01", "--json"]);
  assert.equal(run.status, 0, run.stderr);
  const rows = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
  assert.equal(rows.length, 194);
  for (const r of rows) {
    assert.deepEqual(Object.keys(r), ["country", "recognizes"]);
    assert.match(String(r.country), /^[A-Z]{3}$/);
    assert.ok(["ROC", "PRC", "NONE"].includes(String(r.recognizes)));
  }
  assert.equal(new Set(rows.map((r) => r.country)).size, 194);
  assert.ok(rows.some((r) => r.country === "VAT"));
  assert.equal(rows.filter((r) => r.recognizes === "ROC").length, 22);
});

test("attache recognition: usage errors exit 2 naming the argument", () => {
  const cases: Array<[string[], RegExp]> = [
    [["recognition"], /--as-of/],
    [["recognition", "--as-of", "2016-02-30"], /--as-of must be a day/],
    [["recognition", "Atlantis"], /unknown country "Atlantis"/],
  ];
  for (const [args, re] of cases) {
    const run = attache(args);
    assert.equal(run.status, 2, args.join(" "));
    assert.match(run.stderr, re);
  }
});

test("attache recognition COUNTRY: periods with notes and sources, as text and JSON", () => {
  const text = attache(["recognition", "Paraguay"]);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /^PRY \(Paraguay\)/);
  assert.match(text.stdout, /ROC .*<https?:\/\//);
  const json = attache(["recognition", "nru", "--json"]);
  const report = JSON.parse(json.stdout) as { country: string; periods: Array<{ recognizes: string }> };
  assert.equal(report.country, "NRU");
  assert.deepEqual(report.periods, k.ledger("NRU"));
});
