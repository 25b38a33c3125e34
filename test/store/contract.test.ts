// The Repository contract, run once on SQLite (a temporary file) and once on PostgreSQL (a throw-away
// database): what is saved comes back the same, and every question gives the answer worked out here in plain
// code from the same records — the same filters, order, pages and counts on both stores.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { PG_MIGRATIONS } from "../../src/store/postgres/migrations.ts";
import { connectPostgres, isPostgresUrl, redactUrl } from "../../src/store/postgres/postgres-repository.ts";
import type {
  EventFilter,
  EventGroupKey,
  EventSortKey,
  Repository,
  StoredEvent,
} from "../../src/store/repository.ts";
import { EVENT_SORT_KEYS } from "../../src/store/repository.ts";
import { MIGRATIONS } from "../../src/store/sqlite/migrations.ts";
import { openSqlite } from "../../src/store/sqlite/sqlite-repository.ts";
import type { EventRecord } from "../../src/store/types.ts";
import { type World, article, event, fillWorld } from "../support/world.ts";
import { BACKENDS, type OpenedStore } from "./backends.ts";

test("both stores have the same migration steps", () => {
  assert.equal(PG_MIGRATIONS.length, MIGRATIONS.length);
});

test("postgres:// and postgresql:// URLs choose PostgreSQL; passwords stay out of messages", () => {
  assert.ok(isPostgresUrl("postgres://u@h/db"));
  assert.ok(isPostgresUrl("postgresql://u@h:5433/db?sslmode=require"));
  assert.ok(!isPostgresUrl("/var/lib/attache/postgres.db"));
  assert.ok(!redactUrl("postgres://u:s3cret@h/db").includes("s3cret"));
});

// ---- the oracle: the same questions answered in plain code ------------------------------------------------

const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

function matches(e: EventRecord, f: EventFilter): boolean {
  if (f.actor && e.source !== f.actor && e.target !== f.actor) return false;
  if (f.pair) {
    const [a, b] = f.pair;
    if (!((e.source === a && e.target === b) || (e.source === b && e.target === a))) return false;
  }
  if (f.type && e.type !== f.type) return false;
  if (f.status && e.status !== f.status) return false;
  if (f.from && (e.date === null || e.date < f.from)) return false;
  if (f.to && (e.date === null || e.date > `${f.to}\uffff`)) return false;
  if (f.text) {
    const ascii = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
    if (!ascii(e.evidence).includes(ascii(f.text))) return false;
  }
  if (f.articleId && e.articleId !== f.articleId) return false;
  return true;
}

function ordered(events: EventRecord[], f: EventFilter): EventRecord[] {
  const key: EventSortKey = f.sort ?? "date";
  const dir = (f.order ?? (key === "date" || key === "confidence" ? "desc" : "asc")) === "asc" ? 1 : -1;
  const byDate = (x: EventRecord, y: EventRecord, d: number): number =>
    x.date === y.date ? 0 : x.date === null ? 1 : y.date === null ? -1 : d * cmp(x.date, y.date);
  const byTarget = (x: EventRecord, y: EventRecord): number =>
    x.target === y.target
      ? 0
      : x.target === null
        ? 1
        : y.target === null
          ? -1
          : dir * cmp(x.target, y.target);
  return [...events].sort((x, y) => {
    let c: number;
    if (key === "date") c = byDate(x, y, dir);
    else if (key === "target") c = byTarget(x, y);
    else c = dir * cmp(x[key], y[key]);
    if (c === 0 && key !== "date") c = byDate(x, y, -1);
    return c || cmp(x.id, y.id);
  });
}

function groupKey(e: EventRecord, k: EventGroupKey, actor?: string): string | null {
  if (k === "year") return e.date ? e.date.slice(0, 4) : null;
  if (k === "partner") return e.source === actor ? e.target : e.source;
  return e[k];
}

function countedBy(events: EventRecord[], f: EventFilter, keys: EventGroupKey[]) {
  const groups = new Map<string, { keys: Array<string | null>; n: number }>();
  for (const e of events.filter((x) => matches(x, f))) {
    const ks = keys.map((k) => groupKey(e, k, f.actor));
    const id = JSON.stringify(ks);
    const g = groups.get(id) ?? { keys: ks, n: 0 };
    g.n++;
    groups.set(id, g);
  }
  return [...groups.values()]
    .sort((a, b) => {
      if (a.n !== b.n) return b.n - a.n;
      for (let i = 0; i < keys.length; i++) {
        const [x, y] = [a.keys[i], b.keys[i]];
        if (x === y) continue;
        return x === null ? 1 : y === null ? -1 : cmp(x, y);
      }
      return 0;
    })
    .map((g) => Object.assign({ n: g.n }, ...keys.map((k, i) => ({ [k]: g.keys[i] }))));
}

