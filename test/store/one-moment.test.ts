// Reads of one answer see one moment of the store: another process's commit between them does not split the
// answer (SQLite's read transaction, Repository.atOneMoment), and the query layer asks for it.
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { overallStats } from "../../src/query/stats.ts";
import { openSqlite } from "../../src/store/sqlite/sqlite-repository.ts";
import { tempDir } from "../support/cli.ts";
import { article, fictionalKnowledge } from "../support/world.ts";

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

const story = (id: string) =>
  article(id, `Gondor and Arnor talked (${id}).`, [`Gondor and Arnor talked (${id}).`]);

test("a commit by another connection between two reads is seen by both or by neither", async () => {
  const path = join(dir, "moment.db");
  const reader = openSqlite(path);
  const writer = openSqlite(path);
  try {
    await writer.saveArticle(story("a1"), []);
    // Without one moment the second read sees the other connection's commit (the test can fail)...
    const apart = await Promise.all([reader.stats(), writer.saveArticle(story("a2"), []), reader.stats()]);
    assert.equal(apart[2].articles, apart[0].articles + 1);
    // ...with it, both reads see the store as it was when the first began.
    const [first, , second] = await reader.atOneMoment(() =>
      Promise.all([reader.stats(), writer.saveArticle(story("a3"), []), reader.stats()]),
    );
    assert.equal(second.articles, first.articles);
    assert.equal((await reader.stats()).articles, 3, "the commit is there afterwards");
  } finally {
    await reader.close();
    await writer.close();
  }
});

test("the statistics page reads through one moment", async () => {
  const repo = openSqlite(join(dir, "stats.db"));
  let moments = 0;
  const original = repo.atOneMoment.bind(repo);
  repo.atOneMoment = <T>(work: () => Promise<T>): Promise<T> => {
    moments++;
    return original(work);
  };
  try {
    await overallStats({ repo, knowledge: fictionalKnowledge() });
    assert.ok(moments >= 1);
  } finally {
    await repo.close();
  }
});
