// attache worker [--concurrency N]: take ingest jobs from the queue in the PostgreSQL store until stopped
// (SIGINT or SIGTERM: jobs in hand are finished first). Any number of workers, on any number of machines.
import type { Command } from "commander";
import { createCoder } from "../extract/coder.ts";
import { openQueue, queueSettings } from "../queue/queue.ts";
import { startWorker } from "../queue/worker.ts";
import { resolveDbLocation } from "../store/open.ts";
import { connectPostgres } from "../store/postgres/postgres-repository.ts";
import { action, complain, dbOption, parseIntArg } from "./common.ts";

export function setupWorker(program: Command): void {
  program
    .command("worker")
    .description(
      "take ingest jobs from the queue (attache queue add) and store what they hold; runs until stopped",
    )
    .addOption(dbOption())
    .option("--concurrency <n>", "jobs worked on at once", "2")
    .option("--quiet", "no line per job")
    .action(
      action(async (opts: { db?: string; concurrency: string; quiet?: boolean }) => {
        const concurrency = parseIntArg(opts.concurrency, "--concurrency", 1);
        const url = resolveDbLocation(opts.db);
        const settings = queueSettings();
        const boss = await openQueue(url, settings);
        const repo = await connectPostgres(url, { max: concurrency + 1 }).catch(async (err: Error) => {
          await boss.stop({ graceful: false, wait: false });
          throw err;
        });
        const code = createCoder();
        await startWorker(boss, repo, code, {
          concurrency,
          onJob: (input, r) => {
            if (r instanceof Error)
              complain(input, `job failed (retried while it has retries left): ${r.message}`);
            else if (!opts.quiet)
              process.stdout.write(`attache: ${input}: ${r.stored} stored, ${r.duplicates} already there\n`);
          },
        });
        process.stdout.write(`attache: worker ready (${concurrency} at a time); Ctrl-C to stop\n`);
        await new Promise<void>((resolve) => {
          process.once("SIGINT", resolve);
          process.once("SIGTERM", resolve);
        });
        await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
        await repo.close();
      }),
    );
}
