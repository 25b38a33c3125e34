// The server keeps answers while the store is unchanged: the same question asked again is not asked of the
// store, and any commit — by another process, or the server's own POST /api/ingest — drops what was kept.
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { createApp } from "../../src/api/app.ts";
import { AnswerCache } from "../../src/api/cache.ts";
import type { Repository } from "../../src/store/repository.ts";
import { openSqlite } from "../../src/store/sqlite/sqlite-repository.ts";
import { tempDir } from "../support/cli.ts";
import { TODAY, article, fictionalKnowledge } from "../support/world.ts";

const TOKEN = "a-token-long-enough-for-the-server";

describe("AnswerCache", () => {
  const bytes = (n: number): Uint8Array => new Uint8Array(n);

  test("an answer is kept under its mark and dropped when the mark moves", () => {
    const c = new AnswerCache(1000, 500);
    c.set("/a", "1", bytes(10));
    assert.equal(c.get("/a", "1")?.body.byteLength, 10);
    assert.equal(c.get("/b", "1"), null);
    assert.equal(c.get("/a", "2"), null);
    c.set("/a", "2", bytes(20));
    assert.equal(c.get("/a", "1"), null, "an older mark drops the newer answers too");
  });

  test("bounded: the least recently used go first; an answer over the limit is not kept", () => {
    const c = new AnswerCache(1000, 500);
    c.set("/big", "m", bytes(501));
    assert.equal(c.get("/big", "m"), null);
    c.set("/1", "m", bytes(400));
    c.set("/2", "m", bytes(400));
    assert.ok(c.get("/1", "m")); // now /2 is the least recently used
    c.set("/3", "m", bytes(400));
    assert.equal(c.size, 2);
    assert.equal(c.get("/2", "m"), null);
    assert.ok(c.get("/1", "m"));
    assert.ok(c.get("/3", "m"));
  });
});

describe("the API's kept answers follow the store", () => {
  let dir: string;
  let repo: Repository;
  const calls = new Map<string, number>();
  /** The repository, counting the calls made of it; `mark: false` hides its change mark (as PostgreSQL). */
  const counted = (mark = true): Repository =>
    new Proxy(repo, {
      get(target, prop, receiver) {
        if (prop === "changeMark" && !mark) return undefined;
        const v = Reflect.get(target, prop, receiver) as unknown;
        if (typeof v !== "function") return v;
        return (...args: unknown[]) => {
          calls.set(String(prop), (calls.get(String(prop)) ?? 0) + 1);
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const asked = (method: string): number => calls.get(method) ?? 0;
  const web = (): string => join(dir, "no-web");

  before(() => {
    dir = tempDir();
    repo = openSqlite(join(dir, "store.db"));
  });
  after(async () => {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("asked again: answered without the store; after another process commits: answered anew", async () => {
    const app = createApp({
      repo: counted(),
      knowledge: fictionalKnowledge(),
      today: () => TODAY,
      webRoot: web(),
    });
    const stats = async (): Promise<{ articles: number }> => {
      const res = await app.request("/api/stats");
      assert.equal(res.status, 200);
      assert.match(res.headers.get("content-type") ?? "", /application\/json/);
      return (await res.json()) as { articles: number };
    };
    const before = asked("stats");
    const first = await stats();
    assert.deepEqual(await stats(), first);
    assert.equal(asked("stats"), before + 1, "the second answer was kept");

    // Another connection (as another process would) commits an article.
    const other = openSqlite(join(dir, "store.db"));
    try {
      const a = article("other-process", "Gondor and Arnor met.", ["Gondor and Arnor met."]);
      assert.equal(await other.saveArticle(a, []), true);
    } finally {
      await other.close();
    }
    assert.equal((await stats()).articles, first.articles + 1);
    assert.equal(asked("stats"), before + 2);
  });

  test("the server's own write drops what it kept", async () => {
    const app = createApp({
      repo: counted(),
      knowledge: fictionalKnowledge(),
      today: () => TODAY,
      webRoot: web(),
      token: TOKEN,
      code: () => [],
    });
    const count = async (): Promise<number> =>
      ((await (await app.request("/api/articles?limit=500")).json()) as { items: unknown[] }).items.length;
    const n = await count();
    assert.equal(await count(), n);
    const res = await app.request("/api/ingest", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ date: "2024-03-01", text: "Gondor pledged aid to Arnor on 1 March 2024." }),
    });
    assert.equal(res.status, 201, await res.text());
    assert.equal(await count(), n + 1);
  });

  test("a new day is a new question; without a change mark, or with the cache off, nothing is kept", async () => {
    let today = "2020-01-01";
    const app = createApp({
      repo: counted(),
      knowledge: fictionalKnowledge(),
      today: () => today,
      webRoot: web(),
    });
    const asOf = async (): Promise<string> =>
      ((await (await app.request("/api/recognition")).json()) as { asOf: string }).asOf;
    assert.equal(await asOf(), "2020-01-01");
    today = "2021-01-01";
    assert.equal(await asOf(), "2021-01-01");

    for (const app of [
      createApp({
        repo: counted(false),
        knowledge: fictionalKnowledge(),
        today: () => TODAY,
        webRoot: web(),
      }),
      createApp({
        repo: counted(),
        knowledge: fictionalKnowledge(),
        today: () => TODAY,
        webRoot: web(),
        cache: false,
      }),
    ]) {
      // The events page asks for its page and count together where the store offers it (eventPage).
      const pages = (): number => asked("listEvents") + asked("eventPage");
      const before = pages();
      await app.request("/api/events");
      await app.request("/api/events");
      assert.equal(pages(), before + 2);
    }
  });
});
