// Quotations and who said them: "…," X said / X said, "…" / X said that … ; quotes may span sentences.

export interface Quote {
  start: number;
  end: number;
  text: string;
}

const CLOSE: Record<string, string> = { '"': '"', "“": "”", "‘": "’", "'": "'" };

/** Quoted passages of a text (straight and curly, double and single quotes that open at a word start). */
export function findQuotes(text: string): Quote[] {
  const out: Quote[] = [];
  const mark = /["“‘']/g; // the marks that open a quote: jump from one to the next
  let i = 0;
  while (i < text.length) {
    mark.lastIndex = i;
    if (!mark.exec(text)) break;
    i = mark.lastIndex - 1;
    const c = text[i];
    const opens = (i === 0 || /[\s(—–-]/.test(text[i - 1])) && /[\p{L}\p{N}(]/u.test(text[i + 1] ?? "");
    if (!opens) {
      i++;
      continue;
    }
    const close = CLOSE[c];
    // A closing mark is one not followed by a letter (so "didn't" does not close a single-quoted passage);
    // a single-quoted passage ends at the line's end.
    const lineEnd = close !== '"' && close !== "”" ? text.indexOf("\n", i + 1) : -1;
    const limit = lineEnd < 0 ? text.length : lineEnd;
    let j = text.indexOf(close, i + 1);
    while (j >= 0 && j < limit && /\p{L}/u.test(text[j + 1] ?? "")) j = text.indexOf(close, j + 1);
    if (j >= 0 && j < limit) {
      out.push({ start: i, end: j + 1, text: text.slice(i + 1, j) });
      i = j + 1;
    } else i++;
  }
  return out;
}
