// The HTTP app: the JSON API under /api (validated routes, one error handler, an OpenAPI document built from
// the same schemas) and the dashboard from web/dist, every response under a strict CSP. Read-only unless it
// is given a token: then POST /api/ingest stores an article for whoever sends that token. Every request is
// bounded in size and time; a server bound to loopback answers only requests addressed to loopback.
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { readFileSync } from "node:fs";
import { createCoder } from "../extract/coder.ts";
import type { Knowledge } from "../knowledge/types.ts";
import type { QueryContext } from "../query/context.ts";
import { AttacheError } from "../query/errors.ts";
import type { ApiErrorOut } from "../query/schemas.ts";
import type { Repository } from "../store/repository.ts";
import type { Article, EventRecord } from "../store/types.ts";
import { bearer, tokenMatches } from "./auth.ts";
import { AnswerCache } from "./cache.ts";
import { renderHome } from "./home.ts";
import { buildOpenApi } from "./openapi.ts";
import { issuesToDetails, mount } from "./route.ts";
import { ROUTES } from "./routes.ts";
import { DEFAULT_WEB_ROOT, staticFile } from "./static.ts";
import { IngestRequest, ingestOne, ingestOperation } from "./write.ts";

/** Scripts, styles, images and requests from this origin only; no inline script, no other host, no framing. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** For the page shown when the dashboard has not been built: its styles are inline, it has no script. */
const FALLBACK_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

export interface ServerLimits {
  /** Largest request body, in bytes. */
  bodyBytes: number;
  /** Time one request may take before the answer is 503 timeout, in milliseconds. */
  requestMs: number;
}

/** A megabyte of JSON holds an article several times longer than news runs, and codes in about a second. */
export const DEFAULT_SERVER_LIMITS: ServerLimits = { bodyBytes: 1024 * 1024, requestMs: 15_000 };

export interface AppOptions {
  repo: Repository;
  knowledge: Knowledge;
  /** The built dashboard (default: web/dist in the checkout). */
  webRoot?: string;
  today?: () => string;
  /** The write token; without one the server is read-only. */
  token?: string | null;
  limits?: Partial<ServerLimits>;
  /** Which Host headers to answer (attache serve: loopback names only, when bound to loopback). */
  allowHost?: (host: string) => boolean;
  /** Keep answers while the store is unchanged (default: true; only stores with a change mark). */
  cache?: boolean;
  /** The coder for POST /api/ingest (default: built from `knowledge` on the first write). */
  code?: (article: Article) => EventRecord[];
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

const errorBody = (
  code: string,
  message: string,
  details?: ApiErrorOut["error"]["details"],
): ApiErrorOut => ({
  error: details ? { code, message, details } : { code, message },
});

/** Fails a request that takes longer than `ms` with 503 timeout (the work itself is not stopped). */
const timeLimit =
  (ms: number): MiddlewareHandler =>
  async (_c, next) => {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new AttacheError(503, "timeout", `no answer within ${ms / 1000} s`)),
        ms,
      );
    });
    try {
      await Promise.race([next(), expired]);
    } finally {
      clearTimeout(timer);
    }
  };

