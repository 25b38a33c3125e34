// A route is declared once — path, parameter schemas, response schema, handler — and that one declaration
// both mounts the Hono handler (validating input) and describes the operation in the OpenAPI document.
import type { Context, Hono } from "hono";
import { z } from "zod";
import { type QueryContext, todayIso } from "../query/context.ts";
import { AttacheError, type ErrorDetail, badRequest } from "../query/errors.ts";
import type { AnswerCache } from "./cache.ts";

export interface RouteDef<P extends z.ZodObject = z.ZodObject, Q extends z.ZodObject = z.ZodObject> {
  /** OpenAPI style: /api/countries/{id}. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  params?: P;
  query?: Q;
  response: z.ZodType;
  /** The 4xx statuses this operation can answer with (400 is added whenever it takes parameters). */
  errors?: Array<400 | 404>;
  handler(input: { params: z.output<P>; query: z.output<Q> }, ctx: QueryContext): unknown;
}

/** Declares a route with its types inferred from its schemas. */
export const route = <P extends z.ZodObject, Q extends z.ZodObject>(def: RouteDef<P, Q>): RouteDef => def;

export function issuesToDetails(error: z.ZodError, prefix: string): ErrorDetail[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join("."),
    message: i.message,
  }));
}

/** Parses one part of the request; empty values count as absent and unknown names are refused. */
export function parseInput<T extends z.ZodObject>(
  schema: T | undefined,
  raw: Record<string, string>,
  where: "query" | "path",
): z.output<T> {
  const given = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ""));
  if (!schema) {
    const extra = Object.keys(given);
    if (extra.length) throw badRequest(`unknown ${where} parameter ${extra[0]}`, unknownDetails(extra));
    return {} as z.output<T>;
  }
  const extra = Object.keys(given).filter((k) => !(k in schema.shape));
  if (extra.length) throw badRequest(`unknown ${where} parameter ${extra[0]}`, unknownDetails(extra));
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const details = issuesToDetails(parsed.error, "");
    throw badRequest(
      `invalid ${where} parameter ${details[0]?.path ?? ""}: ${details[0]?.message ?? ""}`,
      details,
    );
  }
  return parsed.data;
}

const unknownDetails = (names: string[]): ErrorDetail[] =>
  names.map((n) => ({ path: n, message: "unknown parameter" }));

const honoPath = (path: string): string => path.replace(/\{(\w+)\}/g, ":$1");

const JSON_TYPE = { "Content-Type": "application/json" };

/** Mounts the routes; with a cache, answers are kept while the store's change mark stays (see cache.ts). */
export function mount(app: Hono, routes: RouteDef[], ctx: QueryContext, cache?: AnswerCache): void {
  for (const r of routes) {
    app.get(honoPath(r.path), async (c: Context) => {
      // Read before the answer is computed: an answer kept under a mark is never older than the store was then.
      const mark = cache && ctx.repo.changeMark ? `${ctx.repo.changeMark()} ${todayIso(ctx)}` : null;
      const url = new URL(c.req.url);
      const key = url.pathname + url.search;
      const hit = mark === null ? null : cache!.get(key, mark);
      if (hit) return c.body(hit.body as Uint8Array<ArrayBuffer>, 200, JSON_TYPE);
      const params = parseInput(r.params, c.req.param() as Record<string, string>, "path");
      const query = parseInput(r.query, c.req.query(), "query");
      const body = await r.handler({ params, query }, ctx);
      if (mark === null) return c.json(body as object);
      const bytes = Buffer.from(JSON.stringify(body));
      cache!.set(key, mark, bytes);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, JSON_TYPE);
    });
  }
}

export { AttacheError };
