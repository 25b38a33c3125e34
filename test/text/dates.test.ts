import assert from "node:assert/strict";
import { test } from "node:test";
import { anchorDate, anchorEnd, findDates } from "../../src/text/dates.ts";

// Sentence → the date it names, against a fixed publication date (and the date the story last named).
const CASES: Array<{
  text: string;
  published: string;
  story?: string;
  date: string | null;
  precision?: string;
}> = [
  {
    text: "Pena told The Japan Times late Thursday.",
    published: "2025-05-23",
    date: "2025-05-22",
    precision: "day",
  },
  { text: "They met on Thursday.", published: "2025-05-23", date: "2025-05-22" },
  {
    text: "the summit in Tokyo a day earlier",
    published: "2025-05-23",
    story: "2025-05-22",
    date: "2025-05-21",
  },
  {
    text: "The ceremony took place the next day.",
    published: "2024-01-20",
    story: "2024-01-15",
    date: "2024-01-16",
  },
  { text: "a visit to Paraguay last year", published: "2025-05-23", date: "2024", precision: "year" },
  { text: "Pena visited Taiwan in July", published: "2023-10-29", date: "2023-07", precision: "month" },
  { text: "in July, officials said", published: "2025-05-23", date: "2024-07", precision: "month" },
  { text: "During a June 5 meeting", published: "2025-06", date: "2025-06-05", precision: "day" },
  { text: "On June 20, the ministry said", published: "2025-06", date: "2025-06-20" },
  { text: "met on Aug. 1 to review", published: "2025-08-10", date: "2025-08-01" },
  { text: "a meeting on February 5, 2025 at the palace", published: "2025-04-22", date: "2025-02-05" },
  { text: "Feb. 5, 2025", published: "2026-01-01", date: "2025-02-05" },
  {
    text: "interview last week while visiting",
    published: "2023-10-29",
    date: "2023-10",
    precision: "month",
  },
  {
    text: "jointly established the university in 2017",
    published: "2023-10-29",
    date: "2017",
    precision: "year",
  },
  { text: "Officials may meet soon.", published: "2025-05-23", date: null },
  { text: "They met on Thursday.", published: "", date: null },
  { text: "a day earlier", published: "2025-05-23", date: null },
  {
    text: "They signed it the following day.",
    published: "2024-01-20",
    story: "2024-01-15",
    date: "2024-01-16",
  },
];

for (const c of CASES) {
  test(`dates: "${c.text}" published ${c.published || "unknown"} → ${c.date ?? "none"}`, () => {
    const anchor = anchorDate(c.published || null);
    const found = findDates(c.text, anchor, anchorDate(c.story ?? null), anchorEnd(c.published || null));
    assert.equal(found[0]?.date ?? null, c.date);
    if (c.precision) assert.equal(found[0]?.precision, c.precision);
  });
}
