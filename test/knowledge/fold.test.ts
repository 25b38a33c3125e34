// Folding and tokens: what the gazetteer matches on, and the map back to original offsets.
import assert from "node:assert/strict";
import { test } from "node:test";
import { fold, foldName, tokenize, toOriginal } from "../../src/knowledge/fold.ts";
import { compareLoose, firstDay, isRealDay, lastDay, rangesMeet } from "../../src/knowledge/dates.ts";
import { variants } from "../../src/knowledge/names.ts";

const FOLDS: Array<[string, string]> = [
  ["Asunción", "asuncion"],
  ["ÉOMER", "eomer"],
  ["Beijing’s", "beijing's"],
  ["Japan–Paraguay", "japan-paraguay"],
  ["Øresund Łódź straße", "oresund lodz strasse"],
  ["a\u00a0b", "a b"],
  ["Asuncio\u0301n", "asuncion"],
];

for (const [text, folded] of FOLDS) {
  test(`fold: ${text}`, () => assert.equal(foldName(text), folded));
}

test("fold: every folded character maps back to the character it came from", () => {
  const text = "🇹🇼 Straße, Asuncio\u0301n";
  const f = fold(text);
  assert.equal(f.text, "🇹🇼 strasse, asuncion");
  const at = f.text.indexOf("asuncion");
  const span = toOriginal(f, at, at + "asuncion".length);
  assert.equal(text.slice(span.start, span.end), "Asuncio\u0301n");
  const s = f.text.indexOf("strasse");
  const span2 = toOriginal(f, s, s + "strasse".length);
  assert.equal(text.slice(span2.start, span2.end), "Straße");
});

test("tokens: words, single punctuation, hyphens and spaces as separators", () => {
  assert.deepEqual(
    tokenize(foldName("the U.S.-Taiwan ties, Taiwan's (ROC)")).map((t) => t.text),
    ["the", "u", ".", "s", ".", "taiwan", "ties", ",", "taiwan", "'", "s", "(", "roc", ")"],
  );
});

test("variants: no leading 'the', Saint/St/St., and/&", () => {
  assert.deepEqual(variants("the Saint Kitts and Nevis").sort(), [
    "Saint Kitts & Nevis",
    "Saint Kitts and Nevis",
    "St Kitts & Nevis",
    "St Kitts and Nevis",
    "St. Kitts & Nevis",
    "St. Kitts and Nevis",
  ]);
});

test("dates: partial dates as ranges of days", () => {
  assert.equal(firstDay("2020"), "2020-01-01");
  assert.equal(lastDay("2020-02"), "2020-02-31");
  assert.equal(isRealDay("2023-02-29"), false);
  assert.equal(isRealDay("2024-02-29"), true);
  assert.equal(compareLoose("2020", "2020-05-01"), 0);
  assert.equal(compareLoose("2019-12", "2020"), -1);
  assert.equal(rangesMeet("2010-01", "2019-05-01", "2019-05-01", "2019-05-01"), true);
  assert.equal(rangesMeet("2010-01", "2019-05-01", "2019-05-02", "2019-05-02"), false);
  assert.equal(rangesMeet("2020", null, "2030-01-01", "2030-01-01"), true);
});
