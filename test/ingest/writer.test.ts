// The ingest's one writer: batches handed over in order, one stored while the next fills, nothing counted or
// stored twice; and the writer thread a parallel ingest into a SQLite file stores through.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { emptySummary } from "../../src/ingest/run.ts";
import { type ArticleStore, BatchWriter, type Coded } from "../../src/ingest/writer.ts";
import { WriterThread, writerThreadFor } from "../../src/ingest/writer-thread.ts";
import { openSqlite } from "../../src/store/sqlite/sqlite-repository.ts";
import type { Article, EventRecord } from "../../src/store/types.ts";
import { tempDir } from "../support/cli.ts";
import { article, event } from "../support/world.ts";

const TEXT = "Gondor and Arnor met in Minas Tirith.";

function coded(n: number): Coded {
  const a = article(`a${n}`, TEXT, [TEXT]);
  return {
    article: a,
    events: [event(a, `e${n}`, TEXT, { date: `2024-01-${String(n + 1).padStart(2, "0")}` })],
    input: `in${n}.txt`,
  };
}

/** A store that answers only when told to, as a writer thread does when its transaction commits. */
class SlowStore implements ArticleStore {
  readonly stored = new Set<string>();
  readonly batches: string[][] = [];
  private readonly open: Array<() => void> = [];
  failing = new Set<string>();

  saveArticles(items: ReadonlyArray<{ article: Article; events: EventRecord[] }>): Promise<boolean[]> {
    const ids = items.map((i) => i.article.id);
    this.batches.push(ids);
    return new Promise((resolve, reject) =>
      this.open.push(() => {
        if (ids.some((id) => this.failing.has(id))) return reject(new Error("disk I/O error"));
        resolve(ids.map((id) => !this.stored.has(id) && (this.stored.add(id), true)));
      }),
    );
  }

  hasArticle(id: string): Promise<boolean> {
    return Promise.resolve(this.stored.has(id));
  }

  /** Commits the oldest transaction waiting. */
  commit(): void {
    this.open.shift()?.();
  }

  get waiting(): number {
    return this.open.length;
  }
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

test("batch writer: with an idle store it hands over early; one batch is stored while the next fills", async () => {
  const store = new SlowStore();
  const sum = emptySummary();
  const writer = new BatchWriter(store, sum, () => assert.fail("no errors"), {
    articles: 3,
    chars: 1e9,
    whenIdle: 2,
  });
  assert.equal(await writer.add(coded(0)), false);
  assert.equal(await writer.add(coded(1)), true, "two, and nothing being stored: handed over");
  await settle();
  assert.deepEqual(store.batches, [["a0", "a1"]]);
  assert.equal(await writer.known("a1"), true, "being stored counts as known");
  await writer.add(coded(2));
  await writer.add(coded(3));
  assert.equal(store.batches.length, 1, "the store is busy: no early hand-over");
  const full = writer.add(coded(4)); // fills the batch: waits for the one being stored
  await settle();
  assert.equal(store.batches.length, 1, "the next batch waits until the one before is stored");
  store.commit();
  assert.equal(await full, true);
  await settle();
  assert.deepEqual(store.batches[1], ["a2", "a3", "a4"]);
  assert.equal(await writer.known("a3"), true);
  assert.equal(sum.stored, 2, "counted once stored");
  const done = writer.finish();
  store.commit();
  await done;
  assert.equal(store.waiting, 0);
  assert.deepEqual([sum.stored, sum.events, sum.failed], [5, 5, 0]);
});

test("batch writer: a failed transaction is retried one article at a time and names the input", async () => {
  const store = new SlowStore();
  store.failing.add("a1");
  const sum = emptySummary();
  const errors: string[] = [];
  const writer = new BatchWriter(store, sum, (name, why) => errors.push(`${name}: ${why}`), {
    articles: 3,
    chars: 1e9,
  });
  for (const n of [0, 1]) await writer.add(coded(n));
  const full = writer.add(coded(2));
  await settle();
  const finished = full.then(() => writer.finish());
  // The batch, then each of its articles alone.
  while (store.batches.length < 4 || store.waiting > 0) {
    store.commit();
    await settle();
  }
  await finished;
  assert.deepEqual(store.batches, [["a0", "a1", "a2"], ["a0"], ["a1"], ["a2"]]);
  assert.deepEqual(errors, ["in1.txt: unexpected error: disk I/O error"]);
  assert.deepEqual([sum.stored, sum.failed], [2, 1]);
  assert.equal(await writer.known("a1"), false, "not stored, not waiting");
});

test("writer thread: stores on its own connection, seen on the caller's; stores in this thread once it is gone", async () => {
  const path = join(tempDir(), "store.db");
  const repo = openSqlite(path);
  assert.equal(writerThreadFor(openSqlite(":memory:")), null, "a store in memory has no second connection");
  const thread = writerThreadFor(repo);
  assert.ok(thread instanceof WriterThread);
  try {
    const [a, b] = [coded(0), coded(1)];
    assert.deepEqual(await thread.saveArticles([a, b]), [true, true]);
    assert.equal(await thread.hasArticle("a0"), true, "committed: the caller's connection sees it");
    assert.deepEqual(await thread.saveArticles([a]), [false], "already stored");
    assert.equal((await repo.stats()).articles, 2);
    // A thread that stops: what comes after is stored here.
    await thread.close();
    assert.deepEqual(await thread.saveArticles([coded(2)]), [true]);
    assert.equal(await repo.hasArticle("a2"), true);
  } finally {
    await thread.close();
    await repo.close();
  }
});
