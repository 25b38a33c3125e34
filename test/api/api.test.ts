// The HTTP API in process (app.request) over a store built by the real migrations: every route, its
// validation and error codes, paging, the OpenAPI document (validated, and checked against real answers),
// the security headers, and the dashboard's static files.
import { validate } from "@readme/openapi-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { z } from "zod";
import { CSP, createApp } from "../../src/api/app.ts";
import { ROUTES } from "../../src/api/routes.ts";
import {
  ActorList,
  ApiErrorBody,
  ArticlePage,
  ArticleView,
  CountryProfile,
  EventPage,
  RecognitionHistory,
  RecognitionSnapshot,
  Stats,
  Timeline,
} from "../../src/query/schemas.ts";
import { type World, buildWorld } from "../support/world.ts";

let w: World;
let web: string;
let app: ReturnType<typeof createApp>;

before(async () => {
  w = await buildWorld();
  web = mkdtempSync(join(tmpdir(), "attache-web-"));
  mkdirSync(join(web, "assets"));
  writeFileSync(join(web, "index.html"), "<!doctype html><title>dash</title>");
  writeFileSync(join(web, "assets", "app-1234.js"), "console.log(1)");
  app = createApp({ repo: w.ctx.repo, knowledge: w.ctx.knowledge, today: w.ctx.today, webRoot: web });
});
after(async () => {
  await w.close();
  rmSync(web, { recursive: true, force: true });
});

async function get<T extends z.ZodType>(path: string, schema: T, status = 200): Promise<z.infer<T>> {
  const res = await app.request(path);
  const body = await res.json();
  assert.equal(res.status, status, `${path}: ${JSON.stringify(body).slice(0, 300)}`);
  assert.match(res.headers.get("content-type") ?? "", /application\/json/);
  return schema.parse(body);
}

const errorCode = async (path: string, status: number, init?: RequestInit): Promise<string> => {
  const res = await app.request(path, init);
  assert.equal(res.status, status, path);
  return ApiErrorBody.parse(await res.json()).error.code;
};

describe("routes answer with what their schemas say", () => {
  test("/api/events filters, sorts and pages", async () => {
    const page = await get("/api/events?actor=Gondor&type=VISIT&limit=3", EventPage);
    assert.equal(page.limit, 3);
    assert.equal(page.offset, 0);
    assert.equal(page.total, 11);
    assert.equal(page.items.length, 3);
    assert.ok(page.items.every((e) => e.type === "VISIT"));
    const all = await get("/api/events?pair=ROH,GON&sort=confidence&order=desc&limit=500", EventPage);
    const paged: string[] = [];
    for (let offset = 0; offset < all.total; offset += 4)
      paged.push(
        ...(
          await get(`/api/events?pair=ROH,GON&sort=confidence&order=desc&limit=4&offset=${offset}`, EventPage)
        ).items.map((e) => e.id),
      );
    assert.deepEqual(
      paged,
      all.items.map((e) => e.id),
    );
    const defaults = await get("/api/events", EventPage);
    assert.equal(defaults.limit, 50);
  });

  test("/api/timeline", async () => {
    const t = await get("/api/timeline?a=GON&b=Arnor", Timeline);
    assert.equal(t.entries[0].kind, "recognition");
    assert.equal(t.events, 5);
    assert.equal(t.truncated, false);
    const short = await get("/api/timeline?a=GON&b=Arnor&limit=2", Timeline);
    assert.equal(short.truncated, true);
    assert.equal(short.entries.filter((e) => e.kind === "event").length, 2);
    assert.equal(short.events, 5, "the count is still the whole relationship's");
  });

  test("/api/recognition and its history", async () => {
    const r = await get("/api/recognition?as_of=2000-01-01", RecognitionSnapshot);
    assert.deepEqual(r.counts, { ROC: 3, PRC: 0, NONE: 0 });
    const today = await get("/api/recognition", RecognitionSnapshot);
    assert.equal(today.asOf, "2026-11-25");
    const h = await get("/api/recognition/history", RecognitionHistory);
    assert.ok(h.states.some((s) => s.country === "ARN" && s.periods.length === 3));
  });

  test("/api/countries/{id}", async () => {
    const p = await get("/api/countries/ARN?as_of=2005-01-01", CountryProfile);
    assert.equal(p.recognizes, "ROC");
    assert.equal(p.events.series, undefined, "the series only when asked");
    const full = await get("/api/countries/ARN?series=true", CountryProfile);
    assert.equal(
      full.events.series?.reduce((n, r) => n + r.n, 0),
      full.events.total,
    );
    assert.equal((await get("/api/countries/ARN?series=false", CountryProfile)).events.series, undefined);
    assert.equal(await errorCode("/api/countries/ARN?series=yes", 400), "invalid_request");
    assert.equal(await errorCode("/api/countries/MOR", 404), "not_found");
    assert.equal(await errorCode("/api/countries/IGO:COUNCIL", 404), "not_a_state");
  });

  test("/api/articles and /api/articles/{id}", async () => {
    const list = await get("/api/articles?limit=1", ArticlePage);
    assert.equal(list.total, 4);
    const v = await get("/api/articles/a3-council", ArticleView);
    // Text is data: the API returns it as written; the dashboard renders it as text.
    assert.match(v.article.original, /<script>alert\(1\)<\/script>/);
    assert.equal(await errorCode("/api/articles/missing", 404), "not_found");
  });

  test("/api/stats and /api/actors", async () => {
    const s = await get("/api/stats", Stats);
    assert.equal(s.events, w.events.length);
    const a = await get("/api/actors", ActorList);
    assert.ok(a.items.some((x) => x.id === "ARN"));
  });
});

