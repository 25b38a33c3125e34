// Quotations and who said them: "…," X said / X said, "…" / X said that … ; quotes may span sentences.

export interface Quote {
  start: number;
  end: number;
  text: string;
}

const OPEN = "\"“‘'";
const CLOSE: Record<string, string> = { '"': '"', "“": "”", "‘": "’", "'": "'" };

/** Quoted passages of a text (straight and curly, double and single quotes that open at a word start). */
export function findQuotes(text: string): Quote[] {
  const out: Quote[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const opens =
      OPEN.includes(c) &&
      (i === 0 || /[\s(—–-]/.test(text[i - 1])) &&
      /[\p{L}\p{N}(]/u.test(text[i + 1] ?? "");
    if (!opens) {
      i++;
      continue;
    }
    const close = CLOSE[c];
    let j = i + 1;
    // A closing mark is one not followed by a letter (so "didn't" does not close a single-quoted passage).
    while (j < text.length && !(text[j] === close && !/\p{L}/u.test(text[j + 1] ?? ""))) {
      if (text[j] === "\n" && close !== '"' && close !== "”") break;
      j++;
    }
    if (j < text.length && text[j] === close) {
      out.push({ start: i, end: j + 1, text: text.slice(i + 1, j) });
      i = j + 1;
    } else i++;
  }
  return out;
}
