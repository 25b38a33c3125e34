import assert from "node:assert/strict";
import { test } from "node:test";
import { parseFrontMatter, parseIsoDate } from "../../src/ingest/frontmatter.ts";

test("front matter: keys, case-insensitive, ended by a blank line", () => {
  const text =
    "URL: https://x.example/a\nDate: 2025-06\ntitle: A: colon in a title\nSOURCE: Wire\n\nBody starts here.";
  const fm = parseFrontMatter(text)!;
  assert.equal(fm.url, "https://x.example/a");
  assert.equal(fm.date, "2025-06");
  assert.equal(fm.title, "A: colon in a title");
  assert.equal(fm.source, "Wire");
  assert.equal(text.slice(fm.bodyStart), "Body starts here.");
});

test("front matter: absent when the first line is text, or an unknown key", () => {
  assert.equal(parseFrontMatter("Taipei, Taiwan – Taiwan has vowed…\n\nMore."), null);
  assert.equal(parseFrontMatter("Note: this is prose, not a header.\n\nMore."), null);
  assert.equal(parseFrontMatter("\nURL: x\n\n"), null);
});

test("front matter: CRLF line ends", () => {
  const fm = parseFrontMatter("DATE: 2024-01-15\r\n\r\nBody")!;
  assert.equal(fm.date, "2024-01-15");
});

const DATES: Array<[string, string | null, string | null]> = [
  ["2025-06-05", "2025-06-05", "day"],
  ["2025-06", "2025-06", "month"],
  ["2025", "2025", "year"],
  ["2025-13", null, null],
  ["2023-02-29", null, null],
  ["June 5, 2025", null, null],
];
for (const [value, date, precision] of DATES) {
  test(`front matter DATE ${value}`, () => {
    const d = parseIsoDate(value);
    assert.equal(d?.date ?? null, date);
    assert.equal(d?.precision ?? null, precision);
  });
}
