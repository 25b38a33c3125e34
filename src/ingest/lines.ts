// Lines of a text with their offsets; the unit every cleaning rule looks at.

export interface Line {
  start: number;
  end: number;
  /** The line with surrounding white space trimmed. */
  text: string;
  /** Offset of the trimmed text. */
  textStart: number;
}

export function splitLines(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  let pos = from;
  while (pos <= to) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0 || nl > to) nl = to;
    const raw = text.slice(pos, nl);
    const lead = raw.length - raw.trimStart().length;
    lines.push({ start: pos, end: nl, text: raw.trim(), textStart: pos + lead });
    if (nl >= to) break;
    pos = nl + 1;
  }
  return lines;
}

/** Whether a UTF-16 code unit is white space as a regular expression's \s means it. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    (c >= 0x80 &&
      (c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff))
  );
}

/** Runs of non-space characters (as /\S+/g finds them), counted without building them: every line is
 * measured several times while a page is cleaned. */
export function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = isSpace(s.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
