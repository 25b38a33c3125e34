// The query commands: timeline and country as text and JSON, and their exit codes on bad usage.
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { formatProfile } from "../../src/cli/country.ts";
import { formatEntry } from "../../src/cli/timeline.ts";
import { countryProfile } from "../../src/query/country.ts";
import { relationshipTimeline } from "../../src/query/timeline.ts";
import { attache, tempDir } from "../support/cli.ts";
import { type World, buildWorld } from "../support/world.ts";

let w: World;
let dir: string;
before(async () => {
  w = await buildWorld();
  dir = tempDir();
});
after(async () => {
  await w.close();
  rmSync(dir, { recursive: true, force: true });
});

test("timeline text: ledger changes with their source, events with evidence and article", async () => {
  const t = await relationshipTimeline(w.ctx, "GON", "ARN");
  const names = new Map([
    ["GON", "Gondor"],
    ["ARN", "Arnor"],
  ]);
  const text = t.entries.map((e) => formatEntry(e, names)).join("\n\n");
  assert.match(text, /2010-05-21 {2}RECOGNITION {2}Arnor switches from Taipei \(ROC\) to neither/);
  assert.match(text, /source: https:\/\/example\.org\/fictional\/ledger\/arn-2/);
  assert.match(text, /2024-03-01 {2}PLEDGE_AID {2}GON → ARN {2}pledged {2}\$5 million/);
  assert.match(text, /article: Gondor pledges aid to Arnor, The Gondor Gazette, 2024-03-03/);
  assert.match(text, /undated +CRITICIZE {2}GON → ARN/);
});

test("country text: history, office holders, counts, latest events", async () => {
  const text = formatProfile(await countryProfile(w.ctx, "GON", { asOf: "2024-01-01" }));
  assert.match(text, /^Gondor \(GON\) — Reunited Kingdom of Gondor$/m);
  assert.match(text, /head of state +Aragorn Elessar +King, since 2019-05-01/);
  assert.match(text, /by partner: Rohan 30, Arnor 5/);
});

test("attache country --json and timeline on the real data", () => {
  const db = join(dir, "empty.db");
  const c = attache(["country", "Guatemala", "--json", "--db", db, "--as-of", "2024-02-01"]);
  assert.equal(c.status, 0, c.stderr);
  const p = JSON.parse(c.stdout) as { state: { id: string }; recognizes: string; events: { total: number } };
  assert.deepEqual([p.state.id, p.recognizes, p.events.total], ["GTM", "ROC", 0]);
  assert.ok(!("series" in p.events), "the series only with --series");
  const s = attache(["country", "GTM", "--json", "--series", "--db", db]);
  assert.equal(s.status, 0, s.stderr);
  assert.deepEqual((JSON.parse(s.stdout) as { events: { series: unknown[] } }).events.series, []);
  const t = attache(["timeline", "TWN", "Nauru", "--db", db]);
  assert.equal(t.status, 0, t.stderr);
  assert.match(t.stdout, /RECOGNITION {2}Nauru switches from Taipei \(ROC\) to Beijing \(PRC\)/);
});

test("unknown actors and bad options exit 2, naming what is wrong", () => {
  const db = join(dir, "empty.db");
  const t = attache(["timeline", "TWN", "Atlantis", "--db", db]);
  assert.equal(t.status, 2);
  assert.match(t.stderr, /Atlantis/);
  const c = attache(["country", "GTM", "--as-of", "2024-02", "--db", db]);
  assert.equal(c.status, 2);
  assert.match(c.stderr, /--as-of/);
  const s = attache(["country", "GTM", "--series", "--db", db]);
  assert.equal(s.status, 2);
  assert.match(s.stderr, /--series/);
});
