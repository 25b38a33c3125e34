// A country profile: recognition history, office holders on a date, counts by type, partner and year.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { countryProfile } from "../../src/query/country.ts";
import { AttacheError } from "../../src/query/errors.ts";
import { CountryProfile } from "../../src/query/schemas.ts";
import { TODAY, type World, buildWorld } from "../support/world.ts";

let w: World;
before(async () => (w = await buildWorld()));
after(() => w.close());

test("Arnor: what it recognizes on a date, with the whole ledger", async () => {
  const p = CountryProfile.parse(await countryProfile(w.ctx, "arn"));
  assert.equal(p.state.name, "Arnor");
  assert.equal(p.asOf, TODAY);
  assert.equal(p.recognizes, "PRC");
  assert.deepEqual(
    p.ledger.map((l) => [l.from, l.to, l.recognizes]),
    [
      ["1990-01-01", "2010-05-20", "ROC"],
      ["2010-05-21", "2010-05-31", "NONE"],
      ["2010-06-01", null, "PRC"],
    ],
  );
  assert.equal((await countryProfile(w.ctx, "ARN", { asOf: "2000-01-01" })).recognizes, "ROC");
  assert.equal((await countryProfile(w.ctx, "ARN", { asOf: "2010-05-25" })).recognizes, "NONE");
});

test("Arnor: counts by type, partner and year add up to its events", async () => {
  const p = await countryProfile(w.ctx, "ARN");
  const mine = w.events.filter((e) => e.source === "ARN" || e.target === "ARN");
  assert.equal(p.events.total, mine.length);
  for (const rows of [p.events.byType, p.events.byPartner, p.events.byYear])
    assert.equal(
      rows.reduce((n, r) => n + r.n, 0),
      mine.length,
    );
  assert.deepEqual(
    p.events.byPartner.map((r) => [r.key, r.name, r.n]),
    [
      ["GON", "Gondor", 5],
      ["HAR", "Harad", 2],
    ],
  );
  assert.deepEqual(
    p.events.byYear.map((r) => [r.key, r.n]),
    [
      ["2010", 2],
      ["2024", 4],
      [null, 1],
    ],
  );
  assert.equal(p.events.first, "2010-05-21");
  assert.equal(p.events.last, "2024-03-01");
  assert.equal(p.recent.length, 7);
  assert.equal(p.recent[0].date, "2024-03-01");
  assert.deepEqual(new Set(p.recentArticles.map((a) => a.id)), new Set(p.recent.map((e) => e.articleId)));
});

test("the series by year, type and partner only when asked; the totals are its sums", async () => {
  for (const id of ["ARN", "GON", "HAR", "SHI"]) {
    const p = await countryProfile(w.ctx, id);
    assert.equal(p.events.series, undefined);
    const series = (await countryProfile(w.ctx, id, { series: true })).events.series;
    assert.ok(series);
    const mine = w.events.filter((e) => e.source === id || e.target === id);
    assert.equal(series.length > 0, mine.length > 0, id);
    type SeriesRow = (typeof series)[number];
    const sums = (key: (r: SeriesRow) => string | null): Map<string | null, number> => {
      const m = new Map<string | null, number>();
      for (const r of series) m.set(key(r), (m.get(key(r)) ?? 0) + r.n);
      return m;
    };
    const asMap = (rows: Array<{ key: string | null; n: number }>): Map<string | null, number> =>
      new Map(rows.map((r) => [r.key, r.n]));
    assert.deepEqual(
      asMap(p.events.byType),
      sums((r) => r.type),
      `${id} by type`,
    );
    assert.deepEqual(
      asMap(p.events.byPartner),
      sums((r) => r.partner),
      `${id} by partner`,
    );
    assert.deepEqual(
      asMap(p.events.byYear),
      sums((r) => r.year),
      `${id} by year`,
    );
    assert.equal(p.events.total, mine.length, id);
  }
});

test("Gondor: office holders on the date asked", async () => {
  const now = await countryProfile(w.ctx, "GON");
  assert.deepEqual(
    now.officeHolders.map((h) => [h.office, h.name]),
    [
      ["head_of_state", "Aragorn Elessar"],
      ["head_of_government", "Faramir Hurin"],
    ],
  );
  const before = await countryProfile(w.ctx, "GON", { asOf: "2010-01-01" });
  assert.deepEqual(
    before.officeHolders.map((h) => [h.office, h.name, h.title]),
    [["head_of_state", "Denethor Ecthelion", "Steward"]],
  );
});

test("a state without events has an empty profile, not an error", async () => {
  const p = await countryProfile(w.ctx, "SHI");
  assert.equal(p.events.total, 0);
  assert.deepEqual(p.recent, []);
  assert.equal(p.recognizes, "NONE");
});

test("unknown ids and organizations are refused by code", async () => {
  await assert.rejects(
    countryProfile(w.ctx, "MOR"),
    (e: AttacheError) => e.status === 404 && e.code === "not_found",
  );
  await assert.rejects(countryProfile(w.ctx, "IGO:COUNCIL"), (e: AttacheError) => e.code === "not_a_state");
});
