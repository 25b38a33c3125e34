// Every regular expression written in src/ — each literal, found with the TypeScript parser so a new one is
// tested the day it lands — against long adversarial strings. A regex that backtracks super-linearly takes
// seconds on 50,000 characters where a linear one takes a millisecond: the bound below sits between the two.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, test } from "node:test";
import ts from "typescript";
import { ROOT } from "../support/shared.ts";

interface Literal {
  where: string;
  source: string;
  flags: string;
}

function literals(dir: string): Literal[] {
  const out: Literal[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const path = join(entry.parentPath, entry.name);
    const file = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(file);
        const slash = text.lastIndexOf("/");
        const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
        out.push({
          where: `${relative(ROOT, path)}:${line}`,
          source: text.slice(1, slash),
          flags: text.slice(slash + 1),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return out;
}

/**
 * Regexes that only ever see a short window of text, with the window's size: they are tested at that size.
 * Keyed by the regex's source, so the entry follows the regex when lines move.
 */
const WINDOWED: Record<string, { max: number; why: string }> = {
  "^\\W{0,3}\\s*(?:[\\p{L}\\s.'’-]{0,60}?)\\b(said|says|stated|told|added|noted|stressed|warned|wrote|emphasized|declared)\\b":
    { max: 80, why: "SAID reads the 80 characters after a quote (src/extract/context.ts)" },
  "\\b(said|says|stated|told [\\p{L} ]{1,30}|added|declared)[,:]?\\s*$": {
    max: 80,
    why: "SAID_BEFORE reads the 80 characters before a quote (src/extract/context.ts)",
  },
};

/** Pieces an attack repeats: the characters regexes here consume, and pairs that start a construct. */
const UNITS = [
  " ", "\t", "\n", "\r\n", "\u00a0", "a", "A", "é", "1", "0", "-", "–", ",", ".", ":", ";", "'", "’", '"', "<", ">",
  "/", "\\", "[", "]", "(", ")", "{", "*", "_", "`", "#", "&", "|", "$", "%", "=", "!", "?", "•",
  "<a", "</a", ":-", "a ", "A ", "A.", "1,", "1.", "1 ", "a-", "a'", "[a](", "&#1", "<!--", "<a \"", "Ab ",
  "a\t", "- ", ", ", "000", "$1", "A:",
]; // prettier-ignore
const PREFIXES = ["", "A:", "</a", "told x", "Y", "<a "];
const SUFFIXES = ["", "\u0000", "\n", "!x"];

/** Words written in the regex itself ("said", "million"), repeated with a space: the other usual pump. */
function wordsOf(source: string): string[] {
  return [...new Set(source.match(/[A-Za-z]{2,}/g) ?? [])].map((w) => `${w} `);
}

function attacks(l: Literal, size: number): string[] {
  const out: string[] = [];
  for (const unit of [...UNITS, ...wordsOf(l.source)]) {
    const body = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    for (const p of PREFIXES) for (const s of SUFFIXES) out.push(p + body + s);
  }
  return out;
}

/** Milliseconds one regex takes over one string, used as the code uses it (every match for /g). */
function timeOne(re: RegExp, s: string): number {
  const t = performance.now();
  re.lastIndex = 0;
  if (re.global) s.replace(re, "");
  else re.exec(s);
  return performance.now() - t;
}

/** The best of three runs, so a garbage collection in the middle of one does not count against it. */
const timeBest = (re: RegExp, s: string): number => Math.min(timeOne(re, s), timeOne(re, s), timeOne(re, s));

/** Every attack is first ranked at RANK characters; the slowest few then run at each size in turn, so a
 * cubic regex fails at 2,000 characters in a second instead of hanging at 50,000. */
const RANK = 300;
const SIZES = [2_000, 50_000];
/** A linear regex does 50,000 characters in a millisecond or two; a quadratic one needs seconds. */
const BOUND_MS = 150;

/** Runs `make(size)` at growing sizes; the message names the first that took too long, or null. */
function tooSlow(re: RegExp, make: (size: number) => string, sizes = SIZES): string | null {
  for (const size of sizes) {
    const s = make(size);
    const ms = timeBest(re, s);
    if (ms >= BOUND_MS)
      return `${ms.toFixed(0)} ms on ${JSON.stringify(s.slice(0, 40))}… (${s.length} chars)`;
  }
  return null;
}

const all = literals(join(ROOT, "src"));

describe("every regular expression in src/ runs in linear time on adversarial input", () => {
  test("the sources hold regexes to test (the parser found them)", () => {
    assert.ok(all.length > 100, `found ${all.length}`);
  });
  for (const l of all) {
    const window = WINDOWED[l.source];
    test(`${l.where} /${l.source.length > 70 ? `${l.source.slice(0, 70)}…` : l.source}/${l.flags}`, () => {
      const re = new RegExp(l.source, l.flags);
      const sizes = window ? [window.max] : SIZES;
      const ranked = attacks(l, Math.min(RANK, sizes[0]))
        .map((s, i) => ({ i, ms: timeOne(re, s) }))
        .sort((a, b) => b.ms - a.ms);
      for (const { i } of ranked.slice(0, 5)) {
        const slow = tooSlow(re, (size) => attacks(l, size)[i], sizes);
        assert.equal(slow, null, `${slow}${window ? `; ${window.why}` : ""}`);
      }
    });
  }
});

describe("the attacks found by a ReDoS checker (recheck 4.5) on the regexes it flagged, now fixed", () => {
  // Each: where the regex is used, and the string that made the old pattern quadratic or cubic.
  const cases: Array<[string, (n: number) => string]> = [
    ["markdown links", (n) => `${"[".repeat(n)}][]()`],
    ["markdown links, a label then no end", (n) => "[a](".repeat(n / 4)],
    ["feed item: is it HTML?", (n) => "<A".repeat(n / 2)],
    ["HTML tokens: a tag name that never ends", (n) => `</A${":-".repeat(n / 2)}`],
    ["HTML tokens: tags that never close", (n) => "<a ".repeat(n / 3)],
    ["front matter line", (n) => `A:${"\t".repeat(n)}\n`],
    ["dates: trailing punctuation", (n) => `${",".repeat(n)}\u0000,`],
    ["surname hyphen spacing", (n) => `${"\t".repeat(n)}\u0000-`],
    ["demonym lists", (n) => `${"\t".repeat(n)}\t,`],
    ["a gap between two names", (n) => `${"\t".repeat(n)}\u0000`],
    ["names joined by and", (n) => `${"\t".repeat(n)}n`],
    ["declared charset", (n) => `<META\tCHARSET=${"\t".repeat(n)}\u0000`],
  ];
  for (const [what, make] of cases)
    test(what, () => {
      const slow = all
        .filter((l) => !WINDOWED[l.source])
        .map((l) => ({ l, slow: tooSlow(new RegExp(l.source, l.flags), make) }))
        .filter((x) => x.slow);
      assert.deepEqual(
        slow.map((x) => `${x.l.where}: ${x.slow}`),
        [],
      );
    });
});
