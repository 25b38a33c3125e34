// Word lists of short phrases ("such as", "ruled out", "will"), compiled once into a map by first word, so
// asking whether a run of words holds any of them looks up each word instead of trying every phrase.
import { cueTokens } from "./lexicon.ts";

export interface PhraseSet {
  /** True when some phrase occurs in `words` (lower-cased tokens) as consecutive words. */
  inWords(words: readonly string[]): boolean;
}

export function phraseSet(phrases: readonly string[]): PhraseSet {
  const byFirst = new Map<string, string[][]>();
  let empty = false;
  for (const p of phrases.map(cueTokens)) {
    if (p.length === 0) empty = true;
    else byFirst.set(p[0], [...(byFirst.get(p[0]) ?? []), p]);
  }
  return {
    inWords(words) {
      if (empty && words.length > 0) return true; // an empty phrase occurs in any words
      for (let i = 0; i < words.length; i++) {
        const list = byFirst.get(words[i]);
        if (list?.some((p) => p.every((w, k) => words[i + k] === w))) return true;
      }
      return false;
    },
  };
}

const compiled = new WeakMap<readonly string[], PhraseSet>();

/** The phrase set of a list, compiled on first use and kept as long as the list lives. */
export function phrasesOf(list: readonly string[]): PhraseSet {
  let set = compiled.get(list);
  if (!set) compiled.set(list, (set = phraseSet(list)));
  return set;
}
