// JSON Lines of {url,title,date,text|html}, and RSS/Atom feeds: one article per line or item.
import { XMLParser } from "fast-xml-parser";
import { InputError } from "../decode.ts";
import { parseIsoDate } from "../frontmatter.ts";
import { MAX_ARTICLE_CHARS, tooLong } from "../limits.ts";
import { cleanPage } from "../page.ts";
import { readHtml } from "./html.ts";
import type { PageMeta, PageResult } from "./types.ts";

export interface RecordProblem {
  where: string;
  why: string;
}

/** One record's page, or the problem with it (a record too long for an article): the others still count. */
async function fromRecord(
  text: string | null,
  html: string | null,
  meta: PageMeta,
  where: string,
  problems: RecordProblem[],
): Promise<PageResult | null> {
  const length = (html ?? text ?? "").length;
  if (length > MAX_ARTICLE_CHARS) {
    problems.push({ where, why: tooLong(length, html ? "HTML" : "text") });
    return null;
  }
  try {
    return await readRecord(text, html, meta);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    problems.push({ where, why: err.message });
    return null;
  }
}

async function readRecord(text: string | null, html: string | null, meta: PageMeta): Promise<PageResult> {
  if (html) {
    const page = await readHtml(html, true);
    return { ...page, meta: { ...meta, title: meta.title ?? page.meta.title } };
  }
  const body = text ?? "";
  return { original: body, ...cleanPage(body, 0, meta.title), meta };
}

function dateMeta(raw: unknown): Pick<PageMeta, "publishedRaw" | "date"> {
  if (typeof raw !== "string" || raw.trim() === "") return { publishedRaw: null };
  const iso = parseIsoDate(raw);
  return iso
    ? { publishedRaw: raw, date: { ...iso, source: "metadata", confidence: 0.95 } }
    : { publishedRaw: raw };
}

export async function readJsonLines(text: string, problems: RecordProblem[]): Promise<PageResult[]> {
  const out: PageResult[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    let rec: Record<string, unknown>;
    try {
      rec = JSON.parse(line);
    } catch (err) {
      problems.push({ where: `line ${i + 1}`, why: `not JSON (${(err as Error).message})` });
      continue;
    }
    if (typeof rec !== "object" || rec === null || Array.isArray(rec)) {
      problems.push({ where: `line ${i + 1}`, why: "not a JSON object" });
      continue;
    }
    const t = typeof rec.text === "string" ? rec.text : null;
    const h = typeof rec.html === "string" ? rec.html : null;
    if (!t && !h) {
      problems.push({ where: `line ${i + 1}`, why: 'no "text" or "html" field' });
      continue;
    }
    const meta: PageMeta = {
      url: typeof rec.url === "string" ? rec.url : null,
      title: typeof rec.title === "string" ? rec.title : null,
      outlet:
        typeof rec.source === "string" ? rec.source : typeof rec.outlet === "string" ? rec.outlet : null,
      ...dateMeta(rec.date),
    };
    const page = await fromRecord(t, h, meta, `line ${i + 1}`, problems);
    if (page) out.push(page);
  }
  return out;
}

const str = (v: unknown): string | null => {
  if (typeof v === "string") return v.trim() || null;
  if (typeof v === "number") return String(v);
  if (v && typeof v === "object" && "#text" in v) return str((v as Record<string, unknown>)["#text"]);
  return null;
};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** An HTML tag; its body stops at the next "<", so a text of "<a<a<a…" is scanned once. */
const HAS_TAG = /<[a-z][^<>]*>/i;

export async function readFeed(xml: string, problems: RecordProblem[]): Promise<PageResult[]> {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    processEntities: true,
    htmlEntities: true,
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parsed feed is walked defensively below
  let doc: Record<string, any>;
  try {
    doc = parser.parse(xml);
  } catch (err) {
    throw new InputError(`malformed feed XML (${(err as Error).message})`);
  }
  const rssItems = list(doc.rss?.channel?.item ?? doc["rdf:RDF"]?.item);
  const atomEntries = list(doc.feed?.entry);
  const outlet = str(doc.rss?.channel?.title) ?? str(doc.feed?.title);
  const out: PageResult[] = [];
  for (const [i, item] of [...rssItems, ...atomEntries].entries()) {
    const it = item as Record<string, unknown>;
    const links = list(it.link);
    const link =
      str(links[0]) ??
      links.map((l) => (l as Record<string, string> | null)?.["@href"]).find((h) => typeof h === "string") ??
      null;
    const body = str(it["content:encoded"]) ?? str(it.content) ?? str(it.description) ?? str(it.summary);
    if (!body) {
      problems.push({ where: `item ${i + 1}`, why: "no content or description" });
      continue;
    }
    const meta: PageMeta = {
      url: link,
      title: str(it.title),
      outlet,
      ...dateMeta(null),
      publishedRaw: str(it.pubDate) ?? str(it.published) ?? str(it.updated) ?? str(it["dc:date"]),
    };
    const isHtml = HAS_TAG.test(body);
    const page = await fromRecord(
      isHtml ? null : body,
      isHtml ? body : null,
      meta,
      `item ${i + 1}`,
      problems,
    );
    if (page) out.push(page);
  }
  if (rssItems.length + atomEntries.length === 0) throw new InputError("feed has no items");
  return out;
}
