// attache serve: the dashboard and the HTTP JSON API.
import { serve } from "@hono/node-server";
import type { Command } from "commander";
import { createApp } from "../api/app.ts";
import { openStore, resolveDbLocation } from "../store/open.ts";
import { action, dbOption, parseIntArg } from "./common.ts";

export const DEFAULT_PORT = 4793;

export function startServer(dbLocation: string, port: number, host: string): Promise<void> {
  const repo = openStore(dbLocation);
  const app = createApp(repo);
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host;
      process.stdout.write(`attache: serving http://${shown}:${info.port}/ (Ctrl-C to stop)\n`);
    });
    const stop = (): void => {
      server.close();
      void repo.close().then(resolve);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

export function setupServe(program: Command): void {
  program
    .command("serve")
    .description("serve the dashboard and the HTTP JSON API")
    .addOption(dbOption())
    .option("--port <n>", "port to listen on (default: $PORT or 4793)")
    .option("--host <host>", "address to bind (default: localhost only)", "127.0.0.1")
    .action(
      action(async (opts: { db?: string; port?: string; host: string }) => {
        const port = parseIntArg(opts.port ?? process.env.PORT ?? String(DEFAULT_PORT), "--port");
        await startServer(resolveDbLocation(opts.db), port, opts.host);
      }),
    );
}
