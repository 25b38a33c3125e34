// The visible text of an HTML source with, for every character, its offset in the source — so text a
// readability library extracted can be pointed back into the page as it was read.
import { decodeHTML } from "entities";

export interface VisibleText {
  text: string;
  /** pos[i] is the source offset of text[i]. */
  pos: Int32Array;
}

const SKIP_CONTENT = /^(script|style|noscript|template|svg|head)$/i;
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<([a-zA-Z][\w:-]*|\/[a-zA-Z][\w:-]*)(?:[^>"']|"[^"]*"|'[^']*')*>|&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[a-zA-Z][a-zA-Z\d]{1,31});/g;

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
