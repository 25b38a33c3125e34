// data-check on small bad data folders (test/fixtures/knowledge/bad-*): each kind of mistake is reported,
// one line naming file and line; the unusable ones also make loadKnowledge refuse the folder.
import assert from "node:assert/strict";
import { test } from "node:test";
import { DataError, checkDataDir, loadKnowledge } from "../../src/knowledge/index.ts";
import { attache } from "../support/cli.ts";
import { fixture } from "../support/shared.ts";

const bad = (name: string): string => fixture("knowledge", `bad-${name}`);

const CASES: Array<{ dir: string; problems: RegExp[]; fatal: boolean }> = [
  {
    dir: "duplicate-id",
    problems: [/offices\/GON\.yaml:\d+: duplicate person id halbarad \(first at .*offices\/ARN\.yaml:\d+\)/],
    fatal: true,
  },
  {
    dir: "overlap",
    problems: [/offices\/ARN\.yaml:\d+: ARN head_of_state halbarad .*overlaps arvedui/],
    fatal: false,
  },
  {
    dir: "ends-before-start",
    problems: [/offices\/ARN\.yaml:\d+: ARN head_of_state arvedui 1990–1989: ends before it starts/],
    fatal: false,
  },
  {
    dir: "no-source",
    problems: [
      /offices\/ARN\.yaml:\d+: terms\[1\]\.source: is missing/,
      /ledger\.yaml:\d+: states\[0\]\.periods\[1\]\.source: is missing/,
    ],
    fatal: true,
  },
  {
    dir: "ledger-order",
    problems: [
      /ledger\.yaml:\d+: ARN periods\[1\] from 1980-06-01 is not after periods\[0\] from 1990-01-01/,
    ],
    fatal: true,
  },
  {
    dir: "alias-clash",
    problems: [
      /name "Fornost" is claimed by ARN \(.*states\.yaml:\d+\) and GON \(.*organizations\.yaml:\d+\); ARN .* wins/,
      /name "Old King" is claimed by halbarad \(.*ARN\.yaml:\d+\) and arvedui \(.*\); halbarad .* wins/,
    ],
    fatal: false,
  },
  {
    dir: "schema",
    problems: [
      /states\.yaml:17: states\[2\]\.id: must be an ISO 3166-1 alpha-3 code/,
      /ARN\.yaml:\d+: terms\[0\]\.office: /,
      /ARN\.yaml:\d+: terms\[1\]\.from: is not a real day/,
    ],
    fatal: true,
  },
  {
    dir: "missing-ledger",
    problems: [/bad-missing-ledger\/recognition\/ledger\.yaml: missing/],
    fatal: true,
  },
  {
    dir: "unknown-reference",
    problems: [
      /ARN\.yaml:\d+: terms\[2\]: person nobody is not listed under people/,
      /ledger\.yaml:\d+: states\[1\]: unknown country XYZ/,
    ],
    fatal: true,
  },
  { dir: "yaml", problems: [/organizations\.yaml:\d+: YAML: /], fatal: true },
];

for (const c of CASES) {
  test(`data-check: bad-${c.dir}`, () => {
    const { problems } = checkDataDir(bad(c.dir));
    assert.equal(problems.length, c.problems.length, problems.join("\n"));
    c.problems.forEach((re, i) => assert.match(problems[i], re));
    if (c.fatal) assert.throws(() => loadKnowledge(bad(c.dir)), DataError);
    else assert.doesNotThrow(() => loadKnowledge(bad(c.dir)));
  });
}

test("data-check: clashes are settled by the documented rules (own name first; then the most recent person)", () => {
  const k = loadKnowledge(bad("alias-clash"));
  assert.equal(k.resolveActor("Fornost"), "ARN");
  assert.deepEqual(
    k.findMentions("the Old King spoke").map((m) => m.personId),
    ["halbarad"],
  );
});

test("attache data-check: exit 1 and one line per problem on stderr; exit 0 on clean data", () => {
  const run = (dir: string) => attache(["data-check", "--data", dir]);
  const failing = run(bad("no-source"));
  assert.equal(failing.status, 1);
  const lines = failing.stderr.trim().split("\n");
  assert.equal(lines.length, 3, failing.stderr);
  assert.match(lines[2], /2 problems/);
  const clean = run(fixture("knowledge", "fictional"));
  assert.equal(clean.status, 0, clean.stderr);
  assert.match(clean.stdout, /^data ok: 6 states/);
});

test("a missing data folder is an error naming it", () => {
  assert.throws(() => loadKnowledge(bad("no-such-folder")), /data folder not found: .*bad-no-such-folder/);
});
