import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { findAmounts } from "../../src/text/amounts.ts";

const CASES: Array<[string, string, number, string]> = [
  ["a $240 million loan", "$240 million", 240e6, "USD"],
  ["grants worth US$300,000 in total", "US$300,000", 300000, "USD"],
  ["a NT$1.2 billion fund", "NT$1.2 billion", 1.2e9, "TWD"],
  ["increase deportation flights by 40%", "40%", 40, "percent"],
  ["lowered from 25 percent", "25 percent", 25, "percent"],
  ["a loan of 5 billion yen", "5 billion yen", 5e9, "JPY"],
  ["€50m in aid", "€50m", 50e6, "EUR"],
];
for (const [text, match, value, unit] of CASES) {
  test(`amounts: ${text}`, () => {
    const [a] = findAmounts(text);
    assert.equal(a.text, match);
    assert.equal(a.value, value);
    assert.equal(a.unit, unit);
  });
}

test("amounts: plain numbers and years are not amounts", () => {
  assert.deepEqual(findAmounts("In 2017 some 183 countries and 12 allies"), []);
});

test("amounts: any number written as dollars round-trips", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 999_999_999 }), (n) => {
      const [a] = findAmounts(`worth $${n.toLocaleString("en-US")} in all`);
      assert.equal(a.value, n);
    }),
  );
});

test("amounts: long runs of digits and symbols finish quickly (no catastrophic backtracking)", () => {
  const t = performance.now();
  findAmounts(`$${"1,".repeat(20000)} ${"9".repeat(50000)}%`);
  assert.ok(performance.now() - t < 1000);
});
