// Every input format through the same stage, each checked for content, metadata and offsets.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { fixture } from "../support/shared.ts";
import { readFile, spanWords } from "../support/read.ts";
import type { Article } from "../../src/store/types.ts";

function assertOffsets(a: Article): void {
  fc.assert(
    fc.property(fc.nat({ max: a.cleaned.length }), fc.nat({ max: 300 }), (start, len) => {
      const end = Math.min(a.cleaned.length, start + len);
      const { cleaned, original } = spanWords(a, start, end);
      // A span may cut a word at its edges; the words inside must be the same.
      assert.deepEqual(original.slice(1, -1), cleaned.slice(1, -1));
    }),
    { numRuns: 200 },
  );
}

test("HTML: readability keeps the article and drops menus, cookie banner, sidebar, share bar, comments, footer", async () => {
  const { articles } = await readFile(fixture("ingest", "panama.html"));
  assert.equal(articles.length, 1);
  const a = articles[0];
  assert.match(a.cleaned, /Panama broke off diplomatic relations with Taiwan on Monday/);
  assert.match(a.cleaned, /anger & regret/);
  for (const junk of [
    /cookies/,
    /Most read/,
    /Markets slide/,
    /Share this/,
    /Leave a comment/,
    /All rights reserved/,
    /not text/,
    /color: red/,
  ]) {
    assert.doesNotMatch(a.cleaned, junk);
  }
  assert.equal(a.published, "2017-06-13");
  assert.equal(a.dateSource, "metadata");
  assert.equal(a.url, "https://www.reuters.com/article/us-panama-china-idUSKBN1950DA");
  assert.equal(a.original.slice(0, 15), "<!doctype html>");
  const at = a.cleaned.indexOf("President Juan Carlos Varela");
  const { original } = spanWords(a, at, at + 28);
  assert.deepEqual(original, ["President", "Juan", "Carlos", "Varela"]);
  assertOffsets(a);
});

test("JSON Lines: one article per good line, one problem per bad line", async () => {
  const { articles, problems } = await readFile(fixture("ingest", "wire.jsonl"));
  assert.deepEqual(
    articles.map((a) => [a.published, a.title]),
    [
      ["2018-08-21", "El Salvador switches recognition to Beijing"],
      ["2018-05-24", "Burkina Faso cuts ties with Taiwan"],
    ],
  );
  assert.deepEqual(
    problems.map((p) => p.where),
    ["line 3", "line 4"],
  );
  assert.match(problems[1].why, /no "text" or "html"/);
  for (const a of articles) assertOffsets(a);
});

test("RSS: one article per item, HTML descriptions turned into text, dates from pubDate", async () => {
  const { articles } = await readFile(fixture("ingest", "feed.xml"));
  assert.equal(articles.length, 2);
  assert.equal(articles[0].published, "2019-09-16");
  assert.equal(articles[0].outlet, "Pacific Wire");
  assert.match(articles[0].cleaned, /^The Solomon Islands cabinet voted on Monday/);
  assert.doesNotMatch(articles[0].cleaned, /<p>/);
  assert.equal(
    articles[1].url,
    "https://www.rnz.co.nz/international/pacific-news/399084/kiribati-cuts-ties-with-taiwan",
  );
  for (const a of articles) assertOffsets(a);
});

test("Atom: entries with link href, published, HTML content", async () => {
  const { articles } = await readFile(fixture("ingest", "atom.xml"));
  assert.equal(articles.length, 1);
  assert.equal(articles[0].published, "2021-12-10");
  assert.match(articles[0].url!, /nicaragua-breaks-ties/);
  assert.match(articles[0].cleaned, /Nicaragua broke diplomatic relations with Taiwan on Thursday/);
});

test("Markdown: front matter, markup removed from the text, offsets into the Markdown as read", async () => {
  const { articles } = await readFile(fixture("ingest", "nauru.md"));
  const a = articles[0];
  assert.equal(a.published, "2024-01-15");
  assert.doesNotMatch(a.cleaned, /[*#]|\]\(/);
  assert.match(a.cleaned, /island nation of\s+Nauru\s+said on Monday/);
  assertOffsets(a);
});

test("Latin-1 text is decoded, not rejected", async () => {
  const { articles } = await readFile(fixture("ingest", "latin1.txt"));
  assert.match(articles[0].cleaned, /Asunción/);
  assert.match(articles[0].cleaned, /rompió relaciones con Taiwán/);
});
