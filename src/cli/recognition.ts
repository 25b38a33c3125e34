// attache recognition --as-of DATE | COUNTRY: which states recognized the ROC or the PRC, from the curated ledger.
import type { Command } from "commander";
import type { Knowledge, LedgerPeriod } from "../knowledge/index.ts";
import { UsageError, action, printJson } from "./common.ts";
import { columns, dataOption, knowledgeFrom, parseDayArg } from "./knowledge-data.ts";

interface RecognitionOpts {
  asOf?: string;
  json?: boolean;
  data?: string;
}

/** The start of the period a state is in on a date. */
const since = (k: Knowledge, id: string, day: string): string =>
  k
    .ledger(id)
    .filter((p) => p.from <= day)
    .at(-1)?.from ?? "";

function alliesTable(k: Knowledge, day: string): string {
  const rows = k.recognitionAsOf(day);
  const allies = rows.filter((r) => r.recognizes === "ROC");
  const prc = rows.filter((r) => r.recognizes === "PRC").length;
  const head = `Recognize the ROC on ${day}: ${allies.length} (the PRC: ${prc}, neither: ${rows.length - allies.length - prc}, of ${rows.length})`;
  if (!allies.length) return head;
  const table = [
    ["id", "state", "since"],
    ...allies.map((r) => [r.country, k.state(r.country)?.name ?? "", since(k, r.country, day)]),
  ];
  return `${head}\n\n${columns(table)}`;
}

function periodLines(periods: LedgerPeriod[]): string {
  const rows = periods.map((p) => {
    const flags = [p.dayConfirmed ? "" : "day not confirmed", p.disputed ? "disputed" : ""].filter(Boolean);
    const note = [p.note ?? "", flags.length ? `(${flags.join(", ")})` : ""].filter(Boolean).join(" ");
    return [`${p.from} – ${p.to ?? "today"}`, p.recognizes, `${note}${note ? " " : ""}<${p.source}>`];
  });
  return columns([["period", "recognizes", "note and source"], ...rows]);
}

function countryReport(k: Knowledge, id: string, opts: RecognitionOpts): void {
  const name = k.state(id)?.name ?? id;
  if (opts.asOf) {
    const recognizes = k.recognitionOf(id, opts.asOf);
    if (opts.json) printJson({ country: id, as_of: opts.asOf, recognizes });
    else process.stdout.write(`${id} (${name}) recognized ${recognizes} on ${opts.asOf}\n`);
    return;
  }
  const periods = k.ledger(id);
  if (opts.json) printJson({ country: id, name, periods });
  else if (!periods.length) process.stdout.write(`${id} (${name}): no periods in the ledger\n`);
  else process.stdout.write(`${id} (${name})\n\n${periodLines(periods)}\n`);
}

export function setupRecognition(program: Command): void {
  program
    .command("recognition")
    .description("which states recognized the ROC or the PRC: on a date, or one state over time")
    .argument("[country]", "one state, by name or ISO alpha-3 id: its periods with dates, notes and sources")
    .option("--as-of <date>", "the day to report (YYYY-MM-DD)")
    .option("--json", "print JSON")
    .addOption(dataOption())
    .action(
      action((country: string | undefined, opts: RecognitionOpts) =>
        Promise.resolve(recognition(country, opts)),
      ),
    );
}

function recognition(country: string | undefined, opts: RecognitionOpts): void {
  if (opts.asOf) opts.asOf = parseDayArg(opts.asOf, "--as-of");
  if (!country && !opts.asOf) throw new UsageError("give --as-of YYYY-MM-DD, or a COUNTRY");
  const k = knowledgeFrom(opts.data);
  if (country) {
    const id = k.resolveActor(country);
    if (!id || !k.state(id)) throw new UsageError(`unknown country "${country}"`);
    return countryReport(k, id, opts);
  }
  if (opts.json) printJson(k.recognitionAsOf(opts.asOf!));
  else process.stdout.write(`${alliesTable(k, opts.asOf!)}\n`);
}
