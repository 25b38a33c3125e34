// One input (a file's text) → the articles it holds, each with id, dates and offsets, ready to store.
import { createHash } from "node:crypto";
import { extname } from "node:path";
import * as chrono from "chrono-node";
import type { Article, DatePrecision, DateSource } from "../store/types.ts";
import { InputError } from "./decode.ts";
import { readHtml } from "./formats/html.ts";
import { type RecordProblem, readFeed, readJsonLines } from "./formats/records.ts";
import { readMarkdown, readText } from "./formats/text.ts";
import type { PageResult } from "./formats/types.ts";
import { MAX_ARTICLE_CHARS, tooLong } from "./limits.ts";

export type Format = "text" | "markdown" | "html" | "jsonl" | "feed";

export function detectFormat(name: string, text: string): Format {
  const ext = extname(name).toLowerCase();
  const head = text.slice(0, 512).trimStart().toLowerCase();
  if (ext === ".jsonl" || ext === ".ndjson") return "jsonl";
  if (ext === ".rss" || ext === ".atom" || /^(<\?xml[^>]*>\s*)?<(rss|feed|rdf:rdf)\b/.test(head))
    return "feed";
  if (ext === ".html" || ext === ".htm" || ext === ".xhtml" || /^(<!doctype html|<html\b)/.test(head))
    return "html";
  if (ext === ".md" || ext === ".markdown") return "markdown";
  if (ext === ".xml") return "feed";
  return "text";
}

export interface ReadResult {
  articles: Article[];
  problems: RecordProblem[];
}

const hashId = (text: string): string => createHash("sha256").update(text).digest("hex").slice(0, 16);

function metadataDate(raw: string | null): { date: string; precision: DatePrecision } | null {
  if (!raw) return null;
  const ms = Date.parse(raw);
  const d = Number.isNaN(ms) ? chrono.parseDate(raw) : new Date(ms);
  if (!d || Number.isNaN(d.getTime())) return null;
  return { date: d.toISOString().slice(0, 10), precision: "day" };
}

function pageDate(page: PageResult): {
  published: string | null;
  datePrecision: DatePrecision | null;
  dateSource: DateSource;
  dateConfidence: number;
} {
  if (page.meta.date) {
    const d = page.meta.date;
    return {
      published: d.date,
      datePrecision: d.precision,
      dateSource: d.source,
      dateConfidence: d.confidence,
    };
  }
  const m = metadataDate(page.meta.publishedRaw);
  if (m)
    return { published: m.date, datePrecision: m.precision, dateSource: "metadata", dateConfidence: 0.95 };
  if (page.found) {
    const f = page.found;
    return {
      published: f.date,
      datePrecision: f.precision,
      dateSource: f.source,
      dateConfidence: f.confidence,
    };
  }
  return { published: null, datePrecision: null, dateSource: "unknown", dateConfidence: 0 };
}

function toArticles(page: PageResult, sourceName: string, format: Format): Article[] {
  if (!page.main.cleaned.trim()) return [];
  const date = pageDate(page);
  const main: Article = {
    id: hashId(page.main.cleaned),
    url: page.meta.url,
    title: page.meta.title ?? page.main.title,
    outlet: page.meta.outlet,
    ...date,
    original: page.original,
    cleaned: page.main.cleaned,
    offsets: page.main.offsets,
    role: "main",
    parentId: null,
    sourceName,
    format,
  };
  // A secondary story is never given the page's date: the page does not say when it was published.
  const secondary = page.secondary.map((s): Article => ({
    id: hashId(s.cleaned),
    url: null,
    title: s.title,
    outlet: s.outlet,
    published: null,
    datePrecision: null,
    dateSource: "unknown",
    dateConfidence: 0,
    original: page.original,
    cleaned: s.cleaned,
    offsets: s.offsets,
    role: "secondary",
    parentId: main.id,
    sourceName,
    format,
  }));
  return [main, ...secondary];
}

/** A text or Markdown file is one page: refused whole, before any cleaning, when it is longer than an article. */
function oneArticle(text: string): string {
  if (text.length > MAX_ARTICLE_CHARS) throw new InputError(tooLong(text.length, "text in one page"));
  return text;
}

/** Reads one decoded input; never throws for a bad record inside it (those become problems). */
export async function readDocument(name: string, text: string): Promise<ReadResult> {
  const format = detectFormat(name, text);
  const problems: RecordProblem[] = [];
  let pages: PageResult[];
  switch (format) {
    case "jsonl":
      pages = await readJsonLines(text, problems);
      break;
    case "feed":
      pages = await readFeed(text, problems);
      break;
    case "html":
      pages = [await readHtml(text)];
      break;
    case "markdown":
      pages = [readMarkdown(oneArticle(text))];
      break;
    default:
      pages = [readText(oneArticle(text))];
  }
  const articles = pages.flatMap((p) => toArticles(p, name, format));
  if (articles.length === 0 && problems.length === 0)
    problems.push({ where: "", why: "no article text found" });
  return { articles, problems };
}
