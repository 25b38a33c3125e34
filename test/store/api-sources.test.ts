// "Reported by N sources" through the HTTP API, in process: the event list carries each event's count of
// sources, GET /api/events/{id} lists every report with its article, and an article's view shows its own
// report under the shared event id.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createApp } from "../../src/api/app.ts";
import { ApiErrorBody, ArticleView, EventDetail, EventPage } from "../../src/query/schemas.ts";
import type { EventRecord } from "../../src/store/types.ts";
import { type World, article, buildWorld, event } from "../support/world.ts";

let w: World;
let app: ReturnType<typeof createApp>;
const reports: EventRecord[] = [];

before(async () => {
  w = await buildWorld();
  const lines = [
    ["b1", "Rohan broke with Harad on Monday.", "2015-04-06", "The Edoras Herald"],
    ["b2", "Rohan severed its ties with Harad, officials said.", "2015-04-07", "The Isengard Post"],
  ];
  for (const [id, s, date, outlet] of lines) {
    const a = article(id, s, [s], { published: date, outlet, title: `${outlet} report` });
    const e = event(a, `ev-${id}`, s, {
      type: "SEVER_RELATIONS",
      source: "ROH",
      target: "HAR",
      date,
      datePrecision: "day",
      dateStated: id === "b1",
    });
    reports.push(e);
    await w.ctx.repo.saveArticle(a, [e]);
  }
  app = createApp({ repo: w.ctx.repo, knowledge: w.ctx.knowledge, today: w.ctx.today });
});
after(() => w.close());

async function get(path: string, status = 200): Promise<unknown> {
  const res = await app.request(path);
  assert.equal(res.status, status, path);
  return res.json();
}

describe("API: one event, many sources", () => {
  test("the event list shows the act once with its number of sources", async () => {
    const page = EventPage.parse(await get("/api/events?type=SEVER_RELATIONS&actor=ROH"));
    assert.deepEqual(
      page.items.map((e) => [e.id, e.date, e.sources]),
      [["ev-b1", "2015-04-06", 2]],
    );
    const single = EventPage.parse(await get("/api/events?type=PLEDGE_AID"));
    assert.deepEqual(
      single.items.map((e) => e.sources),
      [1],
    );
  });

  test("GET /api/events/{id} gives every report with its article", async () => {
    const d = EventDetail.parse(await get("/api/events/ev-b1"));
    assert.equal(d.event.sources, 2);
    assert.deepEqual(
      d.mentions.map((m) => [m.id, m.eventId, m.articleId, m.date, m.article?.outlet]),
      [
        ["ev-b1", "ev-b1", "b1", "2015-04-06", "The Edoras Herald"],
        ["ev-b2", "ev-b1", "b2", "2015-04-07", "The Isengard Post"],
      ],
    );
    assert.equal(d.mentions[1].evidence, reports[1].evidence);
    const missing = ApiErrorBody.parse(await get("/api/events/nope", 404));
    assert.equal(missing.error.code, "not_found");
  });

  test("each article highlights its own report under the event's id", async () => {
    const v = ArticleView.parse(await get("/api/articles/b2"));
    assert.deepEqual(
      v.events.map((e) => [e.id, e.evidence, e.sources]),
      [["ev-b1", reports[1].evidence, 2]],
    );
    assert.deepEqual(v.highlights.original[0].events, ["ev-b1"]);
  });

  test("the OpenAPI document describes the route", async () => {
    const doc = (await get("/api/openapi.json")) as { paths: Record<string, unknown> };
    assert.ok(doc.paths["/api/events/{id}"]);
  });
});
