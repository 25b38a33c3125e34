// Finds every cue of every rule in a sentence's tokens in one pass (cue-index.ts: only cues that can start at a token).
import type { Token } from "../text/sentences.ts";
import type { Cue, CueToken, Lexicon } from "./lexicon.ts";

export interface CueMatch {
  cue: Cue;
  /** Token indexes in the sentence, end exclusive. */
  first: number;
  end: number;
}

const GAP = 6;

function tokenMatches(t: Token, c: CueToken): boolean {
  if (c.kind === "word") return t.norm === c.value || (c.value === "'s" && t.norm === "’s");
  if (c.kind === "prefix") return t.norm.startsWith(c.value);
  return false;
}

/** Matches one cue starting at token i; returns the end index or -1. */
function matchAt(tokens: Token[], i: number, cue: CueToken[], k = 0): number {
  if (k === cue.length) return i;
  const c = cue[k];
  if (c.kind === "gap") {
    for (let skip = 0; skip <= GAP && i + skip <= tokens.length; skip++) {
      const end = matchAt(tokens, i + skip, cue, k + 1);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (i >= tokens.length || !tokenMatches(tokens[i], c)) return -1;
  return matchAt(tokens, i + 1, cue, k + 1);
}

/** All cue matches; where two of one type overlap, the longer one stands. */
export function findCues(tokens: Token[], lexicon: Lexicon): CueMatch[] {
  const found: CueMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const cue of lexicon.cues.startingAt(tokens[i].norm)) {
      const end = matchAt(tokens, i, cue.tokens);
      if (end > i) found.push({ cue, first: i, end });
    }
  }
  found.sort((a, b) => b.end - b.first - (a.end - a.first));
  const kept: CueMatch[] = [];
  for (const m of found) {
    // The same words may serve two rules of one type whose conditions differ; each decides for itself.
    const sameSpanOtherRule = (k: CueMatch): boolean =>
      k.first === m.first && k.end === m.end && k.cue.rule !== m.cue.rule;
    const overlaps = kept.some(
      (k) =>
        k.first < m.end &&
        m.first < k.end &&
        !sameSpanOtherRule(k) &&
        (k.cue.rule.type === m.cue.rule.type || k.end - k.first > 1),
    );
    if (!overlaps) kept.push(m);
  }
  return kept.sort((a, b) => a.first - b.first);
}
