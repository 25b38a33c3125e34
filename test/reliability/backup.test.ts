// `attache backup --out FILE`: a copy taken while the store is in use (a writer holding an open transaction),
// holding exactly what was committed, checked, never over an existing file.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import { attache, tempDir } from "../support/cli.ts";
import { fixture } from "../support/shared.ts";

const ids = (db: string, sql: string): string[] => {
  const c = new Database(db, { readonly: true });
  try {
    return (c.prepare(sql).all() as Array<{ id: string }>).map((r) => r.id);
  } finally {
    c.close();
  }
};

test("backup: an online copy of what was committed, integrity checked; never overwrites", () => {
  const dir = tempDir();
  const db = join(dir, "store.db");
  const ingest = attache(["ingest", fixture("ingest"), "--db", db, "--json"]);
  assert.ok(JSON.parse(ingest.stdout).stored >= 8, ingest.stderr);

  // A writer in the middle of a transaction while the backup runs: its row is not in the copy.
  const writer = new Database(db);
  writer.pragma("busy_timeout = 5000");
  writer.exec("BEGIN IMMEDIATE");
  writer
    .prepare(
      `INSERT INTO articles (id, url, title, outlet, published, date_precision, date_source, date_confidence,
        original, cleaned, offsets, role, parent_id, source_name, format, ingested_at)
       VALUES ('uncommitted', NULL, NULL, NULL, NULL, NULL, 'unknown', 0, 'x', 'x', '[]', 'main', NULL, 'x', 'text', '')`,
    )
    .run();
  const out = join(dir, "backup.db");
  let r;
  try {
    r = attache(["backup", "--db", db, "--out", out, "--json"]);
  } finally {
    writer.exec("ROLLBACK");
    writer.close();
  }
  assert.equal(r.status, 0, r.stderr);
  const result = JSON.parse(r.stdout) as { articles: number; events: number; to: string };
  assert.equal(result.to, out);
  assert.deepEqual(
    ids(out, "SELECT id FROM articles ORDER BY id"),
    ids(db, "SELECT id FROM articles ORDER BY id"),
  );
  assert.deepEqual(
    ids(out, "SELECT id FROM events ORDER BY id"),
    ids(db, "SELECT id FROM events ORDER BY id"),
  );
  assert.ok(!ids(out, "SELECT id FROM articles").includes("uncommitted"));
  assert.equal(result.articles, ids(db, "SELECT id FROM articles").length);

  // The copy is a store attache reads.
  const events = attache(["events", "--db", out, "--json"]);
  assert.equal(events.status, 0, events.stderr);

  // Never over an existing file; a missing store is named.
  writeFileSync(join(dir, "taken.db"), "keep me");
  const again = attache(["backup", "--db", db, "--out", join(dir, "taken.db")]);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /taken\.db: already exists/);
  const none = attache(["backup", "--db", join(dir, "missing.db"), "--out", join(dir, "b2.db")]);
  assert.equal(none.status, 1);
  assert.match(none.stderr, /missing\.db: no database there/);
  assert.equal(attache(["backup", "--db", db]).status, 2, "--out is required");
});
