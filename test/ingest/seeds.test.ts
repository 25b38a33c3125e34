// The founding pages, read as they came (../shared/seeds) and with front matter (../shared/gold/seeds).
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { test } from "node:test";
import { needsShared, sharedPath } from "../support/shared.ts";
import { readFile, spanWords } from "../support/read.ts";

const seed = (name: string): string => sharedPath("seeds", name);

const DATES: Array<[string, string | null, string]> = [
  ["000_79b51ad62d646f1f.txt", null, "unknown"],
  ["001_808c712d3fdb8a67.txt", "2025-04-22", "page_header"],
  ["002_80f7c1a2d5d340f1.txt", "2023-10-29", "dateline"],
  ["003_5acd118906de60e3.txt", "2025-05-23", "dateline"],
];
for (const [file, date, source] of DATES) {
  test(
    `seed ${file}: publication date ${date ?? "unknown"} from ${source}`,
    { skip: needsShared },
    async () => {
      const { articles } = await readFile(seed(file));
      assert.equal(articles[0].published, date);
      assert.equal(articles[0].dateSource, source);
    },
  );
}

test(
  "seeds with front matter take the front matter date, at its precision",
  { skip: needsShared },
  async () => {
    const { articles } = await readFile(sharedPath("gold", "seeds", "000_79b51ad62d646f1f.txt"));
    assert.equal(articles[0].published, "2025-06");
    assert.equal(articles[0].datePrecision, "month");
    assert.equal(articles[0].dateSource, "front_matter");
    assert.equal(articles[0].outlet, "Impact Newswire");
  },
);

const JUNK = [
  /LEAVE A REPLY/,
  /Please enter your/,
  /Popular Articles/,
  /DOWNLOAD THE APP/,
  /app-store/,
  /Subscribe to get/,
  /Discover more from/,
  /Top 5 This Week/,
  /Related Posts/,
  /GABRIEL DOMINGUEZ/,
  /^logo$/m,
  /Try Our AI Features/,
  /No comments yet/,
];

test("seeds: page chrome is gone from every article, the news stays", { skip: needsShared }, async () => {
  for (const file of readdirSync(sharedPath("seeds"))) {
    const { articles } = await readFile(seed(file));
    for (const a of articles)
      for (const junk of JUNK) assert.doesNotMatch(a.cleaned, junk, `${file}: ${junk}`);
  }
  const { articles } = await readFile(seed("003_5acd118906de60e3.txt"));
  assert.match(articles[0].cleaned, /\$240 million loan/);
  assert.match(articles[0].cleaned, /then-Prime Minister Fumio Kishida/);
});

test(
  "seed 003: the sidebar's three stories are secondary articles without the page's date",
  { skip: needsShared },
  async () => {
    const { articles } = await readFile(seed("003_5acd118906de60e3.txt"));
    const [main, ...rest] = articles;
    assert.equal(rest.length, 3);
    for (const s of rest) {
      assert.equal(s.role, "secondary");
      assert.equal(s.parentId, main.id);
      assert.equal(s.published, null);
      assert.ok(s.title, "a secondary story keeps its headline");
    }
    assert.match(rest[2].cleaned, /Zelenskyy won diplomatic backing/);
    assert.doesNotMatch(main.cleaned, /Zelenskyy|Komeito|Tariff on Japanese autos/);
  },
);

test(
  "seeds: every span of cleaned text maps back to the same words in the original",
  { skip: needsShared },
  async () => {
    for (const file of readdirSync(sharedPath("seeds"))) {
      const { articles } = await readFile(seed(file));
      for (const a of articles) {
        for (let start = 0; start < a.cleaned.length; start += 97) {
          const end = Math.min(a.cleaned.length, start + 211);
          const { cleaned, original } = spanWords(a, start, end);
          assert.deepEqual(original, cleaned, `${file} [${start}, ${end})`);
        }
      }
    }
  },
);
