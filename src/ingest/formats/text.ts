// Plain text and Markdown pages, with optional front matter (PRODUCT.md, "Fixed interfaces").
import { parseFrontMatter, parseIsoDate } from "../frontmatter.ts";
import { dropMasked } from "../offsets.ts";
import { cleanPage } from "../page.ts";
import type { PageMeta, PageResult } from "./types.ts";

const SOURCE_LINE =
  /^(?:source|url|originally published (?:at|in)|read the original(?: at)?)\s*:\s*(https?:\/\/\S+)\s*$/im;

function metaFrom(text: string): { meta: PageMeta; bodyStart: number } {
  const fm = parseFrontMatter(text);
  const meta: PageMeta = {
    url: fm?.url || SOURCE_LINE.exec(text.slice(fm?.bodyStart ?? 0))?.[1] || null,
    title: fm?.title || null,
    outlet: fm?.source || null,
    publishedRaw: null,
  };
  const d = fm?.date ? parseIsoDate(fm.date) : null;
  if (d) meta.date = { ...d, source: "front_matter", confidence: 1 };
  return { meta, bodyStart: fm?.bodyStart ?? 0 };
}

export function readText(text: string): PageResult {
  const { meta, bodyStart } = metaFrom(text);
  const page = cleanPage(text, bodyStart, meta.title);
  return { original: text, ...page, meta };
}

/**
 * Markdown: the markup is blanked out with spaces of the same length, so the cleaner works on plain words
 * while every offset still points into the Markdown as read.
 */
export function readMarkdown(text: string): PageResult {
  const { meta, bodyStart } = metaFrom(text);
  const blank = (m: string): string => " ".repeat(m.length);
  const body = text
    .slice(bodyStart)
    .replace(/^[ \t]{0,3}(#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+\.[ \t]+)/gm, blank)
    .replace(/^[ \t]*([-*_][ \t]*){3,}$/gm, blank)
    .replace(
      // Neither part holds a bracket: each "[" starts at most one scan, so "[[[[…" is read in linear time.
      /!?\[([^[\]\n]*)\]\(([^()[\]\n]*)\)/g,
      (m, label: string) => ` ${label}${" ".repeat(m.length - label.length - 1)}`,
    )
    .replace(
      /(\*\*|__|\*|_|`)(?=\S)([^*_`\n]+?)(?<=\S)\1/g,
      (m, mark: string, inner: string) => blank(mark) + inner + blank(mark),
    );
  const masked = text.slice(0, bodyStart) + body;
  const page = cleanPage(masked, bodyStart, meta.title);
  // The blanked markup is then left out of the cleaned text, so every kept character is the Markdown's own.
  const isMarkup = (pos: number): boolean => masked[pos] === " " && text[pos] !== " ";
  const strip = (s: typeof page.main): typeof page.main => ({
    ...s,
    ...dropMasked(s.cleaned, s.offsets, isMarkup),
  });
  return { original: text, ...page, main: strip(page.main), secondary: page.secondary.map(strip), meta };
}
