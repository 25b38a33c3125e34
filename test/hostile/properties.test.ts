// Properties that hold for any input, checked by fast-check on generated ones: the date resolver, the amount
// parser, front matter, and the map from cleaned text back to the original. A failure prints the smallest
// input fast-check could shrink it to, and the seed to replay it.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { parseFrontMatter, parseIsoDate } from "../../src/ingest/frontmatter.ts";
import { readDocument } from "../../src/ingest/document.ts";
import { CleanTextBuilder, originalPieces, toOriginal } from "../../src/ingest/offsets.ts";
import type { Article } from "../../src/store/types.ts";
import { findAmounts } from "../../src/text/amounts.ts";
import { anchorDate, findDates } from "../../src/text/dates.ts";
import { spanWords } from "../support/read.ts";

const DAY = 86_400_000;

/** Whether an ISO date is real at its precision: "2025-02-29" is not, "2024-02-29" is. */
function isValidIso(date: string, precision: string): boolean {
  const re = { day: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ }[precision];
  if (!re?.test(date)) return false;
  const [y, m, d] = date.split("-").map(Number);
  if (m !== undefined && (m < 1 || m > 12)) return false;
  if (d !== undefined) {
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }
  return true;
}

const isoDay = fc
  .date({ min: new Date("1950-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Pieces of news prose with dates in them, to build sentences the resolver has to work on. */
const DATE_WORDS = [
  "on Monday", "on Thursday", "last Friday", "next Wednesday", "yesterday", "today", "tomorrow", "a day earlier",
  "two days later", "the next day", "the following day", "the previous day", "a week earlier", "last week",
  "this week", "in July", "in May", "on June 5", "June 5, 2025", "5 June 2025", "2023-10-29", "23-05-2025",
  "in 2019", "since 1979", "last year", "next month", "earlier this month", "on the 3rd", "Tuesday, April 22, 2025",
  "will visit on Friday", "is due to arrive on Sunday", "March", "Sat", "wed", "noon", "at 3 pm",
]; // prettier-ignore
const FILLER = [
  "Taiwan",
  "said",
  "the minister",
  "met",
  "and",
  ",",
  ".",
  "Paraguay",
  "will",
  "in",
  "Asunción",
  "—",
];

const sentence = fc
  .array(fc.oneof(fc.constantFrom(...DATE_WORDS), fc.constantFrom(...FILLER), fc.string({ maxLength: 8 })), {
    maxLength: 14,
  })
  .map((parts) => parts.join(" "));

/** Relative phrases and how far (in days) from the anchor, or from the story's date, they may land. */
const RELATIVE: Array<[string, "anchor" | "story", number]> = [
  ["on Monday", "anchor", 7],
  ["on Thursday", "anchor", 7],
  ["last Friday", "anchor", 14],
  ["next Wednesday", "anchor", 14],
  ["the minister will visit on Friday", "anchor", 7],
  ["yesterday", "anchor", 1],
  ["tomorrow", "anchor", 1],
  ["a day earlier", "story", 1],
  ["two days later", "story", 2],
  ["the next day", "story", 1],
  ["the previous day", "story", 1],
  ["a week earlier", "story", 7],
];

describe("dates: findDates against any anchor", () => {
  test("never throws, and every result is a real date at its precision, at its place in the text", () => {
    fc.assert(
      fc.property(
        fc.oneof(sentence, fc.string({ maxLength: 80 }), fc.string({ unit: "binary", maxLength: 40 })),
        fc.option(isoDay, { nil: null }),
        fc.option(isoDay, { nil: null }),
        (text, anchor, story) => {
          const out = findDates(text, anchorDate(anchor), anchorDate(story));
          for (const d of out) {
            assert.ok(isValidIso(d.date, d.precision), `${d.date} (${d.precision}) from "${d.text}"`);
            assert.equal(text.slice(d.start, d.end), d.text);
            assert.ok(d.start >= 0 && d.end <= text.length && d.start < d.end);
          }
          for (let i = 1; i < out.length; i++) assert.ok(out[i - 1].start <= out[i].start, "in text order");
        },
      ),
      { numRuns: 400 },
    );
  });

  test("a relative phrase lands within days of the anchor (or of the act told before it)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...RELATIVE), isoDay, isoDay, ([phrase, from, maxDays], anchor, story) => {
        const text = `The minister said ${phrase}.`;
        const found = findDates(text, anchorDate(anchor), anchorDate(story)).filter(
          (d) => d.precision === "day",
        );
        const ref = from === "anchor" ? anchor : story;
        for (const d of found) {
          const gap = Math.abs(Date.parse(`${d.date}T00:00:00Z`) - Date.parse(`${ref}T00:00:00Z`)) / DAY;
          assert.ok(gap <= maxDays, `"${phrase}" against ${ref} → ${d.date} (${gap} days)`);
        }
      }),
      { numRuns: 400 },
    );
  });

  test("an ISO date written in the text is found as itself, whatever the anchor", () => {
    fc.assert(
      fc.property(isoDay, fc.option(isoDay, { nil: null }), (day, anchor) => {
        const found = findDates(`Talks were held on ${day} in Taipei.`, anchorDate(anchor), null);
        assert.ok(
          found.some((d) => d.date === day && d.precision === "day"),
          JSON.stringify(found),
        );
      }),
      { numRuns: 200 },
    );
  });
});

