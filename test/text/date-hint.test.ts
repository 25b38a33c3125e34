// The date hint never turns away a text in which findDates finds a date (words standing apart).
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { mayHoldDate } from "../../src/text/date-hint.ts";
import { findDates } from "../../src/text/dates.ts";

const anchor = new Date(Date.UTC(2025, 4, 23, 12));
const story = new Date(Date.UTC(2025, 4, 20, 12));

const WORDS = [
  ...["lasts", "last", "past", "next", "this", "after", "the", "a", "an", "few", "two", "ten", "d", "s", "h"],
  ...["may", "May", "March", "Sept", "Monday", "Wed", "on", "in", "of", "within", "for", "week", "weeks"],
  ...["ago", "later", "earlier", "first", "they", "them", "today", "now", "tonight", "morning", "noon"],
  ...["following", "previous", "day", "days", "since", "year", "years", "months", "weekend", "tmr", "end"],
  ...["Taiwan", "’s", "visited", "allies", "minister", "money", "showed", "Solomon", "+", "-", "1999", "5"],
];
const SEPARATORS = [" ", ", ", ". ", " - ", " (", ") "];

const sentence = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.map(([w, s]) => w + s).join(""));

test("date hint: no hint, no date", () => {
  fc.assert(
    fc.property(sentence, (text) => {
      if (!mayHoldDate(text)) assert.deepEqual(findDates(text, anchor, story), [], text);
    }),
    { numRuns: 3000 },
  );
});

test("date hint: turns away text with no date word", () => {
  for (const text of [
    "The minister showed support for the Solomon Islands' allies.",
    "Taiwan’s relations with its partners remain strong.",
  ])
    assert.equal(mayHoldDate(text), false, text);
});

test("date hint: lets through what chrono reads", () => {
  for (const text of [
    "on Monday",
    "lastmonth",
    "a day earlier",
    "The truce lasts.",
    "in a h",
    "in 1999",
    "noon",
  ])
    assert.ok(mayHoldDate(text), text);
});
