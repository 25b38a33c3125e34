import assert from "node:assert/strict";
import { test } from "node:test";
import { splitLines } from "../../src/ingest/lines.ts";
import { findDateline, findPublicationDate } from "../../src/ingest/pubdate.ts";

// Each shape of publication date that real scrapes carry in their first lines.
const CASES: Array<{ name: string; text: string; date: string | null; source?: string; min?: number }> = [
  {
    name: "labelled ISO date before the dateline",
    text: " date 2021-12-10 MANAGUA (Wire) — Nicaragua said…",
    date: "2021-12-10",
    source: "dateline",
    min: 0.85,
  },
  {
    name: "outlet glued to a day-first date",
    text: "logo\nHeadline here\n\nTaipei Times15-01-2024\nThe island…",
    date: "2024-01-15",
    source: "dateline",
    min: 0.75,
  },
  {
    name: "ambiguous day-first date is less sure",
    text: "Pacific Daily 03-04-2019\nText…",
    date: "2019-04-03",
    source: "dateline",
  },
  {
    name: "site header with weekday",
    text: "Monday, January 15, 2024\n\nTop stories\n\nNauru cut ties…",
    date: "2024-01-15",
    source: "page_header",
  },
  {
    name: "site header without weekday",
    text: "September 20, 2019\nKiribati…",
    date: "2019-09-20",
    source: "page_header",
  },
  {
    name: "a date inside a sentence is not a header",
    text: "Kiribati cut ties on September 20, 2019, officials said after a long cabinet meeting in the capital.",
    date: null,
  },
  { name: "no date at all", text: "Taipei, Taiwan – Taiwan has vowed to intensify cooperation.", date: null },
  { name: "impossible day", text: "Daily News 31-02-2020\n", date: null },
];

for (const c of CASES) {
  test(`publication date: ${c.name}`, () => {
    const found = findPublicationDate(splitLines(c.text));
    assert.equal(found?.date ?? null, c.date);
    if (c.source) assert.equal(found?.source, c.source);
    if (c.min) assert.ok(found!.confidence >= c.min);
  });
}

test("publication date: ambiguous numeric dates are less certain than unambiguous ones", () => {
  const sure = findPublicationDate(splitLines("Taipei Times15-01-2024"))!;
  const unsure = findPublicationDate(splitLines("Taipei Times03-04-2019"))!;
  assert.ok(unsure.confidence < sure.confidence);
});

test("wire dateline takes its year from the line, else from the text with low confidence", () => {
  const withYear = findDateline(splitLines("TAIPEI, Jan. 15, 2024 (CNA) -- Taiwan said…"), "");
  assert.equal(withYear?.date, "2024-01-15");
  const text = "TAIPEI, Jan. 15 (CNA) -- Nauru cut ties in 2024, the ministry said; 2024 has seen…";
  const inferred = findDateline(splitLines(text), text);
  assert.equal(inferred?.date, "2024-01-15");
  assert.ok(inferred.confidence < withYear.confidence);
});
