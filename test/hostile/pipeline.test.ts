// The whole read-and-code path on text built to be slow: long runs of white space between names, a name
// repeated thousands of times, endless quotes, digits, capitals. Besides the regex literals (regex.test.ts)
// this reaches the patterns built at run time from data (gazetteer, lexicon, context words). Each article
// must be coded in a time proportional to its length: no more than a few times a news text of the same size.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { createCoder } from "../../src/extract/coder.ts";
import { readDocument } from "../../src/ingest/document.ts";
import { ROOT } from "../support/shared.ts";

const SIZE = 200_000;
const fill = (unit: string, size = SIZE): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

const ATTACKS: Record<string, string> = {
  "white space between two names": `Taiwan${" ".repeat(SIZE)}Japan met on Monday.`,
  "tabs between a name and a verb": `Paraguay${"\t".repeat(SIZE)}- will visit Taiwan.`,
  "commas and ands between names": `Taiwan${fill(" , and ")}Japan signed an agreement.`,
  "one name repeated": `${fill("Taiwan and ")}Japan signed an agreement.`,
  "names with possessives": `${fill("Japan's ")}loan to Paraguay.`,
  "quotes without end": `${fill('"')}said Lai.`,
  "said, said, said": `"We will," ${fill("said ")}Lai.`,
  "a word with no space": fill("Taiwanese"),
  "capitalised words": fill("Asdf Qwer "),
  "digits and commas": `Japan pledged $${fill("1,000,")} million.`,
  "dates everywhere": fill("on Monday, June 5, 2025, a day earlier, "),
  "hyphens and dashes": fill("Taiwan - - – — -"),
  apostrophes: fill("’s 's ' "),
  "by by by": `a visit ${fill("by ")}Japan.`,
  "between between": `talks ${fill("between ")}Taiwan and Japan.`,
};

describe("reading and coding adversarial text takes time in proportion to its length", () => {
  const code = createCoder();
  let baseline = 0;

  /** Milliseconds to read one text file and code its articles. */
  async function timeArticle(text: string): Promise<number> {
    const t = performance.now();
    const { articles } = await readDocument("attack.txt", text);
    for (const a of articles) code(a);
    return performance.now() - t;
  }

  before(async () => {
    // A news text of the same size: the demo corpus's stories, one after another.
    const dir = join(ROOT, "corpus", "demo");
    const news = readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => readFileSync(join(dir, f), "utf8"))
      .join("\n\n");
    baseline = await timeArticle(fill(news));
  });

  for (const [what, text] of Object.entries(ATTACKS))
    test(what, async () => {
      const ms = await timeArticle(text);
      // Generous for a loaded machine; a quadratic pattern takes minutes at this size.
      assert.ok(
        ms < Math.max(5 * baseline, 3000),
        `${Math.round(ms)} ms (news text: ${Math.round(baseline)} ms)`,
      );
    });
});
