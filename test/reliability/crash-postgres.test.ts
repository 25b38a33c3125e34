// Crash safety of `attache ingest` into PostgreSQL. A real ingest (a child process) of a generated corpus is
// killed with SIGKILL at random points and run again to the end: what a killed run leaves is whole articles
// only, each with every report and none twice, and the store the rerun finishes is the one an uninterrupted
// run makes. Ingesting everything once more changes nothing.
//
// The kill points are drawn from a seed printed with the results (and in every failure): rerun with
// ATTACHE_CRASH_SEED=<seed> to draw the same ones.
import assert from "node:assert/strict";
import { randomInt } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { connectPostgres } from "../../src/store/postgres/postgres-repository.ts";
import { writeCorpus } from "../queue/corpus.ts";
import { POSTGRES, createTestDatabase } from "../store/backends.ts";
import { type Child, running, startAttache } from "../support/child.ts";
import { attache } from "../support/cli.ts";
import {
  assertReingestChangesNothing,
  assertRerunFinishes,
  assertWholeArticles,
  unique,
} from "../support/crash-checks.ts";
import { rng } from "../support/rng.ts";
import { type Snapshot, snapshot } from "../support/snapshot.ts";

/** Two of the ingest's transactions (1,000 articles, then 200), and a few seconds of work. */
const ARTICLES = 1200;
const SEED = process.env.ATTACHE_CRASH_SEED ? Number(process.env.ATTACHE_CRASH_SEED) : randomInt(1, 2 ** 31);

async function snapshotOf(url: string): Promise<Snapshot> {
  const repo = await connectPostgres(url);
  try {
    return await snapshot(repo);
  } finally {
    await repo.close();
  }
}

/** Articles the database holds as another connection sees them; -1 while it has no schema yet. */
async function stored(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    const r = await c.query<{ n: string }>("SELECT count(*) AS n FROM articles");
    return Number(r.rows[0].n);
  } catch {
    return -1;
  } finally {
    await c.end().catch(() => undefined);
  }
}

describe("ingest crash safety (PostgreSQL)", { skip: POSTGRES.skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), "attache-crash-pg-"));
  const corpus = join(dir, "corpus");
  const children: Child[] = [];
  const drops: Array<() => Promise<void>> = [];
  const database = async (): Promise<string> => {
    const db = await createTestDatabase();
    drops.push(() => db.drop());
    return db.url;
  };
  after(async () => {
    for (const c of children) if (running(c)) c.proc.kill("SIGKILL");
    await Promise.all(children.map((c) => c.exited));
    for (const drop of drops) await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  let want: Snapshot | null = null;
  let uninterruptedMs = 0;

  test("an uninterrupted run, and the same corpus again changes nothing", async (t) => {
    writeCorpus(corpus, ARTICLES);
    const url = await database();
    const began = performance.now();
    const run = attache(["ingest", corpus, "--db", url, "--json"]);
    uninterruptedMs = performance.now() - began;
    assert.equal(run.status, 0, run.stderr);
    t.diagnostic(`an uninterrupted run took ${Math.round(uninterruptedMs)} ms`);
    assert.equal((JSON.parse(run.stdout) as { stored: number }).stored, ARTICLES);
    want = await snapshotOf(url);
    assert.equal(want.articles.length, ARTICLES);
    assert.ok(want.events.length > 0, "the corpus makes events");
    assert.ok(unique(want.mentions), "no report stored twice");

    await assertReingestChangesNothing(corpus, url, ARTICLES, want, snapshotOf);
  });

  test("killed at random points, then run to the end: the store an uninterrupted run makes", async (t) => {
    assert.ok(want, "needs the uninterrupted run of the test before");
    const draw = rng(SEED);
    // The kill points wait for the run's own progress, seen in its database, then a drawn delay: during
    // start-up and the schema's creation; while the first batch is coded or written; after the first commit
    // (two worker threads), within the second; and anywhere in the work.
    const plan: Array<{ phase: string; jobs: string; after: number; within: number }> = [
      { phase: "start-up", jobs: "1", after: -1, within: uninterruptedMs * 0.3 },
      { phase: "the first batch", jobs: "1", after: 0, within: uninterruptedMs * 0.5 },
      { phase: "after the first commit", jobs: "2", after: 1000, within: uninterruptedMs * 0.4 },
      { phase: "anywhere in the work", jobs: "1", after: 0, within: uninterruptedMs * 0.8 },
    ];
    t.diagnostic(`seed ${SEED} (ATTACHE_CRASH_SEED)`);
    for (const [i, { phase, jobs, after: atLeast, within }] of plan.entries()) {
      const url = await database();
      const delay = Math.round(draw() * within);
      const where = `seed ${SEED}, run ${i}: ${phase}, killed ${delay} ms after it, --jobs ${jobs}`;
      const run = startAttache(["ingest", corpus, "--db", url, "--jobs", jobs, "--quiet"]);
      children.push(run);
      while (running(run) && (await stored(url)) < atLeast) await sleep(20);
      await Promise.race([sleep(delay), run.exited]);
      const killed = running(run);
      if (killed) run.proc.kill("SIGKILL");
      const end = await run.exited;
      if (!killed) assert.equal(end.code, 0, `${where}: ${run.stderr()}`);

      // What the killed run left: whole articles, each with every report, none twice.
      const partial = (await stored(url)) < 0 ? null : await snapshotOf(url);
      const kept = partial?.articles.length ?? 0;
      t.diagnostic(`${where}: ${killed ? "" : "finished first; "}${kept} articles stored`);
      if (partial) assertWholeArticles(partial, want, where);

      // Run again to the end: the reference store.
      await assertRerunFinishes(corpus, url, ARTICLES, kept, want, snapshotOf, where);
    }
  });
});
