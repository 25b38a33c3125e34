// Gold matching as PRODUCT.md fixes it, case by case, and the scores the coder must keep on the gold sets.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { GoldEvent } from "../../src/eval/gold.ts";
import { type Predicted, evaluate, matches } from "../../src/eval/match.ts";
import type { EventRecord } from "../../src/store/types.ts";
import { runEval } from "../../src/cli/eval.ts";
import { ROOT, needsShared, sharedPath } from "../support/shared.ts";
import { join } from "node:path";

const gold = (g: Partial<GoldEvent>): GoldEvent => ({
  article: "a.txt",
  date: "2025-06-05",
  source: "TWN",
  type: "MEET",
  target: "GTM",
  status: "occurred",
  line: 1,
  ...g,
});
const pred = (e: Partial<EventRecord>, file = "a.txt"): Predicted => ({
  file,
  event: {
    id: "x",
    type: "MEET",
    source: "TWN",
    target: "GTM",
    date: "2025-06-05",
    status: "occurred",
    ...e,
  } as EventRecord,
});

const CASES: Array<[string, GoldEvent, Predicted, boolean]> = [
  ["same act", gold({}), pred({}), true],
  ["symmetric types match either way round", gold({}), pred({ source: "GTM", target: "TWN" }), true],
  [
    "directed types do not",
    gold({ type: "VISIT" }),
    pred({ type: "VISIT", source: "GTM", target: "TWN" }),
    false,
  ],
  ["a day matches a month gold", gold({ date: "2025-06" }), pred({ date: "2025-06-05" }), true],
  ["a month does not match a day gold", gold({}), pred({ date: "2025-06" }), false],
  ["a null gold date matches any", gold({ date: null }), pred({ date: null }), true],
  ["another file", gold({}), pred({}, "b.txt"), false],
  ["another type", gold({}), pred({ type: "VISIT" }), false],
];
for (const [why, g, p, ok] of CASES) test(`matching: ${why}`, () => assert.equal(matches(g, p), ok));

test("scores: optional gold counts neither way, denied events are left out, one-to-one", () => {
  const r = evaluate(
    [gold({}), gold({ type: "VISIT", optional: true }), gold({ type: "LOAN", source: "JPN", target: "PRY" })],
    [pred({}), pred({}), pred({ type: "VISIT" }), pred({ type: "SEVER_RELATIONS", status: "denied" })],
  );
  assert.deepEqual([r.tp, r.fp, r.fn], [1, 1, 1]);
  assert.equal(r.precision, 0.5);
  assert.equal(r.status_accuracy, 1);
});

test("the coder keeps F1 ≥ 0.90 on the seed gold", { skip: needsShared }, async () => {
  const { result } = await runEval(sharedPath("gold", "seeds"), sharedPath("gold", "seeds.gold.jsonl"));
  assert.ok(result.f1 >= 0.9, `seed F1 ${result.f1}`);
});

test("the coder keeps F1 ≥ 0.75 on the development gold", async () => {
  const { result } = await runEval(join(ROOT, "corpus", "dev"), join(ROOT, "corpus", "dev.gold.jsonl"));
  assert.ok(result.f1 >= 0.75, `dev F1 ${result.f1}`);
});
