// Cues indexed by how they begin, so each token looks up only the cues that can start at it: a literal first
// word through a map, a prefix first word ("sever*") through a letter trie walked along the token once.
import type { Cue } from "./lexicon.ts";

export interface CueIndex {
  /** The cues whose first token matches `norm`: literal ones, then prefix ones, each in lexicon order. */
  startingAt(norm: string): readonly Cue[];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Prefix cues whose first token ends at this letter, with their place in the lexicon. */
  cues: Array<{ cue: Cue; order: number }>;
}

const NONE: readonly Cue[] = [];
const MEMO_LIMIT = 50_000;
const node = (): TrieNode => ({ next: new Map(), cues: [] });

export function indexCues(cues: readonly Cue[]): CueIndex {
  const literal = new Map<string, Cue[]>();
  const root = node();
  cues.forEach((cue, order) => {
    const first = cue.tokens[0];
    if (first?.kind === "word") {
      // "'s" in a cue also matches the typographic "’s" of the text.
      for (const key of first.value === "'s" ? ["'s", "’s"] : [first.value])
        literal.set(key, [...(literal.get(key) ?? []), cue]);
    } else if (first) {
      // A gap first matches at every token, as an empty prefix would: both sit at the root.
      let at = root;
      for (const ch of first.kind === "prefix" ? first.value : "") {
        let child = at.next.get(ch);
        if (!child) at.next.set(ch, (child = node()));
        at = child;
      }
      at.cues.push({ cue, order });
    }
  });
  // Words recur: each one's answer is kept (up to a bound, so a long run's vocabulary cannot grow it forever).
  const memo = new Map<string, readonly Cue[]>();
  const lookUp = (norm: string): readonly Cue[] => {
    const words = literal.get(norm) ?? NONE;
    let prefixed: Array<{ cue: Cue; order: number }> | null = null;
    let at: TrieNode | undefined = root;
    for (let i = 0; i < norm.length; i++) {
      at = at.next.get(norm[i]);
      if (!at) break;
      if (at.cues.length) prefixed = prefixed ? [...prefixed, ...at.cues] : at.cues;
    }
    // Cues at the root (an empty prefix, a leading gap) match every token.
    if (root.cues.length) prefixed = [...root.cues, ...(prefixed ?? [])];
    if (!prefixed) return words;
    const ordered = prefixed.length > 1 ? [...prefixed].sort((a, b) => a.order - b.order) : prefixed;
    return [...words, ...ordered.map((p) => p.cue)];
  };
  return {
    startingAt(norm) {
      let cues = memo.get(norm);
      if (cues === undefined) {
        if (memo.size >= MEMO_LIMIT) memo.clear();
        memo.set(norm, (cues = lookUp(norm)));
      }
      return cues;
    },
  };
}
