// Event-type agreement with the PLOVER gold-standard sentences (../shared/peer-gold/PLOVER_GSR_CAMEO.json):
// each sentence is coded as a one-sentence article, and our events' PLOVER types are compared with the
// human label. This measures; nothing in the coder is tuned to it. Run: npm run eval:plover [-- --json]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createCoder } from "../src/extract/coder.ts";
import { readDocument } from "../src/ingest/document.ts";

interface Record_ {
  id: string;
  event?: string;
  text?: string;
}

// PLOVER 0.5 names to current ones, as the peer-gold README directs.
const RENAME: Record<string, string> = {
  DEMAND: "REQUEST",
  DISAPPROVE: "ACCUSE",
  INVESTIGATE: "ACCUSE",
  FIGHT: "ASSAULT",
};
// Our PLOVER types (data/lexicon `plover:`) as the current PLOVER roots they belong to.
const OURS: Record<string, string> = { DISAPPROVE: "ACCUSE", REDUCE: "REDUCE" };
// The PLOVER roots attache codes at all: agreement is measured on these; the rest is outside our scope.
const IN_SCOPE = new Set([
  "AGREE",
  "AID",
  "CONSULT",
  "COOPERATE",
  "SUPPORT",
  "REQUEST",
  "ACCUSE",
  "THREATEN",
]);

async function main(): Promise<void> {
  const path = join(process.cwd(), "..", "shared", "peer-gold", "PLOVER_GSR_CAMEO.json");
  const records = (JSON.parse(readFileSync(path, "utf8")) as Record_[]).filter((r) => r.text && r.event);
  const coder = createCoder();
  const byType = new Map<string, { n: number; coded: number; agree: number }>();
  let coded = 0;
  let agree = 0;
  let inScope = 0;
  for (const r of records) {
    const gold = RENAME[r.event!] ?? r.event!;
    const { articles } = await readDocument("plover.txt", `DATE: 2000-01-01\n\n${r.text}\n`);
    const events = articles.flatMap((a) => coder(a)).filter((e) => e.status !== "denied");
    const types = new Set(events.map((e) => OURS[e.plover.type] ?? e.plover.type));
    const row = byType.get(gold) ?? { n: 0, coded: 0, agree: 0 };
    row.n++;
    if (events.length) row.coded++;
    if (types.has(gold)) row.agree++;
    byType.set(gold, row);
    if (IN_SCOPE.has(gold)) {
      inScope++;
      if (events.length) coded++;
      if (types.has(gold)) agree++;
    }
  }
  const summary = {
    sentences: records.length,
    in_scope: inScope,
    coded_in_scope: coded,
    type_agreement_in_scope: inScope ? Math.round((agree / inScope) * 1000) / 1000 : 0,
    by_type: Object.fromEntries([...byType.entries()].sort()),
  };
  if (process.argv.includes("--json")) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  process.stdout.write(
    `PLOVER gold sentences: ${summary.sentences}; in attache's scope: ${inScope}; coded: ${coded}; ` +
      `type agreement in scope: ${(summary.type_agreement_in_scope * 100).toFixed(1)}%\n\n`,
  );
  process.stdout.write("PLOVER type     sentences  coded  same type\n");
  for (const [t, r] of [...byType.entries()].sort())
    process.stdout.write(
      `${t.padEnd(14)} ${String(r.n).padStart(9)} ${String(r.coded).padStart(6)} ${String(r.agree).padStart(10)}${IN_SCOPE.has(t) ? "" : "   (outside attache's types)"}\n`,
    );
}

await main();
