// `attache ingest --queue` queues inputs for workers instead of coding them: one job per readable input, one
// stderr line per unreadable one, and a clear refusal where the store is not PostgreSQL.
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { attache, tempDir } from "../support/cli.ts";
import { POSTGRES, createTestDatabase } from "../store/backends.ts";
import { writeCorpus } from "./corpus.ts";

describe("attache ingest --queue", () => {
  const dir = tempDir();
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("needs a PostgreSQL store and says so", () => {
    const r = attache(["ingest", "--queue", "--db", join(dir, "local.db"), dir]);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /postgres:\/\/ URL/);
  });

  test("--jobs makes no sense with --queue", () => {
    const r = attache(["ingest", "--queue", "--jobs", "2", "--db", "postgres://nobody@127.0.0.1/x", dir]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--jobs/);
  });

  test(
    "queues one job per readable input and names the unreadable one",
    { skip: POSTGRES.skip },
    async () => {
      writeCorpus(join(dir, "corpus"), 7);
      const db = await createTestDatabase();
      try {
        const missing = join(dir, "no-such-file.txt");
        const r = attache(["ingest", "--queue", "--db", db.url, join(dir, "corpus"), missing]);
        assert.equal(r.status, 1, r.stderr);
        assert.match(r.stdout, /7 jobs queued/);
        assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
        assert.match(r.stderr, /no-such-file\.txt/);

        const s = attache(["queue", "status", "--json", "--db", db.url]);
        assert.equal(s.status, 0, s.stderr);
        const status = JSON.parse(s.stdout) as { pending: number; done: number };
        assert.equal(status.pending, 7);
        assert.equal(status.done, 0);
      } finally {
        await db.drop();
      }
    },
  );
});