/** Formats an integer as news writes it: "240", "240,000", "1,234,567". */
const withCommas = (n: number): string => n.toLocaleString("en-US");

describe("amounts: findAmounts", () => {
  test("never throws on any text; matches are in order, apart, and at their place", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 60 }),
          fc.string({ unit: "binary", maxLength: 30 }),
          fc
            .array(
              fc.constantFrom("$", "US$", "NT$", "€", "1", "0", ",", ".", "%", " ", "million", "yen", "9"),
              {
                maxLength: 30,
              },
            )
            .map((p) => p.join("")),
        ),
        (text) => {
          const out = findAmounts(text);
          for (const [i, a] of out.entries()) {
            assert.equal(text.slice(a.start, a.end), a.text);
            if (i > 0) assert.ok(out[i - 1].end <= a.start);
            assert.ok(a.value === null || Number.isFinite(a.value));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  const SCALES: Array<[string, number]> = [
    ["", 1],
    [" thousand", 1e3],
    [" million", 1e6],
    [" billion", 1e9],
  ];
  const PREFIX: Array<[string, string]> = [
    ["$", "USD"],
    ["US$", "USD"],
    ["NT$", "TWD"],
    ["€", "EUR"],
    ["£", "GBP"],
    ["¥", "JPY"],
  ];
  const SUFFIX: Array<[string, string]> = [
    ["yen", "JPY"],
    ["yuan", "CNY"],
    ["euros", "EUR"],
    ["dollars", "USD"],
  ];

  test("a sum of money, written any usual way, is read back with its value and currency", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999 }),
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 99 }), { nil: null }),
        fc.constantFrom(...SCALES),
        fc.oneof(
          fc.constantFrom(...PREFIX).map(([c, u]) => ({ before: c, after: "", unit: u })),
          fc.constantFrom(...SUFFIX).map(([c, u]) => ({ before: "", after: ` ${c}`, unit: u })),
        ),
        (n, commas, cents, [scale, factor], cur) => {
          const num =
            (commas ? withCommas(n) : String(n)) +
            (cents === null ? "" : `.${String(cents).padStart(2, "0")}`);
          const written = `${cur.before}${num}${scale}${cur.after}`;
          const text = `Japan will lend Paraguay ${written} for roads.`;
          const out = findAmounts(text);
          assert.equal(out.length, 1, `${written}: ${JSON.stringify(out)}`);
          assert.equal(out[0].text, written);
          assert.equal(out[0].unit, cur.unit);
          const expected = (n + (cents ?? 0) / 100) * factor;
          assert.ok(
            Math.abs((out[0].value ?? NaN) - expected) <= expected * 1e-12,
            `${out[0].value} ≠ ${expected}`,
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  test("a percentage is read back as its value", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }),
        fc.constantFrom("%", " percent", " per cent"),
        (n, tenth, sign) => {
          const written = `${n}${tenth === null ? "" : `.${tenth}`}${sign}`;
          const out = findAmounts(`Deportation flights rose ${written} this year.`);
          assert.equal(out.length, 1, written);
          assert.equal(out[0].unit, "percent");
          assert.equal(out[0].value, n + (tenth ?? 0) / 10);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("front matter", () => {
  const KEYS = ["url", "date", "title", "source"] as const;
  /** A value as a header line can hold it: one line; its own blanks at either end are not kept. */
  const value = fc.string({ maxLength: 40 }).filter((s) => !/[\r\n]/.test(s));
  const blanks = fc.array(fc.constantFrom(" ", "\t"), { maxLength: 3 }).map((a) => a.join(""));
  const trimmed = (s: string): string => s.replace(/^[ \t]+|[ \t]+$/g, "");

  test("any set of keys, in any order and case, with any blanks, reads back; the body starts after the blank line", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...KEYS], { minLength: 1 }),
        fc.array(value, { minLength: 4, maxLength: 4 }),
        fc.array(fc.constantFrom("lower", "upper", "title"), { minLength: 4, maxLength: 4 }),
        blanks,
        fc.constantFrom("\n", "\r\n"),
        fc.string({ maxLength: 60 }),
        (keys, values, cases, pad, eol, body) => {
          const lines = keys.map((k, i) => {
            const name =
              cases[i] === "upper"
                ? k.toUpperCase()
                : cases[i] === "title"
                  ? k[0].toUpperCase() + k.slice(1)
                  : k;
            return `${name}:${pad}${values[i]}`;
          });
          const text = `${lines.join(eol)}${eol}${eol}${body}`;
          const fm = parseFrontMatter(text);
          assert.ok(fm, JSON.stringify(text));
          keys.forEach((k, i) => assert.equal(fm[k], trimmed(values[i]), k));
          assert.equal(text.slice(fm.bodyStart), body);
        },
      ),
      { numRuns: 500 },
    );
  });

  test("never throws on any text; what it finds lies inside the text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 100 }),
          fc
            .array(
              fc.oneof(fc.constantFrom("URL:", "DATE: ", "Title:\t", "\n", "\r\n", " ", "x", ":"), value),
              {
                maxLength: 12,
              },
            )
            .map((a) => a.join("")),
        ),
        (text) => {
          const fm = parseFrontMatter(text);
          if (!fm) return;
          assert.ok(fm.bodyStart >= 0 && fm.bodyStart <= text.length);
          for (const k of KEYS) if (fm[k] !== undefined) assert.ok(text.includes(fm[k]), k);
        },
      ),
      { numRuns: 500 },
    );
  });

  test("DATE: any real day, month or year reads back at its precision; anything else is refused", () => {
    fc.assert(
      fc.property(isoDay, fc.constantFrom(10, 7, 4), (day, cut) => {
        const v = day.slice(0, cut);
        const p = parseIsoDate(v);
        assert.deepEqual(p, { date: v, precision: cut === 10 ? "day" : cut === 7 ? "month" : "year" });
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (s) => {
        const p = parseIsoDate(s);
        if (p) assert.ok(isValidIso(p.date, p.precision), `${s} → ${p.date}`);
      }),
      { numRuns: 500 },
    );
  });
});

