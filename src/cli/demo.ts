// attache demo (what `npm start` runs): ingest the bundled demo corpus into its own database, then serve.
import type { Command } from "commander";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createCoder } from "../extract/coder.ts";
import { ingestInputs } from "../ingest/run.ts";
import { DEFAULT_LIMITS, expandInputs } from "../ingest/sources.ts";
import { defaultDbPath } from "../store/open.ts";
import { openStore } from "../store/open.ts";
import { action, complain, parseIntArg } from "./common.ts";
import { summaryLine } from "./ingest.ts";
import { DEFAULT_PORT, startServer } from "./serve.ts";

export const DEMO_CORPUS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "corpus", "demo");

export function setupDemo(program: Command): void {
  program
    .command("demo")
    .description("ingest the bundled demo corpus into a demo database and serve the dashboard")
    .option("--db <path>", "demo database (default: demo.db beside the default database)")
    .option("--port <n>", "port (default: $PORT or 4793)")
    .option("--host <host>", "address to bind", "127.0.0.1")
    .option("--no-serve", "only ingest")
    .action(
      action(async (opts: { db?: string; port?: string; host: string; serve: boolean }) => {
        const db = opts.db ?? join(dirname(defaultDbPath()), "demo.db");
        const repo = openStore(db);
        const summary = await ingestInputs(
          expandInputs([DEMO_CORPUS], DEFAULT_LIMITS, (n, why) => complain(n, why)),
          repo,
          { code: createCoder(), onError: (n, why) => complain(n, why) },
        );
        await repo.close();
        process.stdout.write(`attache: demo corpus → ${db}: ${summaryLine(summary)}\n`);
        if (opts.serve) {
          const port = parseIntArg(opts.port ?? process.env.PORT ?? String(DEFAULT_PORT), "--port");
          await startServer(db, port, opts.host, { stopWithParent: true });
        }
      }),
    );
}
