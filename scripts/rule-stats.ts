// How often each lexicon rule fires on a folder of articles, and how often each drop reason stops one:
// the report a rule writer reads before and after a change. Run: npm run rules:stats -- [FOLDER…]
import { readFileSync } from "node:fs";
import { createCoder } from "../src/extract/coder.ts";
import { decode } from "../src/ingest/decode.ts";
import { readDocument } from "../src/ingest/document.ts";
import { DEFAULT_LIMITS, expandInputs } from "../src/ingest/sources.ts";

async function main(): Promise<void> {
  const folders = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const fired = new Map<string, number>();
  const dropped = new Map<string, number>();
  const coder = createCoder({
    debug: (c, reason) => {
      const key = `${c.ruleId}: ${reason.replace(/\(.*\)$/, "").trim()}`;
      dropped.set(key, (dropped.get(key) ?? 0) + 1);
    },
  });
  let articles = 0;
  for await (const input of expandInputs(
    folders.length ? folders : ["corpus/dev"],
    DEFAULT_LIMITS,
    () => {},
  )) {
    const { articles: found } = await readDocument(input.name, decode(readFileSync(input.name)).text);
    for (const a of found) {
      articles++;
      for (const e of coder(a)) {
        const rule = e.rule.replace(/@.*$/, "");
        fired.set(rule, (fired.get(rule) ?? 0) + 1);
      }
    }
  }
  const table = (m: Map<string, number>): string =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${String(n).padStart(6)}  ${k}`)
      .join("\n");
  process.stdout.write(
    `${articles} articles\n\nevents by rule\n${table(fired)}\n\ncandidates dropped, by rule and reason\n${table(dropped)}\n`,
  );
}

await main();