describe("errors: one shape, a machine code, the right status", () => {
  const cases: Array<[string, number, string]> = [
    ["/api/events?limit=0", 400, "invalid_request"],
    ["/api/events?limit=501", 400, "invalid_request"],
    ["/api/events?limit=ten", 400, "invalid_request"],
    ["/api/events?type=INVADE", 400, "invalid_request"],
    ["/api/events?from=2024-13-01", 400, "invalid_request"],
    ["/api/events?from=2025&to=2024", 400, "invalid_request"],
    ["/api/events?sort=evidence", 400, "invalid_request"],
    ["/api/events?colour=red", 400, "invalid_request"],
    ["/api/events?pair=GON", 400, "invalid_request"],
    ["/api/events?actor=Mordor", 400, "unknown_actor"],
    ["/api/timeline?a=GON", 400, "invalid_request"],
    ["/api/timeline?a=GON&b=GON", 400, "invalid_request"],
    ["/api/timeline?a=GON&b=ARN&limit=0", 400, "invalid_request"],
    ["/api/timeline?a=GON&b=ARN&limit=99999", 400, "invalid_request"],
    ["/api/recognition?as_of=2024-02", 400, "invalid_request"],
    ["/api/stats?x=1", 400, "invalid_request"],
    ["/api/nothing-here", 404, "not_found"],
  ];
  for (const [path, status, code] of cases)
    test(`${path} → ${status} ${code}`, async () => assert.equal(await errorCode(path, status), code));

  test("details name the parameter at fault", async () => {
    const res = await app.request("/api/events?limit=0&type=INVADE");
    const body = ApiErrorBody.parse(await res.json());
    assert.deepEqual(body.error.details?.map((d) => d.path).sort(), ["limit", "type"]);
  });

  test("the API is read-only", async () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"])
      assert.equal(await errorCode("/api/events", 405, { method }), "method_not_allowed");
  });

  test("an unexpected failure is a 500 with code internal and no stack trace", async () => {
    const broken = createApp({
      repo: Object.assign(Object.create(w.ctx.repo) as typeof w.ctx.repo, {
        stats: () => Promise.reject(new Error("disk on fire")),
      }),
      knowledge: w.ctx.knowledge,
      webRoot: web,
    });
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = () => true;
    try {
      const res = await broken.request("/api/stats");
      assert.equal(res.status, 500);
      const body = ApiErrorBody.parse(await res.json());
      assert.equal(body.error.code, "internal");
      assert.doesNotMatch(JSON.stringify(body), /disk on fire|at .*\.ts/);
    } finally {
      process.stderr.write = write;
    }
  });
});

