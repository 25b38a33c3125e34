// attache serve: the dashboard and the HTTP JSON API.
import { serve } from "@hono/node-server";
import type { Command } from "commander";
import { createApp } from "../api/app.ts";
import { DEFAULT_WEB_ROOT, isBuilt } from "../api/static.ts";
import { loadKnowledge } from "../knowledge/index.ts";
import { openStore, resolveDbLocation } from "../store/open.ts";
import { UsageError, action, complain, dbOption, parseIntArg } from "./common.ts";

export const DEFAULT_PORT = 4793;

/** Serves the store at dbLocation until SIGINT or SIGTERM; rejects when the port cannot be taken. */
export async function startServer(dbLocation: string, port: number, host: string): Promise<void> {
  const knowledge = loadKnowledge();
  const repo = openStore(dbLocation);
  const app = createApp({ repo, knowledge });
  if (!(await isBuilt(DEFAULT_WEB_ROOT)))
    complain(
      "dashboard",
      `not built (no ${DEFAULT_WEB_ROOT}); serving the plain view — run npm run build:web`,
    );
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      const shown =
        host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
      process.stdout.write(`attache: serving http://${shown}:${info.port}/ (Ctrl-C to stop)\n`);
    });
    const stop = (): void => {
      server.close();
      void repo.close().then(resolve);
    };
    server.once("error", (err: NodeJS.ErrnoException) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void repo.close();
      reject(
        new Error(
          err.code === "EADDRINUSE"
            ? `port ${port} on ${host} is already in use (try --port)`
            : `cannot listen on ${host}:${port}: ${err.message}`,
        ),
      );
    });
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

export function parsePort(value: string): number {
  const port = parseIntArg(value, "--port");
  if (port > 65535) throw new UsageError(`--port must be at most 65535, not ${port}`);
  return port;
}

export function setupServe(program: Command): void {
  program
    .command("serve")
    .description("serve the dashboard and the read-only HTTP JSON API (OpenAPI at /api/openapi.json)")
    .addOption(dbOption())
    .option("--port <n>", "port to listen on (default: $PORT or 4793)")
    .option("--host <host>", "address to bind (default: localhost only)", "127.0.0.1")
    .action(
      action(async (opts: { db?: string; port?: string; host: string }) => {
        const port = parsePort(opts.port ?? process.env.PORT ?? String(DEFAULT_PORT));
        await startServer(resolveDbLocation(opts.db), port, opts.host);
      }),
    );
}
