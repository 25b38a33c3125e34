// SQLite and PostgreSQL side by side: the same generated articles (many reports of the same acts, in batches)
// stored in both, then every question asked of both must get the same answer, field for field — the merged
// events and their ids, the mentions, every filter, sort order and page, every count.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { EventFilter, EventGroupKey, Repository } from "../../src/store/repository.ts";
import { EVENT_SORT_KEYS } from "../../src/store/repository.ts";
import type { Article, EventRecord, EventType } from "../../src/store/types.ts";
import { article, event } from "../support/world.ts";
import { POSTGRES, SQLITE, type OpenedStore } from "./backends.ts";
import { rng } from "../support/rng.ts";

const ACTORS = ["GON", "ARN", "ROH", "HAR", "IGO:COUNCIL"];
const TYPES: EventType[] = ["MEET", "VISIT", "SIGN_AGREEMENT", "PLEDGE_AID", "CRITICIZE"];
const WORDS = ["Met", "visited", "signed", "pledged", "criticized", "in Fornost", "at dawn", "100%", "a_b"];

function generate(seed: number, count: number): Array<{ article: Article; events: EventRecord[] }> {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const out: Array<{ article: Article; events: EventRecord[] }> = [];
  for (let i = 0; i < count; i++) {
    const n = 1 + Math.floor(r() * 4);
    const sentences = Array.from({ length: n }, (_, k) => `Item ${i}.${k}: ${pick(WORDS)} ${pick(WORDS)}.`);
    const text = sentences.join(" ");
    const day = 1 + Math.floor(r() * 75);
    const published = new Date(Date.UTC(2020, 0, day)).toISOString().slice(0, 10);
    const a = article(`gen-${String(i).padStart(4, "0")}`, text, [text], { published });
    const events = sentences.map((s, k) => {
      const source = pick(ACTORS);
      let target: string | null = r() < 0.1 ? null : pick(ACTORS);
      if (target === source) target = null;
      const p = r();
      const when = new Date(Date.UTC(2020, 0, day - Math.floor(r() * 10))).toISOString().slice(0, 10);
      const [date, datePrecision] =
        p < 0.03
          ? [null, null]
          : p < 0.06
            ? ["2020", "year"]
            : p < 0.2
              ? [when.slice(0, 7), "month"]
              : [when, "day"];
      return event(a, `${a.id}-${k}`, s, {
        type: pick(TYPES),
        source,
        target,
        sourceActor: r() < 0.5 ? `${source} leader` : null,
        targetActor: r() < 0.3 && target ? `${target} envoy` : null,
        date,
        datePrecision: datePrecision as EventRecord["datePrecision"],
        dateStated: r() < 0.7,
        status: pick(["occurred", "occurred", "pledged", "denied"] as const),
        amount:
          r() < 0.2
            ? { text: "$1 million", value: r() < 0.5 ? 1e6 : null, unit: r() < 0.5 ? "USD" : null }
            : null,
        location: r() < 0.2 ? "Fornost" : null,
        confidence: Math.round((0.3 + r() * 0.65) * 100) / 100,
      });
    });
    out.push({ article: a, events });
  }
  return out;
}

const FILTERS: EventFilter[] = [
  {},
  { actor: "GON" },
  { actor: "IGO:COUNCIL", type: "MEET" },
  { pair: ["ARN", "ROH"] },
  { status: "pledged" },
  { type: "SIGN_AGREEMENT", from: "2020-02" },
  { from: "2020-01-10", to: "2020-02" },
  { to: "2020" },
  { text: "met" },
  { text: "100%" },
  { text: "a_b", actor: "HAR" },
  { articleId: "gen-0007" },
];

describe("SQLite and PostgreSQL give the same answers", { skip: POSTGRES.skip }, () => {
  let lite: OpenedStore;
  let pg: OpenedStore;
  const items = generate(8, 300);
  before(async () => {
    [lite, pg] = await Promise.all([SQLITE.open(), POSTGRES.open()]);
    for (let i = 0; i < items.length; i += 40) {
      const batch = items.slice(i, i + 40);
      assert.deepEqual(await lite.repo.saveArticles(batch), await pg.repo.saveArticles(batch));
    }
  });
  after(async () => {
    await lite?.dispose();
    await pg?.dispose();
  });

  const both = async <T>(ask: (r: Repository) => Promise<T>, what: string): Promise<T> => {
    const [a, b] = await Promise.all([ask(lite.repo), ask(pg.repo)]);
    assert.deepEqual(b, a, what);
    return a;
  };

  test("the merged events, their ids and every mention", async () => {
    const events = await both((r) => r.listEvents({ limit: 5000 }), "all events");
    const saved = items.reduce((n, i) => n + i.events.length, 0);
    assert.ok(events.length < saved, "some reports were merged");
    assert.equal(
      events.reduce((n, e) => n + e.sources, 0),
      saved,
      "every report is a mention of exactly one event",
    );
    for (const e of events) {
      const mentions = await both((r) => r.listMentions(e.id), `mentions of ${e.id}`);
      assert.equal(mentions.length, e.sources);
      assert.equal(
        new Set(mentions.map((m) => m.articleId)).size,
        mentions.length,
        "one mention per article",
      );
      assert.equal(mentions[0].id, e.id, "the event keeps its first mention's id");
      await both((r) => r.getEvent(e.id), `event ${e.id}`);
    }
  });

  test("every filter, sort order and page", async () => {
    for (const f of FILTERS) {
      for (const sort of EVENT_SORT_KEYS)
        for (const order of ["asc", "desc"] as const)
          for (const [limit, offset] of [
            [500, 0],
            [13, 26],
          ])
            await both(
              (r) => r.listEvents({ ...f, sort, order, limit, offset }),
              JSON.stringify({ f, sort, order }),
            );
      await both((r) => r.countEvents(f), `count ${JSON.stringify(f)}`);
      await both((r) => r.eventDateRange(f), `range ${JSON.stringify(f)}`);
    }
  });

  test("every count, the articles and the totals", async () => {
    const groupings: Array<[EventFilter, EventGroupKey[]]> = [
      [{}, ["type"]],
      [{}, ["status"]],
      [{}, ["year"]],
      [{}, ["source", "target"]],
      [{ type: "MEET" }, ["type", "status", "year"]],
      [{ actor: "GON" }, ["year", "type", "partner"]],
      [{ actor: "ROH", type: "VISIT" }, ["partner"]],
      [{ text: "signed" }, ["source"]],
    ];
    for (const [f, keys] of groupings)
      await both((r) => r.countEventsBy(f, keys), `${JSON.stringify(f)} by ${keys.join()}`);
    await both((r) => r.listArticles(1000, 0), "articles");
    await both((r) => r.listArticles(7, 70), "a page of articles");
    await both((r) => r.articleSummaries(["gen-0003", "gen-0150", "none"]), "summaries");
    await both((r) => r.stats(), "stats");
  });
});
