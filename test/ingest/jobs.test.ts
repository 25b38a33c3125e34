// `attache ingest --jobs N`: worker threads read and code, one writer stores; the store, the summary and the
// error lines must be exactly those of one job.
import assert from "node:assert/strict";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import { attache, tempDir } from "../support/cli.ts";
import { ROOT, fixture } from "../support/shared.ts";

type Row = Record<string, unknown>;

function dump(db: string): { articles: Row[]; events: Row[] } {
  const conn = new Database(db, { readonly: true });
  try {
    const articles = (conn.prepare("SELECT * FROM articles ORDER BY id").all() as Row[]).map(
      ({ ingested_at: _at, ...rest }) => rest,
    );
    const events = conn.prepare("SELECT * FROM events ORDER BY id").all() as Row[];
    return { articles, events };
  } finally {
    conn.close();
  }
}

const withoutTime = (stdout: string): Record<string, number> => {
  const { seconds: _s, ...rest } = JSON.parse(stdout) as Record<string, number>;
  return rest;
};

test("ingest --jobs 2 stores what --jobs 1 stores, with the same summary and error lines", () => {
  const dir = tempDir();
  const input = join(dir, "in");
  cpSync(fixture("ingest"), join(input, "fixtures"), { recursive: true });
  cpSync(join(ROOT, "corpus", "dev"), join(input, "dev"), { recursive: true });
  mkdirSync(join(input, "odd"));
  writeFileSync(join(input, "odd", "empty.txt"), "");
  // The same story twice: stored once either way.
  cpSync(join(ROOT, "corpus", "dev", "a01_panama-switch.txt"), join(input, "odd", "again.txt"));
  const runs = [1, 2].map((jobs) => {
    const db = join(dir, `jobs${jobs}.db`);
    const r = attache([
      "ingest",
      input,
      join(dir, "missing.txt"),
      "--db",
      db,
      "--json",
      "--jobs",
      String(jobs),
    ]);
    return { r, db };
  });
  const [one, two] = runs;
  assert.equal(one.r.status, 1, one.r.stderr); // empty.txt, missing.txt and two bad JSON lines
  assert.equal(two.r.status, one.r.status, two.r.stderr);
  assert.deepEqual(withoutTime(two.r.stdout), withoutTime(one.r.stdout));
  assert.equal(two.r.stderr, one.r.stderr);
  const s = withoutTime(one.r.stdout);
  assert.ok(s.stored >= 30 && s.duplicates >= 1 && s.events > 0, one.r.stdout);
  const a = dump(one.db);
  const b = dump(two.db);
  assert.equal(b.articles.length, a.articles.length);
  assert.deepEqual(b.articles, a.articles);
  assert.deepEqual(b.events, a.events);

  // Again with two jobs: everything is already there, nothing is stored twice.
  const again = attache(["ingest", input, "--db", two.db, "--json", "--jobs", "2"]);
  const s2 = withoutTime(again.stdout);
  assert.equal(s2.stored, 0, again.stdout);
  assert.equal(s2.duplicates, s.articles);
  assert.deepEqual(dump(two.db), b);
});

test("ingest --jobs must be a whole number of at least 1", () => {
  const dir = tempDir();
  const r = attache(["ingest", fixture("ingest"), "--db", join(dir, "x.db"), "--jobs", "0"]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--jobs/);
});
