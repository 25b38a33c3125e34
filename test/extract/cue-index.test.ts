// The cue index finds exactly the cues a scan of every cue at every token would, in the same order.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { type CueIndex, indexCues } from "../../src/extract/cue-index.ts";
import { findCues } from "../../src/extract/cues.ts";
import { type Cue, type CueToken, type Lexicon, type Rule, loadLexicon } from "../../src/extract/lexicon.ts";
import type { Token } from "../../src/text/sentences.ts";

const WORDS = ["a", "ab", "abc", "b", "ba", "bab", "'s", "’s", "c"];
const PREFIXES = ["", "a", "ab", "b", "ba", "c"];

const rule = (id: string, type: Rule["type"]): Rule => ({
  id,
  type,
  cues: ["x"],
  source: "before",
  target: "after",
  plover: ["X", null],
});
const RULES = [rule("t/one", "VISIT"), rule("t/two", "VISIT"), rule("t/three", "MEET")];

const cueToken: fc.Arbitrary<CueToken> = fc.oneof(
  fc.constantFrom(...WORDS).map((value): CueToken => ({ kind: "word", value })),
  fc.constantFrom(...PREFIXES).map((value): CueToken => ({ kind: "prefix", value })),
  fc.constant<CueToken>({ kind: "gap" }),
);
const cueList = fc.array(
  fc.record({
    rule: fc.constantFrom(...RULES),
    tokens: fc.array(cueToken, { minLength: 1, maxLength: 3 }),
  }),
  { maxLength: 12 },
);
const tokenList = fc.array(fc.constantFrom(...WORDS, "d", "abcd"), { maxLength: 14 });

const cuesOf = (list: Array<{ rule: Rule; tokens: CueToken[] }>): Cue[] =>
  list.map((c, i) => ({ ...c, phrase: `cue ${i}` }));

/** The naive search: every cue tried at every token, literal first words before the rest. */
function scanAll(cues: readonly Cue[]): CueIndex {
  const first = (c: Cue, norm: string): boolean => {
    const t = c.tokens[0];
    if (t.kind === "word") return t.value === norm || (t.value === "'s" && norm === "’s");
    return t.kind === "gap" || norm.startsWith(t.value);
  };
  return {
    startingAt: (norm) => [
      ...cues.filter((c) => c.tokens[0].kind === "word" && first(c, norm)),
      ...cues.filter((c) => c.tokens[0].kind !== "word" && first(c, norm)),
    ],
  };
}

const tokens = (words: string[]): Token[] =>
  words.map((w, i) => ({ text: w, norm: w, start: i * 6, end: i * 6 + w.length, negated: false }));

const lexiconWith = (cues: CueIndex): Lexicon => ({ ...loadLexicon(), cues });

test("cue index: the cues that can start at a token, as the naive scan finds them", () => {
  fc.assert(
    fc.property(cueList, fc.constantFrom(...WORDS, "d", "abcd"), (list, norm) => {
      const cues = cuesOf(list);
      assert.deepEqual(indexCues(cues).startingAt(norm), scanAll(cues).startingAt(norm));
    }),
    { numRuns: 2000 },
  );
});

test("cue index: findCues through the index equals findCues trying every cue", () => {
  const base = loadLexicon();
  fc.assert(
    fc.property(cueList, tokenList, (list, words) => {
      const cues = cuesOf(list);
      const toks = tokens(words);
      const indexed = findCues(toks, { ...base, cues: indexCues(cues) });
      const naive = findCues(toks, { ...base, cues: scanAll(cues) });
      assert.deepEqual(indexed, naive);
    }),
    { numRuns: 1000 },
  );
});

test("cue index: the project's lexicon finds a prefix cue and a literal one", () => {
  const lexicon = lexiconWith(loadLexicon().cues);
  const found = findCues(tokens("x severed ties and met with y".split(" ")), lexicon).map(
    (m) => m.cue.phrase,
  );
  assert.ok(found.includes("sever* ties"), found.join(", "));
  assert.ok(
    found.some((p) => p.startsWith("met")),
    found.join(", "),
  );
});
