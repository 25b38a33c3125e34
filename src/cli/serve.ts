// attache serve: the dashboard and the HTTP JSON API. Read-only unless given a token; loopback only unless
// told otherwise; every request bounded in size and time.
import { serve } from "@hono/node-server";
import type { Command } from "commander";
import type { Server as HttpServer } from "node:http";
import { isIP } from "node:net";
import { createApp } from "../api/app.ts";
import { TokenError, loadToken } from "../api/auth.ts";
import { DEFAULT_WEB_ROOT, isBuilt } from "../api/static.ts";
import { loadKnowledge } from "../knowledge/index.ts";
import { openStore, resolveDbLocation } from "../store/open.ts";
import { UsageError, action, complain, dbOption, parseIntArg } from "./common.ts";

export const DEFAULT_PORT = 4793;
export const DEFAULT_HOST = "127.0.0.1";

export interface ServeOptions {
  /** The write token (null: read-only). */
  token?: string | null;
  /** Keep answers while the store is unchanged (default: true). */
  cache?: boolean;
  /**
   * Stop when the process that started this one goes away (`npm start` killed: npm's shell does not pass
   * the signal on, and an orphaned demo server would keep the port).
   */
  stopWithParent?: boolean;
}

/** Whether a bind address is the loopback interface only. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || (isIP(h) === 4 && h.startsWith("127."));
}

/** The Host headers a loopback-bound server answers: loopback names, any port. */
export function loopbackHost(hostHeader: string): boolean {
  const m = /^(\[[0-9a-f:.]+\]|[^:]+)(?::\d{1,5})?$/i.exec(hostHeader.trim());
  return m !== null && isLoopback(m[1]);
}

/** Serves the store at dbLocation until SIGINT or SIGTERM; rejects when the port cannot be taken. */
export async function startServer(
  dbLocation: string,
  port: number,
  host: string,
  options: ServeOptions = {},
): Promise<void> {
  const knowledge = loadKnowledge();
  const repo = openStore(dbLocation);
  const token = options.token ?? null;
  const app = createApp({
    repo,
    knowledge,
    token,
    cache: options.cache,
    allowHost: isLoopback(host) ? loopbackHost : undefined,
  });
  if (!(await isBuilt(DEFAULT_WEB_ROOT)))
    complain(
      "dashboard",
      `not built (no ${DEFAULT_WEB_ROOT}); serving the plain view — run npm run build:web`,
    );
  if (!isLoopback(host))
    complain(
      "serve",
      `listening on ${host}: anyone who can reach this machine can read the whole store` +
        (token ? ", and anyone with the token can add to it" : ""),
    );
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      const shown =
        host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
      process.stdout.write(
        `attache: serving http://${shown}:${info.port}/ (${token ? "POST /api/ingest with the token" : "read-only"}; Ctrl-C to stop)\n`,
      );
    });
    // A client that sends its request slowly (or never finishes it) is cut off.
    const http = server as HttpServer;
    http.headersTimeout = 10_000;
    http.requestTimeout = 30_000;
    http.keepAliveTimeout = 5_000;
    const parent = process.ppid;
    const orphaned = options.stopWithParent
      ? setInterval(() => {
          if (process.ppid !== parent) stop();
        }, 1000).unref()
      : null;
    const stop = (): void => {
      if (orphaned) clearInterval(orphaned);
      server.close();
      http.closeIdleConnections();
      void repo.close().then(resolve);
    };
    server.once("error", (err: NodeJS.ErrnoException) => {
      if (orphaned) clearInterval(orphaned);
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
    .description(
      "serve the dashboard and the HTTP JSON API (OpenAPI at /api/openapi.json); read-only unless given a token",
    )
    .addOption(dbOption())
    .option("--port <n>", "port to listen on (default: $PORT or 4793)")
    .option(
      "--host <host>",
      "address to bind (default: this machine only; 0.0.0.0 for every interface)",
      DEFAULT_HOST,
    )
    .option(
      "--token-file <file>",
      "accept POST /api/ingest from clients that send the token in this file's first line " +
        "(default: $ATTACHE_TOKEN; neither: read-only)",
    )
    .option("--no-cache", "answer every request from the store (default: keep answers while it is unchanged)")
    .action(
      action(
        async (opts: { db?: string; port?: string; host: string; tokenFile?: string; cache: boolean }) => {
          const port = parsePort(opts.port ?? process.env.PORT ?? String(DEFAULT_PORT));
          let token: string | null;
          try {
            token = loadToken(opts.tokenFile);
          } catch (err) {
            if (err instanceof TokenError) throw new UsageError(err.message);
            throw err;
          }
          await startServer(resolveDbLocation(opts.db), port, opts.host, { token, cache: opts.cache });
        },
      ),
    );
}
