// An article with its events and their spans: offsets into the original, mapped to the cleaned text, and
// cut into non-overlapping highlights.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { toOriginal } from "../../src/ingest/offsets.ts";
import { articleView, listArticles } from "../../src/query/article.ts";
import { AttacheError } from "../../src/query/errors.ts";
import { ArticleView } from "../../src/query/schemas.ts";
import { highlightRanges, toCleaned } from "../../src/query/spans.ts";
import { type World, buildWorld } from "../support/world.ts";

let w: World;
before(async () => (w = await buildWorld()));
after(() => w.close());

describe("spans", () => {
  const offsets = [
    { c: 0, o: 10, len: 5 },
    { c: 7, o: 30, len: 4 },
  ];

  test("toCleaned inverts toOriginal inside kept text", () => {
    assert.deepEqual(toCleaned(offsets, 11, 14), { start: 1, end: 4 });
    assert.deepEqual(toCleaned(offsets, 12, 33), { start: 2, end: 10 });
    const back = toCleaned(offsets, 30, 34)!;
    assert.deepEqual(toOriginal(offsets, back.start, back.end), { start: 30, end: 34 });
  });

  test("toCleaned: a span wholly in dropped text maps to nothing", () => {
    assert.equal(toCleaned(offsets, 0, 10), null);
    assert.equal(toCleaned(offsets, 16, 29), null);
    assert.equal(toCleaned([], 0, 5), null);
  });

  test("highlightRanges splits overlaps and merges what belongs to the same events", () => {
    assert.deepEqual(
      highlightRanges(
        [
          { id: "a", start: 0, end: 10 },
          { id: "b", start: 5, end: 15 },
          { id: "c", start: 20, end: 25 },
          { id: "d", start: 20, end: 25 },
          { id: "e", start: 30, end: 30 },
          { id: "f", start: 95, end: 120 },
        ],
        100,
      ),
      [
        { start: 0, end: 5, events: ["a"] },
        { start: 5, end: 10, events: ["a", "b"] },
        { start: 10, end: 15, events: ["b"] },
        { start: 20, end: 25, events: ["c", "d"] },
        { start: 95, end: 100, events: ["f"] },
      ],
    );
  });
});

describe("article view", () => {
  test("every event's span is its evidence in the original, and its cleaned span reads the same", async () => {
    const v = ArticleView.parse(await articleView(w.ctx, "a1-gondor-aid"));
    assert.equal(v.article.title, "Gondor pledges aid to Arnor");
    assert.equal("offsets" in v.article, false);
    assert.equal(v.events.length, 4);
    for (const e of v.events) {
      assert.equal(v.article.original.slice(e.span.start, e.span.end), e.evidence);
      assert.ok(e.cleanedSpan);
      assert.equal(v.article.cleaned.slice(e.cleanedSpan.start, e.cleanedSpan.end), e.evidence);
    }
    assert.deepEqual(
      v.events.map((e) => e.id),
      ["e-visit", "e-pledge", "e-sign", "e-denied"],
      "in text order",
    );
  });

  test("overlapping evidence becomes separate highlights naming both events", async () => {
    const v = await articleView(w.ctx, "a1-gondor-aid");
    const shared = v.highlights.original.find((h) => h.events.length === 2);
    assert.deepEqual(shared?.events, ["e-sign", "e-denied"]);
    assert.ok(shared);
    assert.equal(v.article.original.slice(shared.start, shared.end), "Arnor did not praise Harad.");
    for (let i = 1; i < v.highlights.original.length; i++)
      assert.ok(v.highlights.original[i - 1].end <= v.highlights.original[i].start, "ranges do not overlap");
  });

  test("an HTML page: spans point into the page source, cleaned spans into the text", async () => {
    const v = await articleView(w.ctx, "a2-arnor-switch");
    const e = v.events.find((x) => x.id === "e-establish")!;
    assert.match(v.article.original.slice(0, e.span.start), /<p>$/);
    assert.equal(v.article.cleaned.slice(e.cleanedSpan!.start, e.cleanedSpan!.end), e.evidence);
  });

  test("unknown articles are 404 by code; the list pages with a total", async () => {
    await assert.rejects(
      articleView(w.ctx, "nope"),
      (e: AttacheError) => e.status === 404 && e.code === "not_found",
    );
    const page = await listArticles(w.ctx, 2, 0);
    assert.equal(page.total, 4);
    assert.deepEqual(
      page.items.map((a) => a.id),
      ["a1-gondor-aid", "a4-digest"],
      "newest first",
    );
    assert.equal(page.items[0].events, 4);
    const rest = await listArticles(w.ctx, 2, 2);
    assert.deepEqual(
      rest.items.map((a) => a.id),
      ["a2-arnor-switch", "a3-council"],
      "undated last",
    );
  });
});
