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

export const wordCount = (s: string): number => (s.match(/\S+/g) ?? []).length;
