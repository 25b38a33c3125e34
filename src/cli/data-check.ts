// attache data-check: validates the reference data; one line per problem, exit 1 when there is any.
import type { Command } from "commander";
import { checkDataDir } from "../knowledge/index.ts";
import { EXIT, action } from "./common.ts";
import { dataOption } from "./knowledge-data.ts";

export function setupDataCheck(program: Command): void {
  program
    .command("data-check")
    .description(
      "check the reference data: schemas, sources, duplicate ids, overlapping terms, ledger order, name clashes",
    )
    .addOption(dataOption())
    .action(action((opts: { data?: string }) => Promise.resolve(dataCheck(opts.data))));
}

function dataCheck(data: string | undefined): number | void {
  const { problems, summary } = checkDataDir(data);
  for (const p of problems) process.stderr.write(`${p}\n`);
  if (problems.length) {
    process.stderr.write(
      `attache: data-check: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n`,
    );
    return EXIT.runtime;
  }
  process.stdout.write(`data ok: ${summary}\n`);
}
