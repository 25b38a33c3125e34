// The `attache` command: one file per subcommand, registered here.
import { Command, CommanderError } from "commander";
import { readFileSync } from "node:fs";
import { EXIT, type CommandSetup } from "./common.ts";
import { setupDemo } from "./demo.ts";
import { setupEval } from "./eval.ts";
import { setupEvents } from "./events.ts";
import { setupIngest } from "./ingest.ts";
import { setupServe } from "./serve.ts";
import { setupRecognition } from "./recognition.ts";
import { setupWhois } from "./whois.ts";
import { setupDataCheck } from "./data-check.ts";
import { setupTimeline } from "./timeline.ts";
import { setupCountry } from "./country.ts";
import { setupExport } from "./export.ts";
import { setupBackup } from "./backup.ts";
import { setupQueue } from "./queue.ts";
import { setupWorker } from "./worker.ts";

const COMMANDS: CommandSetup[] = [
  setupIngest,
  setupEvents,
  setupEval,
  setupServe,
  setupDemo,
  setupRecognition,
  setupWhois,
  setupDataCheck,
  setupTimeline,
  setupCountry,
  setupExport,
  setupBackup,
  setupQueue,
  setupWorker,
];

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

export function buildProgram(): Command {
  const program = new Command("attache")
    .description(
      "Diplomatic news → a time-aware record of who recognizes, visits, meets, pledges to and pressures whom.",
    )
    .version(version(), "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  program.configureOutput({
    writeErr: (s) => process.stderr.write(s.startsWith("error:") ? `attache: ${s}` : s),
  });
  for (const setup of COMMANDS) setup(program);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return EXIT.ok; // --help, --version
      return EXIT.usage;
    }
    throw err;
  }
  return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
}
