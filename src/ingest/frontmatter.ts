// Front matter as PRODUCT.md fixes it: `Key: value` lines (URL, DATE, TITLE, SOURCE) ended by a blank line.

export interface FrontMatter {
  url?: string;
  date?: string;
  title?: string;
  source?: string;
  /** Offset in the text where the body starts. */
  bodyStart: number;
}

const KEYS: Record<string, keyof Omit<FrontMatter, "bodyStart">> = {
  url: "url",
  date: "date",
  title: "title",
  source: "source",
};
/** A key and its colon; the value is the rest of the line, trimmed by hand (a regex that trims both ends of a
 * lazy value backtracks in cubic time on a line of tabs). */
const KEY = /^([A-Za-z]+):/;

const isBlank = (c: string): boolean => c === " " || c === "\t";

function trimBlanks(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isBlank(s[a])) a++;
  while (b > a && isBlank(s[b - 1])) b--;
  return s.slice(a, b);
}

/** Reads front matter at the top of a text; null when the text has none. */
export function parseFrontMatter(text: string): FrontMatter | null {
  const fm: FrontMatter = { bodyStart: 0 };
  let pos = 0;
  let keys = 0;
  while (pos < text.length) {
    const nl = text.indexOf("\n", pos);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(pos, lineEnd).replace(/\r$/, "");
    const next = nl < 0 ? text.length : nl + 1;
    if (line.trim() === "") {
      if (keys === 0) return null;
      fm.bodyStart = next;
      return fm;
    }
    const m = KEY.exec(line);
    const key = m ? KEYS[m[1].toLowerCase()] : undefined;
    if (!m || !key) return keys > 0 ? { ...fm, bodyStart: pos } : null;
    fm[key] = trimBlanks(line.slice(m[0].length));
    keys++;
    pos = next;
  }
  return keys > 0 ? { ...fm, bodyStart: text.length } : null;
}

/** A front-matter DATE: YYYY-MM-DD, YYYY-MM or YYYY. */
export function parseIsoDate(value: string): { date: string; precision: "day" | "month" | "year" } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d] = m;
  if (mo && (+mo < 1 || +mo > 12)) return null;
  if (d) {
    const dt = new Date(Date.UTC(+y, +mo - 1, +d));
    if (dt.getUTCDate() !== +d) return null;
    return { date: `${y}-${mo}-${d}`, precision: "day" };
  }
  return mo ? { date: `${y}-${mo}`, precision: "month" } : { date: y, precision: "year" };
}
