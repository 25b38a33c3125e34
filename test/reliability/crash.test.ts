// Crash safety of `attache ingest` on SQLite. A real ingest (a child process) of a generated corpus is killed
// with SIGKILL at random points and run again to the end: the store must then hold exactly what one
// uninterrupted run stores — every article once with all its reports, the same events — and pass SQLite's
// integrity check; what a killed run leaves is whole articles only. Ingesting everything once more changes
// nothing. And a reader looking while an ingest writes (through `attache serve` and through the repository)
// sees a store that holds together every time it looks, and that never shrinks.
//
// The kill points are drawn from a seed printed with the results (and in every failure): rerun with
// ATTACHE_CRASH_SEED=<seed> to draw the same ones.
import assert from "node:assert/strict";
import { randomInt } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { openSqlite } from "../../src/store/sqlite/sqlite-repository.ts";
import { writeCorpus } from "../queue/corpus.ts";
import { type Child, running, startAttache as start } from "../support/child.ts";
import {
  assertReingestChangesNothing,
  assertRerunFinishes,
  assertWholeArticles,
  unique,
} from "../support/crash-checks.ts";
import { type Snapshot, snapshot } from "../support/snapshot.ts";
import { rng } from "../support/rng.ts";

/** Two of the ingest's transactions (1,000 articles, then 600), and a few seconds of work. */
const ARTICLES = 1600;
const SEED = process.env.ATTACHE_CRASH_SEED ? Number(process.env.ATTACHE_CRASH_SEED) : randomInt(1, 2 ** 31);

function integrity(file: string): string {
  const db = new Database(file);
  try {
    return db.pragma("integrity_check", { simple: true }) as string;
  } finally {
    db.close();
  }
}

async function snapshotOf(file: string): Promise<Snapshot> {
  const repo = openSqlite(file);
  try {
    return await snapshot(repo);
  } finally {
    await repo.close();
  }
}

/** Articles a store holds as another process sees it; -1 while it has no file or no schema yet. */
function stored(file: string): number {
  if (!existsSync(file)) return -1;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return -1;
  }
}

const total = (rows: Array<{ n: number }>): number => rows.reduce((s, r) => s + r.n, 0);

