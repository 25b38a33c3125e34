import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
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

/** The first implementation, a character at a time: the reference the faster one must agree with. */
function quotesOneByOne(text: string): Array<{ start: number; end: number; text: string }> {
  const CLOSE: Record<string, string> = { '"': '"', "“": "”", "‘": "’", "'": "'" };
  const out: Array<{ start: number; end: number; text: string }> = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const opens =
      "\"“‘'".includes(c) &&
      (i === 0 || /[\s(—–-]/.test(text[i - 1])) &&
      /[\p{L}\p{N}(]/u.test(text[i + 1] ?? "");
    if (!opens) {
      i++;
      continue;
    }
    const close = CLOSE[c];
    let j = i + 1;
    while (j < text.length && !(text[j] === close && !/\p{L}/u.test(text[j + 1] ?? ""))) {
      if (text[j] === "\n" && close !== '"' && close !== "”") break;
      j++;
    }
    if (j < text.length && text[j] === close) {
      out.push({ start: i, end: j + 1, text: text.slice(i + 1, j) });
      i = j + 1;
    } else i++;
  }
  return out;
}

test("quotes: the same passages as reading a character at a time", () => {
  const piece = fc.constantFrom(
    '"',
    "“",
    "”",
    "‘",
    "’",
    "'",
    "a",
    "é",
    "1",
    " ",
    "\n",
    "(",
    "-",
    "—",
    ",",
    "n't",
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const text = parts.join("");
      assert.deepEqual(findQuotes(text), quotesOneByOne(text));
    }),
    { numRuns: 3000 },
  );
});
