// Folding and tokens: text → lower case without accents, with a map back to the original offsets, cut into
// the tokens the gazetteer walks. Whitespace and hyphens/dashes separate tokens; every other punctuation
// character is a token of its own, so "U.S." is [u . s .] and "Taiwan's" is [taiwan ' s].

export interface Folded {
  /** The folded text. */
  text: string;
  /** For each folded character, the offset of the original character it came from. */
  origin: Int32Array;
  /** Length of the original text (the end of the last character). */
  originalLength: number;
}

export interface Token {
  /** Folded text of the token. */
  text: string;
  /** Offsets in the folded text. */
  start: number;
  end: number;
  word: boolean;
}

const APOSTROPHES = "\u2019\u2018\u02bc\u02bb\u0060\u00b4\u2032";
const DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d";
/** Letters that NFD does not decompose. */
const SPECIAL: Record<string, string> = {
  ø: "o",
  ł: "l",
  đ: "d",
  æ: "ae",
  œ: "oe",
  ß: "ss",
  ı: "i",
  ð: "d",
  þ: "th",
};

const cache = new Map<string, string>();

/** The folded form of one non-ASCII character (a code point). */
function foldChar(ch: string): string {
  let f = cache.get(ch);
  if (f !== undefined) return f;
  if (APOSTROPHES.includes(ch)) f = "'";
  else if (DASHES.includes(ch)) f = "-";
  else if (/\s/u.test(ch)) f = " ";
  else {
    const lower = ch.toLowerCase();
    f = SPECIAL[lower] ?? lower.normalize("NFD").replace(/\p{M}/gu, "");
  }
  cache.set(ch, f);
  return f;
}

/** Folds case and accents, keeping the original offset of every folded character. ASCII runs go in one piece. */
export function fold(text: string): Folded {
  const out: string[] = [];
  const origin = new Int32Array(text.length * 2 + 4);
  let n = 0;
  let i = 0;
  while (i < text.length) {
    const start = i;
    while (i < text.length && text.charCodeAt(i) < 128) origin[n++] = i++;
    if (i > start) out.push(text.slice(start, i).toLowerCase());
    if (i >= text.length) break;
    const width = text.codePointAt(i)! > 0xffff ? 2 : 1;
    const f = foldChar(text.slice(i, i + width));
    for (let k = 0; k < f.length; k++) origin[n++] = i;
    out.push(f);
    i += width;
  }
  const folded = out.join("");
  return { text: folded, origin: origin.subarray(0, folded.length), originalLength: text.length };
}

/** Folds a name or a query the same way as text (no offsets kept). */
export function foldName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(name) ? name.toLowerCase() : fold(name).text;
}

/** Maps a [start, end) range of the folded text back to the original. */
export function toOriginal(f: Folded, start: number, end: number): { start: number; end: number } {
  const s = f.origin[start];
  const e = end < f.text.length ? f.origin[end] : f.originalLength;
  return { start: s, end: e > s ? e : s + 1 };
}

const isAsciiWord = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const WORD = /[\p{L}\p{N}]/u;

function isWordChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return isAsciiWord(c) || (c >= 65 && c <= 90);
  return WORD.test(s[i]);
}

function isSeparator(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c === 32 || c === 45 || (c < 128 ? c <= 32 : /\s/u.test(s[i]));
}

/** Cuts folded text into word tokens and single-character punctuation tokens. */
export function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    if (isWordChar(s, i)) {
      const start = i;
      while (i < s.length && isWordChar(s, i)) i++;
      tokens.push({ text: s.slice(start, i), start, end: i, word: true });
    } else if (isSeparator(s, i)) {
      i++;
    } else {
      tokens.push({ text: s[i], start: i, end: i + 1, word: false });
      i++;
    }
  }
  return tokens;
}

/** The token texts of a name, folded: the key the gazetteer stores it under. */
export function nameTokens(name: string): string[] {
  return tokenize(foldName(name)).map((t) => t.text);
}
