// Text that must produce no event (chrono's negative_cases, for diplomacy): hypotheticals, offers, habits,
// statistics, undated background, domestic acts — and denials, which are never the act they deny.
import assert from "node:assert/strict";
import { test } from "node:test";
import { brief, codeText } from "../support/code.ts";

const NOTHING: Array<[string, string]> = [
  ["hypothetical", "If the Honduran president ever wants to meet Lai, he is welcome in Asuncion, Pena said."],
  [
    "conditional offer",
    "Taiwan could assist Belize with new hospitals if the two governments agree on terms.",
  ],
  ["modal", "Washington may lower the tariff on Japanese vehicles in mid-September."],
  [
    "attempt, not act",
    "Beijing has spent years persuading countries such as Costa Rica and Panama to switch recognition.",
  ],
  ["habit", "Taiwan typically offers well-targeted aid programmes to its allies in the Pacific."],
  [
    "statistic",
    "Taiwan is now down to just 12 diplomatic allies, while Beijing has ties with 183 countries.",
  ],
  ["domestic act", "Guatemala will launch a new border task force made up of police and army units."],
  ["domestic election", "Nauru held a parliamentary election on Saturday, the electoral commission said."],
  [
    "exploring",
    "The island was planning to explore higher-level unofficial meetings with Japan, the deputy minister said.",
  ],
  [
    "standing relation",
    "The United States officially recognizes Beijing as the sole legal government of China.",
  ],
  ["one party only", "Paraguay announced a new programme to train engineers at home on Monday."],
];
for (const [why, text] of NOTHING) {
  test(`no event: ${why}`, async () => {
    assert.deepEqual(brief(await codeText(text)), []);
  });
}

const DENIALS: Array<[string, string]> = [
  [
    "will not sever ties",
    "Paraguay will not sever ties with Taiwan, President Santiago Pena said on Sunday.",
  ],
  [
    "has no plan to cut",
    "Tuvalu's new prime minister said on Monday his government would never cut ties with Taiwan.",
  ],
  [
    "won't break relations",
    "Eswatini won't break diplomatic relations with Taiwan, the king told reporters on Tuesday.",
  ],
];
for (const [why, text] of DENIALS) {
  test(`denial is not the act: ${why}`, async () => {
    const events = await codeText(text);
    const acts = events.filter((e) => e.status !== "denied");
    assert.ok(!acts.some((e) => e.type === "SEVER_RELATIONS"), brief(events).join("; "));
    assert.ok(
      acts.some((e) => e.type === "EXPRESS_SUPPORT" && e.target === "TWN"),
      brief(events).join("; "),
    );
  });
}
