// One event, many sources, from real reports: three outlets on Nauru's break with Taiwan (January 15, 2024)
// become one event with three mentions; two China–Nauru meetings two months apart stay two events. Through
// the real ingest and coder, on both stores; and once through the `attache` command on each.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { createCoder } from "../../src/extract/coder.ts";
import { ingestInputs } from "../../src/ingest/run.ts";
import { DEFAULT_LIMITS, expandInputs } from "../../src/ingest/sources.ts";
import type { Repository, StoredEvent } from "../../src/store/repository.ts";
import { attache } from "../support/cli.ts";
import { fixture } from "../support/shared.ts";
import { BACKENDS, type OpenedStore } from "./backends.ts";

const DIR = fixture("multisource");
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => join(DIR, f));
const NAURU = FILES.filter((f) => f.includes("nauru-cuts-taiwan-ties"));

const coder = createCoder();

async function ingest(repo: Repository, files: string[]): Promise<void> {
  const problems: string[] = [];
  const onError = (name: string, why: string): void => void problems.push(`${name}: ${why}`);
  const sum = await ingestInputs(expandInputs(files, DEFAULT_LIMITS, onError), repo, {
    code: coder,
    onError,
  });
  assert.deepEqual(problems, []);
  assert.equal(sum.stored + sum.duplicates, files.length);
}

const severances = (repo: Repository): Promise<StoredEvent[]> =>
  repo.listEvents({ type: "SEVER_RELATIONS", pair: ["NRU", "TWN"], limit: 50 });

for (const backend of BACKENDS) {
  describe(`real reports of one act (${backend.name})`, { skip: backend.skip }, () => {
    let store: OpenedStore;
    before(async () => {
      store = await backend.open();
      await ingest(store.repo, FILES);
    });
    after(() => store?.dispose());

    test("three outlets on Nauru's break with Taiwan are one event with three mentions", async () => {
      const { repo } = store;
      const events = await severances(repo);
      assert.equal(events.length, 1, JSON.stringify(events, null, 1));
      const [e] = events;
      assert.equal(e.sources, 3);
      assert.deepEqual([e.source, e.target, e.date, e.datePrecision], ["NRU", "TWN", "2024-01-15", "day"]);
      assert.equal(e.status, "occurred", "two outlets report it done, one as an announcement");
      const mentions = await repo.listMentions(e.id);
      const articles = await repo.articleSummaries(mentions.map((m) => m.articleId));
      assert.deepEqual(articles.map((a) => a.outlet).sort(), [
        "Associated Press",
        "Brisbane Times",
        "Newser",
      ]);
      for (const m of mentions) {
        assert.equal(m.eventId, e.id);
        assert.equal(m.date, "2024-01-15");
        const a = await repo.getArticle(m.articleId);
        assert.equal(
          a!.original.slice(m.span.start, m.span.end),
          m.evidence,
          "each span points into its article",
        );
        assert.ok(m.confidence > 0 && m.confidence <= 1);
      }
      assert.equal(e.confidence, Math.max(...mentions.map((m) => m.confidence)));
      // The article view of each report shows the event under the same id.
      for (const m of mentions)
        assert.deepEqual(
          (await repo.listEvents({ articleId: m.articleId, type: "SEVER_RELATIONS" })).map((x) => x.id),
          [e.id],
        );
    });

    test("words from any of its reports find the merged event (the trigram index on SQLite, LIKE on PostgreSQL)", async () => {
      const { repo } = store;
      const [e] = await severances(repo);
      for (const m of await repo.listMentions(e.id)) {
        const words = m.evidence.slice(0, 24).toUpperCase();
        const found = await repo.listEvents({ text: words, limit: 500 });
        assert.ok(
          found.some((x) => x.id === e.id),
          `"${words}" finds the event`,
        );
        assert.equal(await repo.countEvents({ text: words }), found.length);
      }
    });

    test("two China–Nauru meetings two months apart stay two events", async () => {
      const meetings = await store.repo.listEvents({
        type: "MEET",
        pair: ["CHN", "NRU"],
        sort: "date",
        order: "asc",
        limit: 50,
      });
      assert.deepEqual(
        meetings.map((e) => [e.date, e.sources]),
        [
          ["2024-01-24", 1],
          ["2024-03-25", 1],
        ],
      );
    });

    test("ingesting the same reports again changes nothing", async () => {
      const before = await store.repo.listEvents({ limit: 500 });
      await ingest(store.repo, NAURU);
      assert.deepEqual(await store.repo.listEvents({ limit: 500 }), before);
    });
  });

  describe(`attache ingest and events --db (${backend.name})`, { skip: backend.skip }, () => {
    let store: OpenedStore;
    before(async () => {
      store = await backend.open();
      await store.repo.close(); // the commands open it themselves
    });
    after(() => store?.dispose());

    test("reports ingested by separate runs become one event the events command shows with its sources", () => {
      for (const files of [NAURU.slice(0, 1), NAURU.slice(1)]) {
        const r = attache(["ingest", "--db", store.location, ...files]);
        assert.equal(r.status, 0, r.stderr);
      }
      const r = attache(["events", "--db", store.location, "--type", "SEVER_RELATIONS", "--json"]);
      assert.equal(r.status, 0, r.stderr);
      const events = JSON.parse(r.stdout) as StoredEvent[];
      assert.deepEqual(
        events.map((e) => [e.source, e.target, e.date, e.sources]),
        [["NRU", "TWN", "2024-01-15", 3]],
      );
      const t = attache(["events", "--db", store.location, "--type", "SEVER_RELATIONS"]);
      assert.equal(t.status, 0, t.stderr);
      const [head, row] = t.stdout.split("\n").map((l) => l.split(/\s{2,}/));
      assert.equal(row[head.indexOf("sources")], "3", t.stdout);
    });
  });
}
