// The gazetteer: every name compiled into one token trie, and findMentions, which folds the text once, cuts
// it into tokens and walks the trie from each word — leftmost-longest, whole tokens only, case checked only
// where a name asks for it (acronyms exactly, capitalized names with a capital). One pass, no regex per name.
import { fold, nameTokens, tokenize, toOriginal, type Folded, type Token } from "./fold.ts";
import type { ResolvedName } from "./names.ts";
import type { Mention } from "./types.ts";

interface Node {
  next: Map<string, Node>;
  /** Names ending here; case-sensitive ones first. */
  names: ResolvedName[] | null;
}

const newNode = (): Node => ({ next: new Map(), names: null });

export class Gazetteer {
  private readonly root = newNode();

  constructor(names: Iterable<ResolvedName>) {
    for (const n of names) this.add(n);
  }

  private add(name: ResolvedName): void {
    let node = this.root;
    for (const t of name.tokens) {
      let next = node.next.get(t);
      if (!next) node.next.set(t, (next = newNode()));
      node = next;
    }
    node.names = [...(node.names ?? []), name].sort(
      (a, b) => Number(b.caseSensitive) - Number(a.caseSensitive),
    );
  }

  /** Every name in the text, leftmost-longest, in text order. */
  findMentions(text: string): Mention[] {
    const folded = fold(text);
    const tokens = tokenize(folded.text);
    const out: Mention[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (!tokens[i].word) continue;
      const hit = this.longestAt(text, folded, tokens, i);
      if (!hit) continue;
      if (hit.name.kind !== null)
        out.push(mention(hit.name, toOriginal(folded, tokens[i].start, tokens[hit.last].end)));
      i = hit.last;
    }
    return out;
  }

  private longestAt(
    text: string,
    folded: Folded,
    tokens: Token[],
    i: number,
  ): { name: ResolvedName; last: number } | null {
    let node: Node | undefined = this.root;
    let best: { name: ResolvedName; last: number } | null = null;
    for (let j = i; j < tokens.length; j++) {
      node = node.next.get(tokens[j].text);
      if (!node) break;
      const name = node.names?.find((n) => caseFits(n, text, folded, tokens, i, j));
      if (name) best = { name, last: j };
    }
    return best;
  }

  /** The names spelled exactly like this (case and accents folded, a leading "the" dropped). */
  lookup(name: string): ResolvedName[] {
    let node: Node | undefined = this.root;
    for (const t of nameTokens(name.replace(/^\s*the\s+/i, ""))) {
      node = node.next.get(t);
      if (!node) return [];
    }
    return node.names ?? [];
  }
}

function mention(n: ResolvedName, span: { start: number; end: number }): Mention {
  const m: Mention = { start: span.start, end: span.end, kind: n.kind!, actor: n.actor };
  if (n.personId) m.personId = n.personId;
  return m;
}

/** Whether the original text at tokens i..j has the case the name asks for. */
function caseFits(
  n: ResolvedName,
  text: string,
  folded: Folded,
  tokens: Token[],
  i: number,
  j: number,
): boolean {
  if (n.caseSensitive) {
    const surface = nameSurface(n);
    for (let k = i; k <= j; k++) {
      const span = toOriginal(folded, tokens[k].start, tokens[k].end);
      if (text.slice(span.start, span.end) !== surface[k - i]) return false;
    }
    return true;
  }
  if (!n.capitalized) return true;
  const first = text[folded.origin[tokens[i].start]];
  return first !== first.toLowerCase();
}

const surfaces = new WeakMap<ResolvedName, string[]>();

/** The name's tokens in their original case ("U", ".", "S", "."). */
function nameSurface(n: ResolvedName): string[] {
  let s = surfaces.get(n);
  if (!s) {
    const f = fold(n.name);
    s = tokenize(f.text).map((t) => {
      const span = toOriginal(f, t.start, t.end);
      return n.name.slice(span.start, span.end);
    });
    surfaces.set(n, s);
  }
  return s;
}