describe("ingest crash safety (SQLite)", () => {
  const dir = mkdtempSync(join(tmpdir(), "attache-crash-"));
  const corpus = join(dir, "corpus");
  const children: Child[] = [];
  const launch = (args: string[]): Child => {
    const c = start(args);
    children.push(c);
    return c;
  };
  after(() => {
    for (const c of children) if (running(c)) c.proc.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  let want: Snapshot | null = null;
  let uninterruptedMs = 0;

  test("a reader during an ingest sees a whole store every time, never shrinking", async (t) => {
    writeCorpus(corpus, ARTICLES);
    const ref = join(dir, "reference.db");
    const began = performance.now();
    // Started together on a file that does not exist yet: both create and migrate it.
    const ingest = launch(["ingest", corpus, "--db", ref, "--json"]);
    const server = launch(["serve", "--db", ref, "--port", "0"]);
    while (!/http:\/\/\S+:(\d+)\//.test(server.stdout())) {
      assert.ok(running(server), `attache serve stopped: ${server.stderr()}`);
      await sleep(20);
    }
    const base = /(http:\/\/\S+:\d+)\//.exec(server.stdout())![1];
    const get = async <T>(path: string): Promise<T> => {
      const res = await fetch(base + path);
      assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
      return (await res.json()) as T;
    };
    const repo = openSqlite(ref);

    type Stats = {
      articles: number;
      events: number;
      byType: Array<{ n: number }>;
      byStatus: Array<{ n: number }>;
    };
    type Page = { items: Array<{ articleId: string }>; total: number };
    let last = { articles: 0, events: 0 };
    const seenArticles = new Set<string>();
    const seenCounts = new Set<number>();
    let rounds = 0;

    const apiRound = async (): Promise<void> => {
      const before = await get<Stats>("/api/stats");
      const page = await get<Page>("/api/events?limit=500&sort=date&order=asc");
      const after = await get<Stats>("/api/stats");
      for (const s of [before, after]) {
        assert.equal(total(s.byType), s.events, "stats: the counts by type add up to the total");
        assert.equal(total(s.byStatus), s.events, "stats: the counts by status add up to the total");
      }
      assert.equal(page.items.length, Math.min(page.total, 500), "events: a page as long as its total says");
      assert.ok(before.events <= page.total && page.total <= after.events, "events: total between two stats");
      assert.ok(before.articles >= last.articles && before.events >= last.events, "the store never shrinks");
      assert.ok(
        after.articles >= before.articles && after.events >= before.events,
        "the store never shrinks",
      );
      last = { articles: after.articles, events: after.events };
    };

    // Through the repository, every read in one transaction (one snapshot of the store). SQLite's methods
    // do their work when called, so the promises are made inside it and awaited after.
    const repoRound = async (): Promise<void> => {
      const reads = repo.transaction(() => ({
        stats: repo.stats(),
        events: repo.listEvents({ limit: 100_000 }),
        count: repo.countEvents({}),
        articles: repo.listArticles(100_000, 0),
      }));
      const [stats, events, count, articles] = await Promise.all([
        reads.stats,
        reads.events,
        reads.count,
        reads.articles,
      ]);
      assert.equal(stats.articles, articles.length, "repository: stats count every article listed");
      assert.equal(stats.events, events.length, "repository: stats count every event listed");
      assert.equal(count, events.length);
      const ids = new Set(articles.map((a) => a.id));
      assert.equal(ids.size, articles.length, "repository: no article twice");
      for (const e of events)
        assert.ok(ids.has(e.articleId), `event ${e.id}: its article ${e.articleId} is stored`);
      assert.equal(
        total(events.map((e) => ({ n: e.sources }))),
        total(articles.map((a) => ({ n: a.events }))),
        "repository: the events' sources are the articles' reports",
      );
      for (const a of articles) seenArticles.add(`${a.id}:${a.events}`);
      seenCounts.add(articles.length);
      assert.ok(articles.length >= last.articles, "the store never shrinks");
    };

    try {
      while (running(ingest)) {
        await apiRound();
        await repoRound();
        rounds++;
        await sleep(5); // leave the ingest some of the cores
      }
      const done = await ingest.exited;
      uninterruptedMs = performance.now() - began;
      assert.equal(done.code, 0, ingest.stderr());
      assert.equal(JSON.parse(ingest.stdout()).stored, ARTICLES);
      await apiRound();
      await repoRound();
      t.diagnostic(
        `${rounds} reads during the ingest, at ${[...seenCounts].sort((x, y) => x - y).join(", ")} articles`,
      );
      assert.ok(rounds > 0, "the reader looked while the ingest ran");
    } finally {
      await repo.close();
      server.proc.kill("SIGTERM");
      await server.exited;
    }

    assert.equal(integrity(ref), "ok");
    want = await snapshotOf(ref);
    assert.equal(want.articles.length, ARTICLES);
    assert.ok(unique(want.mentions), "no report stored twice");
    // Every article the reader saw, it saw with all its reports.
    const whole = new Set(want.articles);
    for (const a of seenArticles)
      assert.ok(whole.has(a), `the reader saw ${a}, not as the finished store has it`);

    await assertReingestChangesNothing(corpus, ref, ARTICLES, want, snapshotOf);
  });

  test("killed at random points, then run to the end: the store an uninterrupted run makes", async (t) => {
    assert.ok(want, "needs the uninterrupted run of the test before");
    const draw = rng(SEED);
    // Start-up takes most of a run's time and varies with the machine's load, so the kill points wait for
    // the run's own progress, seen in its store, then a drawn delay: in start-up or migration; while the
    // first batch is coded; soon after the first transaction (two worker threads, whose writer thread commits
    // a few hundred articles at a time), within the next ones; and anywhere in the work.
    const plan: Array<{ phase: string; jobs: string; after: (file: string) => boolean; within: number }> = [
      { phase: "start-up", jobs: "1", after: () => true, within: uninterruptedMs * 0.3 },
      { phase: "coding the first batch", jobs: "1", after: (f) => stored(f) >= 0, within: 1000 },
      { phase: "after the first commit", jobs: "2", after: (f) => stored(f) > 0, within: 600 },
      { phase: "anywhere in the work", jobs: "1", after: (f) => stored(f) >= 0, within: 4000 },
    ];
    t.diagnostic(`seed ${SEED} (ATTACHE_CRASH_SEED)`);
    for (const [i, { phase, jobs, after, within }] of plan.entries()) {
      const file = join(dir, `killed-${i}.db`);
      const delay = Math.round(draw() * within);
      const where = `seed ${SEED}, run ${i}: ${phase}, killed ${delay} ms after it, --jobs ${jobs}`;
      const run = launch(["ingest", corpus, "--db", file, "--jobs", jobs, "--quiet"]);
      while (running(run) && !after(file)) await sleep(10);
      await Promise.race([sleep(delay), run.exited]);
      const killed = running(run);
      if (killed) run.proc.kill("SIGKILL");
      const end = await run.exited;
      if (!killed) assert.equal(end.code, 0, `${where}: ${run.stderr()}`);

      // What the killed run left: whole articles, each with every report, none twice.
      assert.equal(integrity(file), "ok", where);
      const partial = await snapshotOf(file);
      t.diagnostic(`${where}: ${killed ? "" : "finished first; "}${partial.articles.length} articles stored`);
      assertWholeArticles(partial, want, where);

      // Run again to the end: the reference store.
      await assertRerunFinishes(corpus, file, ARTICLES, partial.articles.length, want, snapshotOf, where);
      assert.equal(integrity(file), "ok", where);
    }
  });
});
