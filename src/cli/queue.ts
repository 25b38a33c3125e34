// attache queue add PATH… | attache queue status: put inputs on the ingest queue in the PostgreSQL store, and
// see how the workers are doing (pending, running, retrying, failed with their errors, done).
import type { Command } from "commander";
import { DEFAULT_LIMITS, type SourceLimits, expandInputs } from "../ingest/sources.ts";
import { enqueueInputs, openQueue, queueStatus } from "../queue/queue.ts";
import { resolveDbLocation } from "../store/open.ts";
import { EXIT, action, complain, dbOption, printJson } from "./common.ts";

/**
 * Queues every input for the workers (`attache queue add`, `attache ingest --queue`), one job per input; an
 * input that cannot be read gets its line on stderr. Returns the exit code.
 */
export async function queueInputs(
  inputs: string[],
  db: string | undefined,
  limits: SourceLimits,
): Promise<number> {
  const boss = await openQueue(resolveDbLocation(db));
  let failed = 0;
  try {
    const onError = (name: string, why: string): void => {
      failed++;
      complain(name, why);
    };
    const r = await enqueueInputs(boss, expandInputs(inputs, limits, onError), onError);
    process.stdout.write(`attache: ${r.queued} jobs queued\n`);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  return failed ? EXIT.runtime : EXIT.ok;
}

export function setupQueue(program: Command): void {
  const queue = program
    .command("queue")
    .description(
      "the ingest job queue in a PostgreSQL store: add inputs for `attache worker`, see its state",
    );
  queue
    .command("add")
    .description("queue files, folders, URLs or - (standard input) for the workers; one job per input")
    .argument("<inputs...>")
    .addOption(dbOption())
    .action(
      action((inputs: string[], opts: { db?: string }) => queueInputs(inputs, opts.db, DEFAULT_LIMITS)),
    );
  queue
    .command("status")
    .description("jobs pending, running, retrying, failed (with their errors) and done")
    .addOption(dbOption())
    .option("--json", "as JSON")
    .action(
      action(async (opts: { db?: string; json?: boolean }) => {
        const s = await queueStatus(resolveDbLocation(opts.db));
        if (opts.json) return printJson(s);
        const rows: Array<[string, number]> = [
          ["pending", s.pending],
          ["running", s.running],
          ["retrying", s.retrying],
          ["failed", s.failed],
          ["done", s.done],
        ];
        const lines = rows.map(([k, n]) => `${k.padEnd(9)}${String(n).padStart(8)}`);
        if (s.failures.length) {
          lines.push("", "failed jobs (latest first):");
          for (const f of s.failures) lines.push(`  ${f.input}: ${f.error} (ran ${f.runs} times)`);
        }
        process.stdout.write(`${lines.join("\n")}\n`);
      }),
    );
}
