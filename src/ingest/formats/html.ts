// HTML pages: main content by Defuddle (a readability library) on a linkedom document, then each block's
// text located in the page source so evidence offsets point into the page as read.
import { boilerplateRule } from "../boilerplate.ts";
import { InputError } from "../decode.ts";
import { domCopy, squash, visibleText } from "../html-text.ts";
import { MAX_ARTICLE_CHARS, MAX_HTML_DEPTH, tooLong } from "../limits.ts";
import { CleanTextBuilder } from "../offsets.ts";
import type { PageResult } from "./types.ts";

// Loaded with the first page: the two libraries take a third of a second to load, and most inputs are text
// (every ingest worker would pay for them otherwise).
let libraries: Promise<{
  Defuddle: typeof import("defuddle/node").Defuddle;
  parseHTML: typeof import("linkedom").parseHTML;
}> | null = null;
const loadLibraries = () =>
  (libraries ??= Promise.all([import("defuddle/node"), import("linkedom")]).then(([d, l]) => ({
    Defuddle: d.Defuddle,
    parseHTML: l.parseHTML,
  })));

const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, dd, dt";

function blockTexts(parseHTML: (html: string) => { document: Document }, contentHtml: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${contentHtml}</body></html>`);
  const out: string[] = [];
  for (const el of document.querySelectorAll(BLOCKS)) {
    if (el.querySelector(BLOCKS)) continue; // the inner blocks speak for it
    if (el.closest("figcaption, figure")) continue;
    const text = squash(el.textContent ?? "");
    if (text) out.push(text);
  }
  if (out.length === 0) {
    const all = squash(document.body.textContent ?? "");
    if (all) out.push(all);
  }
  return out;
}

function meta(document: Document, selector: string, attr = "content"): string | null {
  return document.querySelector(selector)?.getAttribute(attr)?.trim() || null;
}

/** Extracts the article of an HTML page; `fragment` skips readability (a feed item's HTML is all content). */
export async function readHtml(html: string, fragment = false): Promise<PageResult> {
  const visible = visibleText(html);
  if (visible.text.length > MAX_ARTICLE_CHARS)
    throw new InputError(tooLong(visible.text.length, "visible text"));
  // Readability and the DOM read a copy without too-deep tags; the text they keep is then found in `html`.
  const flat = domCopy(html, MAX_HTML_DEPTH).html;
  const { Defuddle, parseHTML } = await loadLibraries();
  const { document } = parseHTML(flat);
  let content = flat;
  let title: string | null = null;
  let published: string | null = null;
  let outlet: string | null = null;
  let url: string | null = null;
  if (!fragment) {
    const res = await Defuddle(document, undefined, {});
    content = res.content ?? "";
    title = res.title || meta(document, 'meta[property="og:title"]') || null;
    published =
      meta(document, 'meta[property="article:published_time"]') ||
      meta(document, 'meta[name="date"]') ||
      meta(document, "time[datetime]", "datetime") ||
      res.published ||
      null;
    outlet = meta(document, 'meta[property="og:site_name"]') || res.site || null;
    url = meta(document, 'link[rel="canonical"]', "href") || meta(document, 'meta[property="og:url"]');
  }
  const b = new CleanTextBuilder();
  let cursor = 0;
  const dropped: Array<{ rule: string; text: string }> = [];
  for (const block of blockTexts(parseHTML, content)) {
    const why = boilerplateRule(block) ?? (title && squash(title) === block ? "title" : null);
    if (why) {
      dropped.push({ rule: why, text: block });
      continue;
    }
    if (b.length > 0) b.insert("\n");
    let at = visible.text.indexOf(block, cursor);
    if (at < 0) at = visible.text.indexOf(block);
    if (at < 0) {
      b.insert(block); // text the extractor rewrote: kept, but without a place in the source
      continue;
    }
    cursor = at + block.length;
    b.copyMapped(block, visible.pos.subarray(at, at + block.length), html);
  }
  const { cleaned, offsets } = b.build();
  return {
    original: html,
    main: { cleaned, offsets, title, outlet: null },
    secondary: [],
    meta: { url, title, outlet, publishedRaw: published },
    found: null,
    dropped,
  };
}
