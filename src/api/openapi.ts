// The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with: components from
// the registry in src/query/schemas.ts, parameters from each route's query and path schemas.
import { z } from "zod";
import { components } from "../query/schemas.ts";
import type { RouteDef } from "./route.ts";

type Json = Record<string, unknown>;

const uri = (id: string): string => `#/components/schemas/${id}`;

function clean(schema: Json): Json {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

function parameters(schema: z.ZodObject | undefined, where: "query" | "path"): Json[] {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, prop]) => {
    const json = clean(z.toJSONSchema(prop as z.ZodType, { io: "input", target: "draft-2020-12" }));
    const { description, ...rest } = json;
    const param: Json = {
      name,
      in: where,
      required: where === "path" || !(prop as z.ZodType).safeParse(undefined).success,
      schema: rest,
    };
    if (description) param.description = description;
    return param;
  });
}

function refTo(schema: z.ZodType): Json {
  const meta = components.get(schema);
  if (!meta) throw new Error("every response schema must be registered in components");
  return { $ref: uri(meta.id) };
}

const errorResponse = (description: string): Json => ({
  description,
  content: { "application/json": { schema: { $ref: uri("Error") } } },
});

export function buildOpenApi(routes: RouteDef[], version: string): Json {
  const generated = z.toJSONSchema(components, { target: "draft-2020-12", uri }) as {
    schemas: Record<string, Json>;
  };
  const schemas = Object.fromEntries(Object.entries(generated.schemas).map(([id, s]) => [id, clean(s)]));
  const paths: Record<string, Json> = {};
  for (const r of routes) {
    const params = [...parameters(r.params, "path"), ...parameters(r.query, "query")];
    const responses: Json = {
      "200": { description: "OK", content: { "application/json": { schema: refTo(r.response) } } },
    };
    if (params.length || r.errors?.includes(400)) responses["400"] = errorResponse("Invalid parameters");
    if (r.errors?.includes(404)) responses["404"] = errorResponse("Not found");
    responses["500"] = errorResponse("Unexpected error");
    const op: Json = { operationId: r.operationId, summary: r.summary, tags: [r.tag], responses };
    if (r.description) op.description = r.description;
    if (params.length) op.parameters = params;
    paths[r.path] = { get: op };
  }
  paths["/api/openapi.json"] = {
    get: {
      operationId: "getOpenApi",
      summary: "This document",
      tags: ["meta"],
      responses: { "200": { description: "The OpenAPI document", content: { "application/json": {} } } },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "attache API",
      version,
      description:
        "Read-only access to attache's store: coded diplomatic events with their evidence, the recognition " +
        "ledger, country profiles and articles. Errors carry a stable machine code in error.code.",
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: "/" }],
    tags: ["events", "recognition", "countries", "articles", "stats", "meta"].map((name) => ({ name })),
    paths,
    components: { schemas },
  };
}
