// `attache ingest` as a user runs it: folders, stdin, duplicates, unreadable files, exit status, summaries.
import assert from "node:assert/strict";
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { attache, tempDir } from "../support/cli.ts";
import { fixture } from "../support/shared.ts";

const summary = (stdout: string): Record<string, number> => JSON.parse(stdout);

test("ingest: a folder, then the same folder again stores nothing twice", () => {
  const dir = tempDir();
  const db = join(dir, "a.db");
  cpSync(fixture("ingest"), join(dir, "in"), { recursive: true });
  const first = attache(["ingest", join(dir, "in"), "--db", db, "--json"]);
  assert.equal(first.status, 1, first.stderr); // wire.jsonl has two bad lines, README.md is fine
  const s1 = summary(first.stdout);
  assert.ok(s1.stored >= 8, `stored ${s1.stored}`);
  const second = attache(["ingest", join(dir, "in"), "--db", db, "--json"]);
  const s2 = summary(second.stdout);
  assert.equal(s2.stored, 0);
  assert.equal(s2.duplicates, s1.articles);
});

test("ingest: a bad file gets one line naming it and why; the rest still goes through", () => {
  const dir = tempDir();
  mkdirSync(join(dir, "in"));
  writeFileSync(join(dir, "in", "empty.txt"), "");
  writeFileSync(
    join(dir, "in", "image.png"),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  );
  writeFileSync(
    join(dir, "in", "good.txt"),
    "DATE: 2024-01-15\n\nNauru cut diplomatic ties with Taiwan on Monday, the government said.\n",
  );
  symlinkSync(join(dir, "in"), join(dir, "in", "loop"));
  const r = attache([
    "ingest",
    join(dir, "in"),
    join(dir, "missing.txt"),
    "--db",
    join(dir, "b.db"),
    "--json",
  ]);
  assert.equal(r.status, 1);
  const lines = r.stderr.trim().split("\n");
  assert.ok(
    lines.some((l) => l.includes("empty.txt") && /empty/.test(l)),
    r.stderr,
  );
  assert.ok(
    lines.some((l) => l.includes("image.png") && /binary.*PNG/i.test(l)),
    r.stderr,
  );
  assert.ok(
    lines.some((l) => l.includes("missing.txt") && /no such file/.test(l)),
    r.stderr,
  );
  assert.ok(
    lines.some((l) => l.includes("loop") && /already read/.test(l)),
    r.stderr,
  );
  assert.equal(summary(r.stdout).stored, 1);
});

test("ingest: standard input, and exit 0 when all is well", () => {
  const dir = tempDir();
  const r = attache(["ingest", "-", "--db", join(dir, "c.db"), "--json"], {
    input: "URL: https://example.org/x\nDATE: 2019-09-20\n\nKiribati cut ties with Taiwan on Friday.\n",
  });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(summary(r.stdout).stored, 1);
});

test("ingest: ATTACHE_DB is used when --db is not given", () => {
  const dir = tempDir();
  const r = attache(["ingest", fixture("ingest", "atom.xml"), "--json"], {
    env: { ATTACHE_DB: join(dir, "env.db") },
  });
  assert.equal(r.status, 0, r.stderr);
  const again = attache(["ingest", fixture("ingest", "atom.xml"), "--json"], {
    env: { ATTACHE_DB: join(dir, "env.db") },
  });
  assert.equal(summary(again.stdout).duplicates, 1);
});

test("usage errors exit 2 with one line naming the argument", () => {
  const r = attache(["events", "--type", "HUGS", "--db", join(tempDir(), "d.db")]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--type/);
  assert.equal(attache(["ingest"]).status, 2);
  assert.equal(attache(["--version"]).status, 0);
  for (const cmd of ["ingest", "events", "serve", "demo", "eval"]) {
    const h = attache([cmd, "--help"]);
    assert.equal(h.status, 0);
    assert.match(h.stdout, /Usage: attache/);
  }
});
