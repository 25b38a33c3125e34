// The timeline of one relationship: events and ledger changes merged in date order, each with its evidence.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { claimants } from "../../src/query/context.ts";
import { AttacheError } from "../../src/query/errors.ts";
import { Timeline, type TimelineEntryOut } from "../../src/query/schemas.ts";
import { relationshipTimeline } from "../../src/query/timeline.ts";
import { type World, buildWorld } from "../support/world.ts";

let w: World;
before(async () => (w = await buildWorld()));
after(() => w.close());

const summary = (e: TimelineEntryOut): string =>
  e.kind === "event"
    ? `${e.date ?? "-"} ${e.event.type}`
    : `${e.date} ledger ${e.previous ?? "start"}→${e.recognizes}`;

test("the claimants come from the knowledge: Gondor plays Taipei, Harad Beijing", () => {
  assert.deepEqual(claimants(w.ctx.knowledge), { ROC: "GON", PRC: "HAR" });
});

test("events and the other side's ledger changes, oldest first, undated last", async () => {
  const t = await relationshipTimeline(w.ctx, "Gondor", "ARN");
  Timeline.parse(t);
  assert.deepEqual(t.entries.map(summary), [
    "1990-01-01 ledger start→ROC",
    "2010-05-21 ledger ROC→NONE",
    "2010-05-21 SEVER_RELATIONS",
    "2010-06-01 ledger NONE→PRC",
    "2024-03 SIGN_AGREEMENT",
    "2024-03-01 PLEDGE_AID",
    "2024-03-01 VISIT",
    "- CRITICIZE",
  ]);
  assert.equal(t.events, 5);
  assert.equal(t.truncated, false);
  assert.deepEqual([t.a.id, t.b.id], ["GON", "ARN"]);
});

test("every event comes with its evidence and its article", async () => {
  const t = await relationshipTimeline(w.ctx, "GON", "ARN");
  for (const e of t.entries) {
    if (e.kind !== "event") continue;
    assert.ok(e.article, `${e.event.id} has its article`);
    assert.equal(e.article.id, e.event.articleId);
    const original = Object.values(w.articles).find((a) => a.id === e.event.articleId)!.original;
    assert.equal(original.slice(e.event.span.start, e.event.span.end), e.event.evidence);
  }
  const pledge = t.entries.find((e) => e.kind === "event" && e.event.id === "e-pledge");
  assert.equal(pledge?.kind === "event" && pledge.article?.title, "Gondor pledges aid to Arnor");
});

test("the ledger shows only when one side is a claimant; its source and flags come along", async () => {
  const noLedger = await relationshipTimeline(w.ctx, "ROH", "ARN");
  assert.equal(noLedger.entries.filter((e) => e.kind === "recognition").length, 0);
  const rohan = await relationshipTimeline(w.ctx, "HAR", "Rohan");
  const rec = rohan.entries.filter((e) => e.kind === "recognition");
  assert.equal(rec.length, 2);
  const disputed = rec[1].kind === "recognition" ? rec[1].period : null;
  assert.equal(disputed?.disputed, true);
  assert.match(disputed?.source ?? "", /^https:\/\/example\.org\//);
});

test("a date range applies to events and ledger entries alike", async () => {
  const t = await relationshipTimeline(w.ctx, "GON", "ARN", { from: "2010", to: "2010-05" });
  assert.deepEqual(t.entries.map(summary), ["2010-05-21 ledger ROC→NONE", "2010-05-21 SEVER_RELATIONS"]);
});

test("a long history is truncated and says so", async () => {
  const t = await relationshipTimeline(w.ctx, "ROH", "GON", { limit: 10 });
  assert.equal(t.truncated, true);
  assert.equal(t.entries.filter((e) => e.kind === "event").length, 10);
  assert.equal(t.events, 30);
});

test("the same actor twice, or an unknown one, is refused by code", async () => {
  await assert.rejects(
    relationshipTimeline(w.ctx, "GON", "Gondor"),
    (e: AttacheError) => e.code === "invalid_request",
  );
  await assert.rejects(
    relationshipTimeline(w.ctx, "GON", "Mordor"),
    (e: AttacheError) => e.code === "unknown_actor",
  );
});
