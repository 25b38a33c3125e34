// Distributed ingest: 1,000 generated articles are queued in a throw-away PostgreSQL database, three worker
// processes take them, one is killed with SIGKILL mid-run, and the store must end up exactly as a
// single-process SQLite ingest of the same files leaves its store: every article once, every report once,
// the same events with the same sources.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { createCoder } from "../../src/extract/coder.ts";
import { ingestInputs } from "../../src/ingest/run.ts";
import { DEFAULT_LIMITS, expandInputs } from "../../src/ingest/sources.ts";
import { queueStatus } from "../../src/queue/queue.ts";
import { connectPostgres } from "../../src/store/postgres/postgres-repository.ts";
import { openSqlite } from "../../src/store/sqlite/sqlite-repository.ts";
import { attache } from "../support/cli.ts";
import { ROOT } from "../support/shared.ts";
import { snapshot } from "../support/snapshot.ts";
import { POSTGRES, createTestDatabase } from "../store/backends.ts";
import { writeCorpus } from "./corpus.ts";

const ARTICLES = 1000;

describe("three workers on one PostgreSQL queue, one killed mid-run", { skip: POSTGRES.skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), "attache-queue-"));
  const workers: ChildProcess[] = [];
  let drop: (() => Promise<void>) | null = null;
  after(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill("SIGKILL");
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  test("every article is stored exactly once and the events equal a single-process SQLite run", async () => {
    writeCorpus(join(dir, "corpus"), ARTICLES);

    // The reference: one process, SQLite.
    const lite = openSqlite(join(dir, "single.db"));
    const problems: string[] = [];
    const onError = (n: string, why: string): void => void problems.push(`${n}: ${why}`);
    await ingestInputs(expandInputs([join(dir, "corpus")], DEFAULT_LIMITS, onError), lite, {
      code: createCoder(),
      onError,
    });
    assert.deepEqual(problems, []);
    const want = await snapshot(lite);
    await lite.close();
    assert.equal(want.articles.length, ARTICLES);

    // The queue: lost jobs time out after 8 s and are looked for every second.
    const db = await createTestDatabase();
    drop = () => db.drop();
    const env = {
      ATTACHE_QUEUE_JOB_TIMEOUT: "8",
      ATTACHE_QUEUE_RETRY_DELAY: "1",
      ATTACHE_QUEUE_MAINTENANCE: "1",
    };
    const added = attache(["queue", "add", "--db", db.url, join(dir, "corpus")], { env });
    assert.equal(added.status, 0, added.stderr);
    assert.match(added.stdout, new RegExp(`${ARTICLES} jobs queued`));

    const workerLog: string[] = [];
    for (let i = 0; i < 3; i++) {
      const w = spawn(
        process.execPath,
        [join(ROOT, "bin", "attache.js"), "worker", "--db", db.url, "--concurrency", "2", "--quiet"],
        { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] },
      );
      w.stderr.setEncoding("utf8").on("data", (s: string) => workerLog.push(`worker ${i}: ${s.trim()}`));
      workers.push(w);
    }

    // Kill the first worker once the run is well under way, while it holds jobs. Which jobs a worker holds
    // is not recorded, so freeze it first: jobs still active a second later, started before the freeze, can
    // only be its own (the others finish theirs in milliseconds). If it held none, let it go and try again.
    const deadline = Date.now() + 240_000;
    let killedAt: number | null = null;
    const frozenJobs = async (since: Date): Promise<number> => {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      try {
        const { rows } = await c.query<{ n: number }>(
          `SELECT CAST(count(*) AS INTEGER) AS n FROM pgboss.job WHERE state = 'active' AND started_on < $1`,
          [since],
        );
        return rows[0].n;
      } finally {
        await c.end();
      }
    };
    for (;;) {
      let again = false; // look again at once: a worker let go may have been between batches
      const s = await queueStatus(db.url);
      // Tried from the first stored articles on, so that a fast run leaves many chances before it drains.
      if (killedAt === null && s.done >= ARTICLES / 50 && s.running > 0) {
        const frozenAt = new Date();
        workers[0].kill("SIGSTOP");
        await sleep(600);
        if ((await frozenJobs(frozenAt)) > 0) {
          workers[0].kill("SIGKILL");
          killedAt = s.done;
        } else {
          workers[0].kill("SIGCONT");
          again = true;
        }
      }
      if (s.done === ARTICLES) break;
      assert.ok(
        Date.now() < deadline,
        `the queue did not drain: ${JSON.stringify(s)}\n${workerLog.join("\n")}`,
      );
      assert.equal(s.failed, 0, JSON.stringify(s.failures));
      if (!again) await sleep(200);
    }
    assert.ok(killedAt !== null && killedAt < ARTICLES, "a worker was killed mid-run");
    assert.equal(workers[0].signalCode, "SIGKILL");
    for (const w of workers.slice(1)) w.kill("SIGTERM");
    await Promise.all(
      workers
        .slice(1)
        .map((w) => new Promise((resolve) => (w.exitCode !== null ? resolve(w) : w.once("exit", resolve)))),
    );
    assert.deepEqual(
      workers.slice(1).map((w) => w.exitCode),
      [0, 0],
      workerLog.join("\n"),
    );

    const final = await queueStatus(db.url);
    assert.deepEqual(
      { pending: final.pending, running: final.running, retrying: final.retrying, failed: final.failed },
      { pending: 0, running: 0, retrying: 0, failed: 0 },
    );

    // The killed worker's jobs timed out and ran again elsewhere.
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const { rows } = await c.query<{ n: number }>(
      `SELECT CAST(count(*) AS INTEGER) AS n FROM (SELECT retry_count FROM pgboss.job
       UNION ALL SELECT retry_count FROM pgboss.archive) j WHERE retry_count > 0`,
    );
    await c.end();
    assert.ok(rows[0].n > 0, "some jobs were retried after the kill");

    const repo = await connectPostgres(db.url);
    try {
      const got = await snapshot(repo);
      assert.equal((await repo.stats()).articles, ARTICLES);
      assert.deepEqual(got.articles, want.articles, "every article once, with all its reports");
      assert.equal(new Set(got.mentions).size, got.mentions.length, "no report stored twice");
      assert.deepEqual(got.mentions, want.mentions);
      assert.deepEqual(got.events, want.events);
    } finally {
      await repo.close();
    }
  });
});