describe("OpenAPI", () => {
  interface Param {
    name: string;
    in: string;
    required: boolean;
    schema: { minimum?: number; maximum?: number; default?: unknown };
  }
  interface Doc {
    openapi: string;
    paths: Record<string, { get: { parameters: Param[]; responses: Record<string, unknown> } }>;
    components: { schemas: Record<string, object> };
  }
  let doc: Doc;
  before(async () => {
    doc = (await (await app.request("/api/openapi.json")).json()) as Doc;
  });

  test("the document is valid OpenAPI 3.1", async () => {
    const result = await validate(structuredClone(doc) as never);
    assert.equal(result.valid, true, JSON.stringify(result.valid ? [] : result.errors, null, 2));
    assert.equal(doc.openapi, "3.1.0");
  });

  test("it describes every route, with its parameters and error answers", () => {
    for (const r of ROUTES) {
      const op = doc.paths[r.path]?.get;
      assert.ok(op, `${r.path} is documented`);
      assert.ok(op.responses["200"] && op.responses["500"]);
      if (r.query) {
        const names = op.parameters
          .filter((p: { in: string }) => p.in === "query")
          .map((p: { name: string }) => p.name);
        assert.deepEqual(names, Object.keys(r.query.shape));
        assert.ok(op.responses["400"], `${r.path} documents 400`);
      }
    }
    const limit = doc.paths["/api/events"].get.parameters.find((p) => p.name === "limit");
    assert.ok(limit);
    assert.deepEqual(
      [limit.required, limit.schema.minimum, limit.schema.maximum, limit.schema.default],
      [false, 1, 500, 50],
    );
    assert.equal(doc.paths["/api/countries/{id}"].get.parameters[0].in, "path");
  });

  test("real answers validate against the document's own schemas", async () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    // The document as one schema resource, so its internal #/components/schemas/… references resolve.
    ajv.addSchema({ $id: "https://attache.invalid/openapi.json", components: doc.components });
    const check = async (path: string, id: string): Promise<void> => {
      const body = await (await app.request(path)).json();
      const ok = ajv.validate(`https://attache.invalid/openapi.json#/components/schemas/${id}`, body);
      assert.ok(ok, `${path} vs ${id}: ${ajv.errorsText()}`);
    };
    await check("/api/events?limit=5", "EventPage");
    await check("/api/timeline?a=GON&b=ARN", "Timeline");
    await check("/api/countries/ARN", "CountryProfile");
    await check("/api/countries/ARN?series=true", "CountryProfile");
    await check("/api/articles/a1-gondor-aid", "ArticleView");
    await check("/api/recognition", "RecognitionSnapshot");
    await check("/api/stats", "Stats");
    await check("/api/events?limit=0", "Error");
  });
});

describe("headers and the dashboard", () => {
  test("every answer carries the CSP: no inline script, no other host", async () => {
    for (const path of ["/", "/countries/ARN", "/api/stats", "/assets/app-1234.js"]) {
      const res = await app.request(path);
      const csp = res.headers.get("content-security-policy") ?? "";
      assert.equal(csp, CSP, path);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.doesNotMatch(csp, /unsafe-inline|https?:|\*/);
      assert.equal(res.headers.get("x-content-type-options"), "nosniff");
    }
  });

  test("pages get index.html; hashed assets are cached for good; missing assets are 404", async () => {
    const page = await app.request("/relations/GON/ARN");
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<title>dash<\/title>/);
    assert.equal(page.headers.get("cache-control"), "no-cache");
    const asset = await app.request("/assets/app-1234.js");
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get("content-type") ?? "", /text\/javascript/);
    assert.match(asset.headers.get("cache-control") ?? "", /immutable/);
    assert.equal((await app.request("/assets/missing.js")).status, 404);
  });

  test("nothing outside the dashboard folder is served", async () => {
    for (const path of [
      "/../package.json",
      "/%2e%2e/package.json",
      "/assets/..%2f..%2fpackage.json",
      "/%2e%2e%2f%2e%2e%2fetc/passwd",
    ]) {
      const res = await app.request(path);
      const text = await res.text();
      assert.doesNotMatch(text, /"name": "attache"|root:x:/, path);
    }
  });

  test("without a built dashboard, a plain page of the store, its text escaped", async () => {
    const bare = createApp({ repo: w.ctx.repo, knowledge: w.ctx.knowledge, webRoot: join(web, "missing") });
    const res = await bare.request("/");
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /npm run build:web/);
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /&lt;script&gt;alert/);
    assert.doesNotMatch(res.headers.get("content-security-policy") ?? "", /script-src/);
  });
});
