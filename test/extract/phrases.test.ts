// A phrase set answers as trying every phrase at every word would.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { cueTokens } from "../../src/extract/lexicon.ts";
import { phraseSet, phrasesOf } from "../../src/extract/phrases.ts";

const WORDS = ["such", "as", "will", "not", "ruled", "out", "n't", "a"];

const naive = (phrases: string[], words: string[]): boolean =>
  phrases.map(cueTokens).some((p) => words.some((_, i) => p.every((w, k) => words[i + k] === w)));

test("phrases: the set finds a phrase exactly when the naive scan does", () => {
  const phrase = fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }).map((w) => w.join(" "));
  fc.assert(
    fc.property(
      fc.array(phrase, { maxLength: 6 }),
      fc.array(fc.constantFrom(...WORDS), { maxLength: 10 }),
      (phrases, words) => {
        assert.equal(phraseSet(phrases).inWords(words), naive(phrases, words));
      },
    ),
    { numRuns: 2000 },
  );
});

test("phrases: a list is compiled once", () => {
  const list = ["such as", "will"];
  assert.equal(phrasesOf(list), phrasesOf(list));
  assert.ok(phrasesOf(list).inWords(["cities", "such", "as"]));
  assert.ok(!phrasesOf(list).inWords(["such", "a"]));
});
