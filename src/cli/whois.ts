// attache whois NAME [--on DATE]: the offices a person held, from data/offices.
import type { Command } from "commander";
import type { Knowledge, Term } from "../knowledge/index.ts";
import { EXIT, action, complain, parseDateArg, printJson } from "./common.ts";
import { columns, dataOption, knowledgeFrom } from "./knowledge-data.ts";

interface WhoisOpts {
  on?: string;
  json?: boolean;
  data?: string;
}

function termRows(terms: Term[]): string[][] {
  return terms.map((t) => [
    t.state,
    t.office,
    `${t.title}${t.post ? `, ${t.post}` : ""}${t.toState ? ` (to ${t.toState})` : ""}`,
    `${t.from} – ${t.to ?? "today"}`,
    `<${t.source}>`,
  ]);
}

function personBlock(k: Knowledge, p: { id: string; name: string }, on: string | undefined): string {
  const terms = k.termsOf(p.id, on ?? null);
  const head = `${p.name} (${p.id})`;
  if (!terms.length) return `${head}\n  ${on ? `no office on ${on}` : "no terms listed"}`;
  return `${head}\n${columns(termRows(terms)).replace(/^/gm, "  ")}`;
}

export function setupWhois(program: Command): void {
  program
    .command("whois")
    .description("the offices a person held and when (all of them, or those held on a date)")
    .argument("<name>", "full name, alias or surname; accents and case do not matter")
    .option("--on <date>", "only offices held on this date (YYYY-MM-DD, YYYY-MM or YYYY)")
    .option("--json", "print JSON")
    .addOption(dataOption())
    .action(action((name: string, opts: WhoisOpts) => Promise.resolve(whois(name, opts))));
}

function whois(name: string, opts: WhoisOpts): number | void {
  const on = opts.on ? parseDateArg(opts.on, "--on") : undefined;
  const k = knowledgeFrom(opts.data);
  const people = k.findPeople(name);
  if (!people.length) {
    complain(name, "no one by that name in the office data");
    return EXIT.runtime;
  }
  if (opts.json) printJson(people.map((p) => ({ ...p, terms: k.termsOf(p.id, on ?? null) })));
  else process.stdout.write(`${people.map((p) => personBlock(k, p, on)).join("\n\n")}\n`);
}
