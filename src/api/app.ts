// The HTTP app: the read-only JSON API under /api (validated routes, one error handler, an OpenAPI document
// built from the same schemas) and the dashboard from web/dist, every response under a strict CSP.
import { Hono } from "hono";
import { readFileSync } from "node:fs";
import type { Knowledge } from "../knowledge/types.ts";
import type { QueryContext } from "../query/context.ts";
import { AttacheError } from "../query/errors.ts";
import type { ApiErrorOut } from "../query/schemas.ts";
import type { Repository } from "../store/repository.ts";
import { renderHome } from "./home.ts";
import { buildOpenApi } from "./openapi.ts";
import { mount } from "./route.ts";
import { ROUTES } from "./routes.ts";
import { DEFAULT_WEB_ROOT, staticFile } from "./static.ts";

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

export interface AppOptions {
  repo: Repository;
  knowledge: Knowledge;
  /** The built dashboard (default: web/dist in the checkout). */
  webRoot?: string;
  today?: () => string;
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

export function createApp(options: AppOptions): Hono {
  const ctx: QueryContext = { repo: options.repo, knowledge: options.knowledge, today: options.today };
  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  const app = new Hono();

  app.use("*", async (c, next) => {
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    if (!c.res.headers.has("Content-Security-Policy")) c.header("Content-Security-Policy", CSP);
  });

  app.onError((err, c) => {
    if (err instanceof AttacheError) return c.json(errorBody(err.code, err.message, err.details), err.status);
    process.stderr.write(
      `attache: error serving ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}\n`,
    );
    return c.json(errorBody("internal", "unexpected error; see the server log"), 500);
  });

  let openapi: object | null = null;
  app.get("/api/openapi.json", (c) => c.json((openapi ??= buildOpenApi(ROUTES, version()))));
  mount(app, ROUTES, ctx);
  app.all("/api/*", (c) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD")
      throw new AttacheError(405, "method_not_allowed", "the API is read-only: only GET is allowed");
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