const FILTERS: EventFilter[] = [
  {},
  { actor: "GON" },
  { actor: "HAR" },
  { pair: ["ARN", "GON"] },
  { pair: ["GON", "ROH"] },
  { type: "MEET" },
  { status: "denied" },
  { from: "2022-01-12", to: "2022-01-15" },
  { from: "2024", to: "2024-03" },
  { from: "1999", to: "1999" },
  { to: "2010-05" },
  { text: "met" },
  { text: "MET." },
  { text: "théoden" },
  { text: "100%_" },
  { text: "'; DROP TABLE events; --" },
  { articleId: "a1-gondor-aid" },
  { articleId: "a4-digest", type: "VISIT" },
  { actor: "ROH", type: "TRADE_INVESTMENT", from: "2022-01-14" },
];

for (const backend of BACKENDS) {
  describe(`store contract (${backend.name})`, { skip: backend.skip }, () => {
    let store: OpenedStore;
    let repo: Repository;
    let w: World;
    before(async () => {
      store = await backend.open();
      repo = store.repo;
      w = await fillWorld(repo);
    });
    after(() => store?.dispose());

    test("an article is stored once; its text, offsets and fields come back as saved", async () => {
      for (const a of Object.values(w.articles)) {
        assert.ok(await repo.hasArticle(a.id));
        assert.deepEqual(await repo.getArticle(a.id), a);
        assert.equal(await repo.saveArticle(a, []), false, "a second save is a duplicate");
      }
      assert.equal(await repo.hasArticle("nope"), false);
      assert.equal(await repo.getArticle("nope"), null);
      assert.deepEqual(await repo.saveArticles([]), []);
    });

    test("every event comes back as saved, under its own id, reported by one source", async () => {
      const stored = await repo.listEvents({ limit: 1000 });
      assert.equal(stored.length, w.events.length);
      const byId = new Map(stored.map((e) => [e.id, e]));
      for (const e of w.events) assert.deepEqual(byId.get(e.id), { ...e, sources: 1 });
      assert.deepEqual(await repo.getEvent("e-pledge"), { ...w.events[1], sources: 1 });
      assert.equal(await repo.getEvent("nope"), null);
      assert.deepEqual(await repo.listMentions("e-pledge"), [{ ...w.events[1], eventId: "e-pledge" }]);
      assert.deepEqual(await repo.listMentions("nope"), []);
    });

    test("filters, counts and date ranges match the plain-code answer", async () => {
      for (const f of FILTERS) {
        const want = ordered(
          w.events.filter((e) => matches(e, f)),
          f,
        ).map((e) => e.id);
        const got = (await repo.listEvents({ ...f, limit: 1000 })).map((e) => e.id);
        assert.deepEqual(got, want, JSON.stringify(f));
        assert.equal(await repo.countEvents({ ...f, limit: 1, offset: 3 }), want.length, JSON.stringify(f));
        // Counted no further than asked: the smaller of the count and the bound, whichever way it is counted.
        for (const atMost of [0, 1, 2, want.length, want.length + 1])
          assert.equal(
            await repo.countEvents(f, atMost),
            Math.min(want.length, atMost),
            `${JSON.stringify(f)} at most ${atMost}`,
          );
        const dates = w.events
          .filter((e) => matches(e, f) && e.date)
          .map((e) => e.date!)
          .sort();
        assert.deepEqual(
          await repo.eventDateRange(f),
          { first: dates[0] ?? null, last: dates[dates.length - 1] ?? null },
          JSON.stringify(f),
        );
      }
    });

    test("every sort key in both orders, paged, gives one stable order", async () => {
      for (const sort of EVENT_SORT_KEYS)
        for (const order of ["asc", "desc"] as const) {
          const f: EventFilter = { sort, order };
          const want = ordered(w.events, f).map((e) => e.id);
          const pages: string[] = [];
          for (let offset = 0; offset < want.length; offset += 7)
            pages.push(...(await repo.listEvents({ ...f, limit: 7, offset })).map((e) => e.id));
          assert.deepEqual(pages, want, `${sort} ${order}`);
        }
      const dflt = (await repo.listEvents({ actor: "ROH", limit: 1000 })).map((e) => e.id);
      assert.deepEqual(
        dflt,
        ordered(
          w.events.filter((e) => matches(e, { actor: "ROH" })),
          {},
        ).map((e) => e.id),
      );
    });

    test("counts by type, status, year, source, target and partner, largest first", async () => {
      const cases: Array<[EventFilter, EventGroupKey[]]> = [
        [{}, ["type"]],
        [{}, ["status"]],
        [{}, ["year"]],
        [{}, ["source"]],
        [{}, ["target"]],
        [{}, ["source", "target"]],
        [{ actor: "GON" }, ["year", "type", "partner"]],
        [{ actor: "ROH", text: "digest" }, ["partner"]],
        [{ articleId: "a2-arnor-switch" }, ["type"]],
      ];
      for (const [f, keys] of cases)
        assert.deepEqual(await repo.countEventsBy(f, keys), countedBy(w.events, f, keys), `${keys.join()}`);
      await assert.rejects(repo.countEventsBy({}, ["partner"]));
    });

    test("top pairs: the most events between two actors either way round, and every pair tied with the last", async () => {
      const pairs = new Map<string, number>();
      for (const e of w.events)
        if (e.target !== null) {
          const key = [e.source, e.target].sort(cmp).join("|");
          pairs.set(key, (pairs.get(key) ?? 0) + 1);
        }
      const counts = [...pairs.values()].sort((x, y) => y - x);
      for (const limit of [1, 2, 3, 5, 1000]) {
        const least = counts[Math.min(limit, counts.length) - 1];
        const want = [...pairs]
          .filter(([, n]) => n >= least)
          .map(([key, n]) => ({ a: key.split("|")[0], b: key.split("|")[1], n }))
          .sort((x, y) => cmp(x.a, y.a) || cmp(x.b, y.b));
        const got = (await repo.topPairs(limit)).sort((x, y) => cmp(x.a, y.a) || cmp(x.b, y.b));
        assert.deepEqual(got, want, `top ${limit}`);
      }
    });

    test("articles newest first with their event counts; summaries by id; totals", async () => {
      const list = await repo.listArticles(10, 0);
      assert.deepEqual(
        list.map((a) => [a.id, a.events]),
        [
          ["a1-gondor-aid", 4],
          ["a4-digest", 30],
          ["a2-arnor-switch", 3],
          ["a3-council", 2],
        ],
      );
      assert.deepEqual(
        (await repo.listArticles(2, 1)).map((a) => a.id),
        ["a4-digest", "a2-arnor-switch"],
      );
      const sums = await repo.articleSummaries(["a3-council", "nope", "a1-gondor-aid", "a3-council"]);
      assert.deepEqual(
        sums.map((a) => a.id),
        ["a1-gondor-aid", "a3-council"],
      );
      assert.deepEqual(sums[0], {
        id: "a1-gondor-aid",
        title: "Gondor pledges aid to Arnor",
        url: "https://example.org/news/a1-gondor-aid",
        outlet: "The Gondor Gazette",
        published: "2024-03-03",
        role: "main",
        sourceName: "a1-gondor-aid.txt",
        events: 4,
      });
      assert.deepEqual(await repo.articleSummaries([]), []);
      const stats = await repo.stats();
      assert.equal(stats.articles, 4);
      assert.equal(stats.events, w.events.length);
      assert.equal(stats.byType.MEET, w.events.filter((e) => e.type === "MEET").length);
    });
  });

  describe(`one event, many sources (${backend.name})`, { skip: backend.skip }, () => {
    let store: OpenedStore;
    let repo: Repository;
    before(async () => {
      store = await backend.open();
      repo = store.repo;
    });
    after(() => store?.dispose());

    /** An article of one sentence reporting one event. */
    let n = 0;
    async function report(
      sentence: string,
      fields: Partial<EventRecord>,
      extra: { published?: string; outlet?: string } = {},
    ): Promise<EventRecord> {
      const id = `r${String(++n).padStart(3, "0")}`;
      const a = article(id, sentence, [sentence], {
        published: extra.published ?? null,
        outlet: extra.outlet,
      });
      const e = event(a, `m-${id}`, sentence, { datePrecision: fields.date ? "day" : null, ...fields });
      assert.equal(await repo.saveArticle(a, [e]), true);
      return e;
    }
    const eventsOf = async (f: EventFilter): Promise<StoredEvent[]> => repo.listEvents({ ...f, limit: 100 });

    test("three reports of one act are one event with three mentions; its fields follow the rule", async () => {
      const a = await report("Arnor cut its ties with Gondor on Monday.", {
        type: "SEVER_RELATIONS",
        source: "ARN",
        target: "GON",
        date: "2024-01-16",
        dateStated: false,
        confidence: 0.7,
        sourceActor: null,
      });
      const b = await report("Arnor severed relations with Gondor on January 15, Steward Faramir said.", {
        type: "SEVER_RELATIONS",
        source: "ARN",
        target: "GON",
        date: "2024-01-15",
        confidence: 0.9,
        location: null,
      });
      const c = await report("In January Arnor broke with Gondor in Fornost.", {
        type: "SEVER_RELATIONS",
        source: "ARN",
        target: "GON",
        date: "2024-01",
        datePrecision: "month",
        confidence: 0.8,
        status: "pledged",
        location: "Fornost",
        sourceActor: "Arvedui",
      });
      const events = await eventsOf({ type: "SEVER_RELATIONS" });
      assert.equal(events.length, 1);
      const [e] = events;
      assert.deepEqual(e, {
        ...b, // the lead: highest confidence
        id: a.id, // the first mention's id, for good
        sources: 3,
        date: "2024-01-15", // stated before filled in; day before month; earliest
        datePrecision: "day",
        dateStated: true,
        status: "occurred",
        location: "Fornost", // the lead has none: the next mention that has one
        sourceActor: "Arvedui",
      });
      const mentions = await repo.listMentions(a.id);
      assert.deepEqual(
        mentions,
        [a, b, c].map((m) => ({ ...m, eventId: a.id })),
      );
      assert.deepEqual(await repo.getEvent(a.id), e);
      // Each article still shows its own report, under the event's id.
      const own = await repo.listEvents({ articleId: c.articleId });
      assert.deepEqual(own, [{ ...c, id: a.id, sources: 3 }]);
      assert.equal(await repo.countEvents({ articleId: c.articleId, status: "pledged" }), 1);
      assert.equal(await repo.countEvents({ status: "pledged" }), 0);
      // Words from any report find the event.
      assert.deepEqual(
        (await eventsOf({ text: "broke with" })).map((x) => x.id),
        [a.id],
      );
      assert.equal((await repo.stats()).byType.SEVER_RELATIONS, 1);
      assert.equal((await repo.articleSummaries([c.articleId]))[0].events, 1);
    });

    test("symmetric types merge in either order; the amount is the most specific", async () => {
      const a = await report("Gondor and Rohan signed a trade accord worth millions.", {
        type: "SIGN_AGREEMENT",
        source: "GON",
        target: "ROH",
        sourceActor: "Elessar",
        date: "2023-05-02",
        confidence: 0.9,
        amount: { text: "millions", value: null, unit: null },
      });
      await report("Rohan and Gondor signed a $5 million accord.", {
        type: "SIGN_AGREEMENT",
        source: "ROH",
        target: "GON",
        targetActor: "Aragorn",
        sourceActor: "Eomer",
        date: "2023-05-03",
        confidence: 0.6,
        amount: { text: "$5 million", value: 5e6, unit: "USD" },
      });
      const [e] = await eventsOf({ type: "SIGN_AGREEMENT" });
      assert.equal(e.sources, 2);
      assert.equal(e.id, a.id);
      assert.deepEqual(
        [e.source, e.target, e.sourceActor, e.targetActor],
        ["GON", "ROH", "Elessar", "Eomer"],
      );
      assert.deepEqual(e.amount, { text: "$5 million", value: 5e6, unit: "USD" });
      assert.equal(e.date, "2023-05-02");
    });

    test("a visit the other way round, a denial, an undated report and another type stay apart", async () => {
      const fields = { type: "VISIT" as const, date: "2021-06-10" };
      const a = await report("Elessar visited Rohan.", { ...fields, source: "GON", target: "ROH" });
      await report("Eomer visited Gondor.", { ...fields, source: "ROH", target: "GON" });
      await report("Elessar did not visit Rohan.", {
        ...fields,
        source: "GON",
        target: "ROH",
        status: "denied",
      });
      await report("Elessar once visited Rohan.", { ...fields, source: "GON", target: "ROH", date: null });
      await report("Elessar met Eomer in Rohan.", { ...fields, type: "MEET", source: "GON", target: "ROH" });
      await report("Elessar arrived in Rohan.", {
        ...fields,
        source: "GON",
        target: "ROH",
        date: "2021-06-11",
      });
      const visits = await eventsOf({ pair: ["GON", "ROH"], from: "2021", to: "2021" });
      assert.equal(visits.length, 4, "GON→ROH, ROH→GON, the denial, the meeting");
      assert.equal(visits.find((e) => e.id === a.id)?.sources, 2);
      assert.equal(
        (await eventsOf({ pair: ["GON", "ROH"], type: "VISIT" })).filter((e) => !e.date).length,
        1,
      );
    });

    test("the window: a week apart is one act, eight days or a month apart are two", async () => {
      const meet = (date: string, datePrecision: "day" | "month" = "day") =>
        report(`Gondor and Harad met (${date}).`, {
          type: "MEET",
          source: "GON",
          target: "HAR",
          date,
          datePrecision,
        });
      const first = await meet("2019-03-01");
      await meet("2019-03-08"); // 7 days: the same act
      const april = await meet("2019-04-01"); // a month later: another
      await meet("2019-04-09"); // 8 days after that: another again
      // "In April": both April meetings are within the window; the nearer to mid-April takes it.
      await meet("2019-04", "month");
      const events = await eventsOf({ pair: ["GON", "HAR"], type: "MEET", sort: "date", order: "asc" });
      assert.deepEqual(
        events.map((e) => [e.date, e.sources]),
        [
          ["2019-03-01", 2],
          ["2019-04-01", 1],
          ["2019-04-09", 2],
        ],
      );
      assert.equal(events[0].id, first.id);
      assert.equal(events[1].id, april.id);
    });

    test("reports of one act written at once through two connections still make one event", async () => {
      const other = isPostgresUrl(store.location)
        ? await connectPostgres(store.location)
        : openSqlite(store.location);
      try {
        const saves = Array.from({ length: 12 }, (_, i) => {
          const s = `Rohan upgraded its ties with Harad (report ${i}).`;
          const a = article(`race-${i}`, s, [s]);
          const e = event(a, `race-e${i}`, s, {
            type: "UPGRADE_RELATIONS",
            source: i % 2 ? "ROH" : "HAR",
            target: i % 2 ? "HAR" : "ROH",
            date: `2017-09-0${1 + (i % 3)}`,
            datePrecision: "day",
          });
          return (i % 2 ? other : repo).saveArticles([{ article: a, events: [e] }]);
        });
        assert.deepEqual((await Promise.all(saves)).flat(), Array(12).fill(true));
      } finally {
        await other.close();
      }
      const events = await eventsOf({ type: "UPGRADE_RELATIONS" });
      assert.deepEqual(
        events.map((e) => [e.date, e.sources]),
        [["2017-09-01", 12]],
      );
    });

    test("one article's own events are never merged with each other; a batch merges across its articles", async () => {
      const s1 = "Harad warned Rivendell on Tuesday.";
      const s2 = "Harad warned Rivendell again on Wednesday.";
      const a = article("own-1", `${s1} ${s2}`, [`${s1} ${s2}`]);
      const e1 = event(a, "own-e1", s1, {
        type: "WARN",
        source: "HAR",
        target: "RIV",
        date: "2018-02-06",
        datePrecision: "day",
      });
      const e2 = event(a, "own-e2", s2, {
        type: "WARN",
        source: "HAR",
        target: "RIV",
        date: "2018-02-07",
        datePrecision: "day",
      });
      const b = article("own-2", s1, [s1]);
      const f1 = event(b, "own-f1", s1, {
        type: "WARN",
        source: "HAR",
        target: "RIV",
        date: "2018-02-06",
        datePrecision: "day",
      });
      const c = article("own-3", s2, [s2]);
      const g1 = event(c, "own-g1", s2, {
        type: "WARN",
        source: "HAR",
        target: "RIV",
        date: "2018-02-07",
        datePrecision: "day",
      });
      assert.deepEqual(
        await repo.saveArticles([
          { article: a, events: [e1, e2, e1] },
          { article: b, events: [f1] },
          { article: a, events: [e1] },
          { article: c, events: [g1] },
        ]),
        [true, true, false, true],
      );
      const warns = await eventsOf({ type: "WARN", pair: ["HAR", "RIV"], sort: "date", order: "asc" });
      assert.deepEqual(
        warns.map((e) => [e.id, e.sources]),
        [
          ["own-e1", 2],
          ["own-e2", 2],
        ],
      );
      assert.deepEqual(
        (await repo.listMentions("own-e2")).map((m) => m.articleId),
        ["own-1", "own-3"],
      );
      assert.equal((await repo.listEvents({ articleId: "own-1" })).length, 2);
    });
  });
}
