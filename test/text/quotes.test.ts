import assert from "node:assert/strict";
import { test } from "node:test";
import { findQuotes } from "../../src/text/quotes.ts";

const CASES: Array<[string, string[]]> = [
  ["“We deeply appreciate it,” Rubio said.", ["We deeply appreciate it,"]],
  [
    "'It is hard to play by the rules,' he said. 'We didn't stop.'",
    ["It is hard to play by the rules,", "We didn't stop."],
  ],
  ['Lin called it "self-deceptive theatrics" on Friday.', ["self-deceptive theatrics"]],
  ["Taiwan's ties and the island's 'unofficial ties' grow.", ["unofficial ties"]],
  ["No quotes here, just Paraguay's view.", []],
];
for (const [text, expected] of CASES) {
  test(`quotes: ${text}`, () =>
    assert.deepEqual(
      findQuotes(text).map((q) => q.text),
      expected,
    ));
}
