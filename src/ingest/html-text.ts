// The visible text of an HTML source with, for every character, its offset in the source — so text a
// readability library extracted can be pointed back into the page as it was read.
import { decodeHTML } from "entities";

export interface VisibleText {
  text: string;
  /** pos[i] is the source offset of text[i]. */
  pos: Int32Array;
}

const SKIP_CONTENT = /^(script|style|noscript|template|svg|head)$/i;
// A tag's name cannot give characters back to its attributes (the lookahead), and an attribute runs to the
// next "<" at most: so a page of "<a<a<a…" or "</a:-:-:-…" without a ">" is read in linear time.
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<(\/?[a-zA-Z][\w:-]*)(?![\w:-])(?:[^<>"']|"[^"]*"|'[^']*')*>|&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[a-zA-Z][a-zA-Z\d]{1,31});/g;

export function visibleText(html: string): VisibleText {
  const chars: string[] = [];
  const pos: number[] = [];
  let lastSpace = true;
  const push = (c: string, at: number): void => {
    if (/\s/.test(c)) {
      if (lastSpace) return;
      chars.push(" ");
      pos.push(at);
      lastSpace = true;
      return;
    }
    chars.push(c);
    pos.push(at);
    lastSpace = false;
  };
  let i = 0;
  let skipUntil: string | null = null;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    if (!skipUntil) for (let k = i; k < m.index; k++) push(html[k], k);
    i = m.index + m[0].length;
    const tag = m[1];
    if (tag) {
      const name = tag.replace(/^\//, "").toLowerCase();
      if (skipUntil) {
        if (tag.startsWith("/") && name === skipUntil) skipUntil = null;
        continue;
      }
      if (!tag.startsWith("/") && SKIP_CONTENT.test(name) && !m[0].endsWith("/>")) skipUntil = name;
      push(" ", m.index); // tags separate words often enough; extra spaces collapse
    } else if (m[0].startsWith("&") && !skipUntil) {
      for (const c of decodeHTML(m[0])) push(c, m.index);
    }
  }
  if (!skipUntil) for (let k = i; k < html.length; k++) push(html[k], k);
  return { text: chars.join(""), pos: Int32Array.from(pos) };
}

/** Normalises white space the way visibleText does, for matching extracted block text against it. */
export const squash = (s: string): string => s.replace(/\s+/g, " ").trim();

/** Elements that never hold content, so never deepen the tree. */
const VOID =
  /^(area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr|basefont|bgsound|frame|keygen)$/i;
/** Elements a new one of the same name closes, as an HTML parser would ("<p>a<p>b"). */
const IMPLIED_END = /^(p|li|dt|dd|tr|td|th|option)$/i;

/**
 * The copy of a page that readability and the DOM read: tags nested deeper than `maxDepth` are dropped (their
 * text stays, in the ancestor at that depth) and long runs of white space are cut to one space. Readability
 * walks the tree recursively, in time that grows with the square of the depth, and slows on long blank text
 * nodes: a page nested 100,000 deep would stop it. Browsers flatten too (Chromium stops nesting at 512). The
 * copy is only read for its text, which is then found in the page as read, so offsets are not affected.
 */
export function domCopy(html: string, maxDepth: number): { html: string; depth: number; dropped: number } {
  const stack: string[] = [];
  /** Tags opened past the limit and not yet closed, by name: their end tags are dropped too. */
  const deep = new Map<string, number>();
  const cuts: Array<[number, number]> = [];
  let depth = 0;
  let skipUntil: string | null = null;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const tag = m[1];
    if (!tag) continue;
    const closing = tag.startsWith("/");
    const name = (closing ? tag.slice(1) : tag).toLowerCase();
    if (skipUntil) {
      if (closing && name === skipUntil) skipUntil = null;
      continue;
    }
    if (closing) {
      const open = deep.get(name) ?? 0;
      if (open > 0) {
        deep.set(name, open - 1);
        cuts.push([m.index, m.index + m[0].length]);
        continue;
      }
      // Closes the nearest open element of its name (and the ones left open inside it), if any is near.
      for (let k = stack.length - 1; k >= Math.max(0, stack.length - 64); k--) {
        if (stack[k] === name) {
          stack.length = k;
          break;
        }
      }
      continue;
    }
    if (SKIP_CONTENT.test(name) && !m[0].endsWith("/>")) skipUntil = name;
    if (VOID.test(name) || m[0].endsWith("/>") || skipUntil) continue;
    if (IMPLIED_END.test(name) && stack[stack.length - 1] === name) stack.pop();
    if (stack.length >= maxDepth) {
      deep.set(name, (deep.get(name) ?? 0) + 1);
      cuts.push([m.index, m.index + m[0].length]);
      continue;
    }
    stack.push(name);
    depth = Math.max(depth, stack.length);
  }
  const parts: string[] = [];
  let at = 0;
  for (const [a, b] of cuts) {
    parts.push(html.slice(at, a), " ");
    at = b;
  }
  parts.push(html.slice(at));
  const flat = cuts.length ? parts.join("") : html;
  return { html: flat.replace(LONG_SPACE, " "), depth, dropped: cuts.length };
}

/** White space of 256 characters or more; the lookbehind starts a match only where a run starts. */
const LONG_SPACE = /(?<!\s)\s{256,}/g;