export function createApp(options: AppOptions): Hono {
  const ctx: QueryContext = { repo: options.repo, knowledge: options.knowledge, today: options.today };
  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  const limits = { ...DEFAULT_SERVER_LIMITS, ...options.limits };
  const token = options.token ?? null;
  let coder = options.code ?? null;
  const app = new Hono();

  app.use("*", async (c, next) => {
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    if (!c.res.headers.has("Content-Security-Policy")) c.header("Content-Security-Policy", CSP);
  });

  // Another site's page that points a name it controls at 127.0.0.1 (DNS rebinding) sends its own Host.
  if (options.allowHost) {
    const allowHost = options.allowHost;
    app.use("*", async (c, next) => {
      const host = c.req.header("host") ?? "";
      if (!allowHost(host))
        throw new AttacheError(
          421,
          "forbidden_host",
          `this server does not answer for host "${host.slice(0, 100)}"`,
        );
      await next();
    });
  }
  app.use("*", timeLimit(limits.requestMs));
  app.use(
    "*",
    bodyLimit({
      maxSize: limits.bodyBytes,
      onError: (c) =>
        c.json(
          errorBody("payload_too_large", `the request body is over the ${limits.bodyBytes} byte limit`),
          413,
        ),
    }),
  );

  app.onError((err, c) => {
    if (err instanceof AttacheError) return c.json(errorBody(err.code, err.message, err.details), err.status);
    process.stderr.write(
      `attache: error serving ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}\n`,
    );
    return c.json(errorBody("internal", "unexpected error; see the server log"), 500);
  });

  let openapi: object | null = null;
  app.get("/api/openapi.json", (c) => c.json((openapi ??= openApiWithWrites(version()))));
  mount(app, ROUTES, ctx, options.cache === false ? undefined : new AnswerCache());

  app.post("/api/ingest", async (c) => {
    if (!token)
      throw new AttacheError(
        403,
        "read_only",
        "this server is read-only: start it with ATTACHE_TOKEN or --token-file to accept POST /api/ingest",
      );
    const given = bearer(c.req.header("authorization"));
    if (!given || !tokenMatches(token, given)) {
      c.header("WWW-Authenticate", 'Bearer realm="attache"');
      throw new AttacheError(401, "unauthorized", "send the server's token as Authorization: Bearer TOKEN");
    }
    if (!/^application\/json\s*(;|$)/i.test(c.req.header("content-type") ?? ""))
      throw new AttacheError(415, "unsupported_media_type", "send the article as application/json");
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw new AttacheError(400, "invalid_request", "the body is not JSON");
    }
    const parsed = IngestRequest.safeParse(raw);
    if (!parsed.success) {
      const details = issuesToDetails(parsed.error, "");
      throw new AttacheError(
        400,
        "invalid_request",
        `invalid body: ${details[0]?.path || "(body)"}: ${details[0]?.message ?? ""}`,
        details,
      );
    }
    const code = (coder ??= createCoder({ knowledge: options.knowledge }));
    return c.json(await ingestOne(parsed.data, options.repo, code), 201);
  });

  app.all("/api/*", (c) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD")
      throw new AttacheError(
        405,
        "method_not_allowed",
        "the API is read-only: only GET is allowed (and POST /api/ingest, with the server's token)",
      );
    throw new AttacheError(404, "not_found", `no API route ${c.req.path}`);
  });

  app.get("*", async (c) => {
    const file = await staticFile(webRoot, c.req.path);
    if (file) {
      return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
        "Content-Type": file.type,
        "Cache-Control": file.cache,
      });
    }
    if (c.req.path.startsWith("/assets/")) throw new AttacheError(404, "not_found", `no file ${c.req.path}`);
    // Not built (a checkout without `npm run build:web`): a plain server-rendered page of the store.
    const [articles, events, stats] = await Promise.all([
      options.repo.listArticles(200, 0),
      options.repo.listEvents({ limit: 200 }),
      options.repo.stats(),
    ]);
    c.header("Content-Security-Policy", FALLBACK_CSP);
    return c.html(renderHome(articles, events, stats));
  });
  return app;
}

/** The generated document, with the one write operation and its token scheme. */
function openApiWithWrites(v: string): object {
  const doc = buildOpenApi(ROUTES, v) as {
    info: { description: string };
    paths: Record<string, object>;
    components: Record<string, object>;
  };
  doc.info.description +=
    " Writing is off unless the server is given a token: then POST /api/ingest stores an article.";
  doc.paths["/api/ingest"] = ingestOperation((description) => ({
    description,
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  }));
  doc.components.securitySchemes = { token: { type: "http", scheme: "bearer" } };
  return doc;
}
