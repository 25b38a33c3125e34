// The coder works from data alone: a world of invented states, leaders and a ledger (test/fixtures/knowledge/
// fictional) gets its events found, its people resolved to their states, and its recognition parties filled
// from its own ledger — with no name the coder could have learned from real news.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadKnowledge } from "../../src/knowledge/index.ts";
import { brief, codeText } from "../support/code.ts";
import { fixture } from "../support/shared.ts";

const knowledge = loadKnowledge(fixture("knowledge", "fictional"));
const code = (text: string, published: string): ReturnType<typeof codeText> =>
  codeText(text, published, { knowledge }, "fictional");

const CASES: Array<{ why: string; text: string; published: string; expect: string[]; not?: string[] }> = [
  {
    why: "a leader known only from the fictional offices visits a capital used as a metonym",
    text: "Rohan's King Éomer Éomund visited Fornost on Tuesday for talks.",
    published: "2021-04-09",
    expect: ["VISIT ROH>ARN occurred 2021-04-06"],
  },
  {
    why: "a switch, with the party left by the severance named by the fictional ledger",
    text: "Arnor said on Friday it was cutting diplomatic ties.",
    published: "2010-05-22",
    expect: ["SEVER_RELATIONS ARN>GON occurred 2010-05-21"],
  },
  {
    why: "demonyms and a loan with its amount",
    text: "The Haradric government will lend Arnor $300 million for roads, officials said on Monday.",
    published: "2012-03-07",
    expect: ["LOAN HAR>ARN pledged 2012-03-05"],
  },
  {
    why: "a denial is support, never the act",
    text: "Rohan will not sever ties with Gondor, King Éomer Éomund said on Sunday.",
    published: "2020-01-13",
    expect: ["EXPRESS_SUPPORT ROH>GON occurred 2020-01-12"],
    not: ["SEVER_RELATIONS ROH>GON occurred 2020-01-12"],
  },
];

for (const c of CASES) {
  test(`fictional world: ${c.why}`, async () => {
    const got = brief(await code(c.text, c.published));
    for (const e of c.expect) assert.ok(got.includes(e), `expected ${e}; got ${got.join("; ")}`);
    for (const e of c.not ?? []) assert.ok(!got.includes(e), `did not expect ${e}`);
  });
}

test("fictional world: real names mean nothing there", async () => {
  assert.deepEqual(
    brief(await code("Paraguay will provide Japan with a $240 million loan.", "2025-05-23")),
    [],
  );
});