describe("offsets: every span of cleaned text maps back to the same words in the original", () => {
  test("CleanTextBuilder: any copies and insertions keep a segment map that reads the original verbatim", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 200 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 30 }), fc.constantFrom("", "\n", " ")), { maxLength: 12 }),
        (original, ops) => {
          const b = new CleanTextBuilder();
          let at = 0;
          for (const [skip, len, sep] of ops) {
            const start = Math.min(original.length, at + (skip % 20));
            const end = Math.min(original.length, start + len);
            if (sep) b.insert(sep);
            b.copy(start, end, original);
            at = end;
          }
          const { cleaned, offsets } = b.build();
          for (const s of offsets)
            assert.equal(cleaned.slice(s.c, s.c + s.len), original.slice(s.o, s.o + s.len));
          // Any span: its mapped range lies in the original, and its pieces read what the span reads, gaps aside.
          fc.assert(
            fc.property(fc.nat({ max: cleaned.length }), fc.nat({ max: cleaned.length }), (x, y) => {
              const [start, end] = x <= y ? [x, y] : [y, x];
              const r = toOriginal(offsets, start, end);
              assert.ok(r.start >= 0 && r.start <= r.end && r.end <= original.length);
              const inSegments = offsets
                .filter((s) => s.c < end && start < s.c + s.len)
                .map((s) => cleaned.slice(Math.max(start, s.c), Math.min(end, s.c + s.len)))
                .join("");
              const pieces = originalPieces(offsets, start, end)
                .map((p) => original.slice(p.start, p.end))
                .join("");
              assert.equal(pieces, inSegments);
            }),
            { numRuns: 20 },
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  // Documents of every format, made of words (accents, entities, markup) and the chrome cleaning drops.
  const WORDS = [
    "Taiwan",
    "Asunción",
    "Arévalo",
    "Lai",
    "Ching-te",
    "pledged",
    "40%",
    "$240",
    "ties",
    "“no",
    "romperá”",
    "Peña's",
    "&",
    "1979",
  ];
  const CHROME = [
    "Share this",
    "LEAVE A REPLY",
    "Subscribe to our newsletter",
    "2 hours ago",
    "Related articles",
    "REUTERS",
  ];
  const word = fc.constantFrom(...WORDS);
  const paragraph = fc.array(word, { minLength: 3, maxLength: 30 });
  const space = fc.constantFrom(" ", "  ", "\t", "\u00a0", " \n ");
  const joinWith = (ws: string[], sp: string[]): string =>
    ws.map((w, i) => (i ? sp[i % sp.length] : "") + w).join("");
  const escape = (s: string): string =>
    s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/é/g, "&eacute;");

  const textDoc = fc
    .tuple(
      fc.array(
        fc.oneof(
          paragraph.map((p) => ({ p })),
          fc.constantFrom(...CHROME).map((c) => ({ c })),
        ),
        { minLength: 1, maxLength: 8 },
      ),
      fc.array(space, { minLength: 1, maxLength: 4 }),
    )
    .map(([blocks, sp]) => blocks.map((b) => ("p" in b ? `${joinWith(b.p, sp)}.` : b.c)).join("\n\n"));
  const markdownDoc = fc
    .tuple(
      fc.array(paragraph, { minLength: 1, maxLength: 6 }),
      fc.array(fc.constantFrom("# ", "> ", "- ", "", ""), { minLength: 6, maxLength: 6 }),
    )
    .map(([ps, marks]) =>
      ps
        .map(
          (p, i) =>
            `${marks[i]}${p.map((w, k) => (k % 5 === 1 ? `**${w}**` : k % 7 === 3 ? `[${w}](https://example.org/${k})` : w)).join(" ")}.`,
        )
        .join("\n\n"),
    );
  const htmlDoc = fc
    .tuple(
      fc.array(paragraph, { minLength: 1, maxLength: 6 }),
      fc.array(space, { minLength: 1, maxLength: 3 }),
    )
    .map(
      ([ps, sp]) =>
        `<!doctype html><html><head><title>t</title><script>var x = "<p>no</p>";</script></head><body><nav><a href="/">Home</a></nav><article>` +
        ps
          .map(
            (p, i) => `<p>${joinWith(p.map(escape), sp)}${i % 2 ? " <b>Taiwan</b> ties" : ""}.</p><!-- c -->`,
          )
          .join("\n") +
        `</article><footer>All rights reserved</footer></body></html>`,
    );
  const jsonlDoc = fc
    .array(paragraph, { minLength: 1, maxLength: 4 })
    .map((ps) => ps.map((p) => JSON.stringify({ text: `${p.join(" ")}.` })).join("\n"));

  function assertSpans(a: Article): void {
    fc.assert(
      fc.property(fc.nat({ max: a.cleaned.length }), fc.nat({ max: 120 }), (start, len) => {
        const end = Math.min(a.cleaned.length, start + len);
        const { cleaned, original } = spanWords(a, start, end);
        // A span may cut a word at either edge; the words inside it are the same.
        assert.deepEqual(original.slice(1, -1), cleaned.slice(1, -1));
      }),
      { numRuns: 25 },
    );
  }

  const formats: Array<[string, string, fc.Arbitrary<string>, number]> = [
    ["text", "a.txt", textDoc, 150],
    ["Markdown", "a.md", markdownDoc, 150],
    ["HTML", "a.html", htmlDoc, 40],
    ["JSON Lines", "a.jsonl", jsonlDoc, 100],
  ];
  for (const [what, name, doc, runs] of formats)
    test(`${what}: any document read, any span of any article`, async () => {
      await fc.assert(
        fc.asyncProperty(doc, async (text) => {
          const { articles } = await readDocument(name, text);
          for (const a of articles) {
            for (const s of a.offsets)
              assert.ok(s.o >= 0 && s.o + s.len <= a.original.length && s.c + s.len <= a.cleaned.length);
            assertSpans(a);
          }
        }),
        { numRuns: runs },
      );
    });
});
