// The server as someone who should not get in would try it: writes without the token (or with a wrong one),
// bodies too large, requests too slow, hosts it does not serve, paths out of the dashboard folder (encoded,
// double-encoded, with backslashes, through a link, over a raw socket), markup stored as article text, and
// the headers every answer carries. Plus `attache serve` itself: loopback only by default, token checks.
import { serve } from "@hono/node-server";
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { CSP, createApp } from "../../src/api/app.ts";
import { MIN_TOKEN_LENGTH, bearer, loadToken, tokenMatches } from "../../src/api/auth.ts";
import { API_SOURCE } from "../../src/api/write.ts";
import { isLoopback, loopbackHost } from "../../src/cli/serve.ts";
import { loadKnowledge } from "../../src/knowledge/index.ts";
import { ApiErrorBody, ArticleView } from "../../src/query/schemas.ts";
import type { Repository } from "../../src/store/repository.ts";
import { openSqlite } from "../../src/store/sqlite/sqlite-repository.ts";
import { attache, tempDir } from "../support/cli.ts";
import { ROOT } from "../support/shared.ts";

const TOKEN = "correct-horse-battery-staple-42";
const knowledge = loadKnowledge();

/** The hostile article: markup and handlers in every field a page shows. */
const XSS = {
  url: "https://example.org/news/nauru?<script>alert(1)</script>",
  title: `Nauru <img src=x onerror="window.__pwned='title'"><script>window.__pwned='title'</script>`,
  source: `<b onmouseover="window.__pwned='outlet'">Wire</b>`,
  date: "2024-01-15",
  text:
    `Nauru cut diplomatic ties with Taiwan on Monday <img src=x onerror="window.__pwned='text'">, the government ` +
    `said. <script>window.__pwned='script'</script> "We <svg onload=window.__pwned='quote'> will not go back," ` +
    `President David Adeang said on Tuesday.`,
};

let dir: string;
let repo: Repository;
let web: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), "attache-sec-"));
  repo = openSqlite(join(dir, "store.db"));
  web = join(dir, "web");
  mkdirSync(join(web, "assets"), { recursive: true });
  writeFileSync(join(web, "index.html"), "<!doctype html><title>dash</title>");
  writeFileSync(join(web, "assets", "app-1.js"), "console.log(1)");
  // A link inside the dashboard folder to a file outside it: never followed out.
  symlinkSync(join(ROOT, "package.json"), join(web, "assets", "linked.json"));
});
after(async () => {
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
});

const app = (extra: Partial<Parameters<typeof createApp>[0]> = {}) =>
  createApp({ repo, knowledge, webRoot: web, ...extra });

async function errorCode(res: Response, status: number): Promise<string> {
  const text = await res.text();
  assert.equal(res.status, status, text);
  return ApiErrorBody.parse(JSON.parse(text)).error.code;
}

const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}`, ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

describe("writes: read-only by default; POST /api/ingest with the token only", () => {
  test("without a configured token, every write is refused", async () => {
    const a = app();
    assert.equal(await errorCode(await a.request("/api/ingest", post(XSS)), 403), "read_only");
    for (const method of ["PUT", "PATCH", "DELETE"])
      assert.equal(
        await errorCode(await a.request("/api/articles/x", { method }), 405),
        "method_not_allowed",
      );
    assert.equal(
      await errorCode(await a.request("/api/events", { method: "POST" }), 405),
      "method_not_allowed",
    );
    assert.equal((await repo.stats()).articles, 0);
  });

  test("no token, a wrong token, a token of the right length: 401, nothing stored", async () => {
    const a = app({ token: TOKEN });
    for (const auth of [
      undefined,
      "",
      "Bearer",
      `Bearer ${TOKEN}x`,
      `Bearer ${"x".repeat(TOKEN.length)}`,
      `Basic ${TOKEN}`,
      TOKEN,
    ]) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (auth !== undefined) headers.authorization = auth;
      const res = await a.request("/api/ingest", { method: "POST", headers, body: JSON.stringify(XSS) });
      assert.equal(await errorCode(res, 401), "unauthorized", String(auth));
      assert.match(res.headers.get("www-authenticate") ?? "", /^Bearer/);
    }
    assert.equal((await repo.stats()).articles, 0);
  });

  test("the token is checked before the body is read; then type, JSON and fields are checked", async () => {
    const a = app({ token: TOKEN });
    assert.equal(
      await errorCode(await a.request("/api/ingest", post(XSS, { authorization: "Bearer nope" })), 401),
      "unauthorized",
    );
    assert.equal(
      await errorCode(await a.request("/api/ingest", post(XSS, { "content-type": "text/plain" })), 415),
      "unsupported_media_type",
    );
    assert.equal(await errorCode(await a.request("/api/ingest", post("{not json")), 400), "invalid_request");
    const bad = async (body: unknown, path: string): Promise<void> => {
      const res = await a.request("/api/ingest", post(body));
      const text = await res.text();
      assert.equal(res.status, 400, text);
      const err = ApiErrorBody.parse(JSON.parse(text)).error;
      assert.equal(err.code, "invalid_request");
      assert.ok(
        err.details?.some((d) => d.path === path),
        `${path} in ${text}`,
      );
    };
    await bad({ title: "no body" }, "text");
    await bad({ text: "   " }, "text");
    await bad({ ...XSS, url: "javascript:alert(1)" }, "url");
    await bad({ ...XSS, date: "yesterday" }, "date");
    await bad({ ...XSS, admin: true }, "");
    await bad({ ...XSS, text: 42 }, "text");
    assert.equal(
      await errorCode(await a.request("/api/ingest", post({ text: "\n\n" })), 400),
      "invalid_request",
    );
    assert.equal((await repo.stats()).articles, 0);
  });

  test("with the token: stored and coded like a JSON Lines record; the same article again changes nothing", async () => {
    const a = app({ token: TOKEN });
    const res = await a.request("/api/ingest", post(XSS));
    const body = (await res.json()) as {
      stored: Array<{ id: string; events: number }>;
      duplicates: string[];
    };
    assert.equal(res.status, 201, JSON.stringify(body));
    assert.equal(body.stored.length, 1);
    assert.ok(body.stored[0].events >= 1, "the severance is coded");
    const again = (await (await a.request("/api/ingest", post(XSS))).json()) as typeof body;
    assert.deepEqual(again, { stored: [], duplicates: [body.stored[0].id] });
    const stored = await repo.getArticle(body.stored[0].id);
    assert.equal(stored?.sourceName, API_SOURCE);
    assert.equal(stored?.published, "2024-01-15");
  });

  test("markup in any field is data: the API returns it as JSON text, never as a page", async () => {
    const a = app({ token: TOKEN });
    const list = (await (await a.request("/api/articles")).json()) as { items: Array<{ id: string }> };
    const res = await a.request(`/api/articles/${list.items[0].id}`);
    assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
    assert.equal(res.headers.get("x-content-type-options"), "nosniff");
    const v = ArticleView.parse(await res.json());
    assert.equal(v.article.title, XSS.title);
    assert.match(v.article.cleaned, /<script>window.__pwned='script'<\/script>/);
    // The plain page (no dashboard built) escapes every field.
    const plain = await createApp({ repo, knowledge, webRoot: join(dir, "none") }).request("/");
    const html = await plain.text();
    assert.doesNotMatch(html, /<script>window|<img src=x|<svg onload|<b onmouseover/);
    assert.match(html, /&lt;img src=x onerror=&quot;window.__pwned=&#39;title&#39;&quot;&gt;/);
  });
});

describe("limits: body size, request time, page size, host", () => {
  test("a body over the limit is 413, with a length header or streamed without one", async () => {
    const a = app({ token: TOKEN, limits: { bodyBytes: 10_000 } });
    const big = JSON.stringify({ text: "Taiwan ".repeat(5000) });
    assert.equal(await errorCode(await a.request("/api/ingest", post(big)), 413), "payload_too_large");
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode("x".repeat(2000)));
        c.close();
      },
    });
    const res = await a.request("/api/ingest", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: stream,
      duplex: "half",
    } as RequestInit);
    assert.equal(await errorCode(res, 413), "payload_too_large");
    // The default: a megabyte.
    const d = app({ token: TOKEN });
    const twoMb = JSON.stringify({ text: "x ".repeat(1024 * 1024) });
    assert.equal(await errorCode(await d.request("/api/ingest", post(twoMb)), 413), "payload_too_large");
  });

  test("a request that takes too long is answered 503 timeout, on time", async () => {
    const stuck = Object.assign(Object.create(repo) as Repository, { stats: () => new Promise(() => {}) });
    const a = createApp({ repo: stuck, knowledge, webRoot: web, limits: { requestMs: 200 } });
    const t = performance.now();
    assert.equal(await errorCode(await a.request("/api/stats"), 503), "timeout");
    assert.ok(performance.now() - t < 2000);
  });

  test("filter values are data, never SQL: quotes, comments and LIKE wildcards match only themselves", async () => {
    const a = app();
    const total = async (q: string): Promise<number> => {
      const res = await a.request(`/api/events?${q}`);
      const body = (await res.json()) as { total: number };
      assert.equal(res.status, 200, q);
      return body.total;
    };
    assert.ok((await total("")) >= 1, "the stored article's event");
    assert.ok((await total("text=Nauru")) >= 1);
    for (const q of ["' OR '1'='1", "%", "_", "\\", "'); DROP TABLE events; --", '" OR 1=1 --']) {
      assert.equal(await total(`text=${encodeURIComponent(q)}`), 0, q);
      assert.equal(await total(`article=${encodeURIComponent(q)}`), 0, q);
    }
    assert.ok((await total("")) >= 1, "nothing was dropped");
  });

  test("page sizes are bounded", async () => {
    const a = app();
    for (const path of [
      "/api/events?limit=501",
      "/api/events?offset=1000001",
      "/api/articles?limit=501",
      "/api/articles?offset=-1",
    ])
      assert.equal(await errorCode(await a.request(path), 400), "invalid_request", path);
  });

  test("bound to loopback, it answers only requests addressed to loopback (no DNS rebinding)", async () => {
    const a = app({ allowHost: loopbackHost });
    for (const host of ["localhost", "localhost:4793", "127.0.0.1:80", "127.1.2.3", "[::1]:4793"]) {
      const res = await a.request("/api/stats", { headers: { host } });
      assert.equal(res.status, 200, host);
    }
    for (const host of [
      "evil.example",
      "evil.example:4793",
      "localhost.evil.example",
      "127.0.0.1.nip.io",
      "10.0.0.1",
      "",
    ])
      assert.equal(
        await errorCode(await a.request("/api/stats", { headers: { host } }), 421),
        "forbidden_host",
        host,
      );
    assert.ok(isLoopback("127.0.0.1") && isLoopback("::1") && isLoopback("localhost") && isLoopback("[::1]"));
    assert.ok(!isLoopback("0.0.0.0") && !isLoopback("::") && !isLoopback("192.168.1.2"));
  });
});

describe("static files only from the dashboard folder", () => {
  const ATTACKS = [
    "/../package.json",
    "/..%2fpackage.json",
    "/%2e%2e/package.json",
    "/%2e%2e%2fpackage.json",
    "/assets/..%2f..%2f..%2fpackage.json",
    "/%252e%252e/package.json",
    "/%252e%252e%252fpackage.json",
    "/assets/%252e%252e%252f%252e%252e%252fpackage.json",
    "/..\\package.json",
    "/assets/..%5c..%5cpackage.json",
    "/%5c..%5c..%5cetc%5cpasswd",
    "/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd",
    "/....//....//etc/passwd",
    "/assets/linked.json",
    "/assets/app-1.js%00.json",
    `/${"..%2f".repeat(20)}etc/passwd`,
  ];
  const leaked = (text: string): boolean => /"name": "attache"|root:x:0:0/.test(text);

  test("in process: encoded, double-encoded, backslashes, NUL, a link out", async () => {
    const a = app();
    for (const path of ATTACKS) {
      const res = await a.request(path);
      const text = await res.text();
      assert.ok(!leaked(text), path);
      assert.ok(res.status === 200 || res.status === 404, `${path}: ${res.status}`);
    }
  });

  test("over a real socket, the request line exactly as an attacker writes it", async () => {
    const a = app();
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: a.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    const { port } = server.address() as AddressInfo;
    const raw = (path: string): Promise<string> =>
      new Promise((resolve, reject) => {
        const sock = connect(port, "127.0.0.1");
        let out = "";
        sock.setTimeout(5000, () => sock.destroy(new Error(`timeout on ${path}`)));
        sock.on("data", (d: Buffer) => (out += d.toString("latin1")));
        sock.on("end", () => resolve(out));
        sock.on("error", reject);
        sock.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
      });
    try {
      for (const path of [...ATTACKS, "/../../../../etc/passwd", "/assets/../../package.json"]) {
        const res = await raw(path);
        assert.match(res, /^HTTP\/1\.1 (200|400|404)/, path);
        assert.ok(!leaked(res), path);
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("headers on every answer", () => {
  test("a Content-Security-Policy that forbids inline script and every other host, on pages, data and errors", async () => {
    const a = app({ token: TOKEN, limits: { bodyBytes: 100 }, allowHost: loopbackHost });
    const cases: Array<[string, RequestInit | undefined, number]> = [
      ["/", undefined, 200],
      ["/articles/x", undefined, 200],
      ["/assets/app-1.js", undefined, 200],
      ["/api/stats", undefined, 200],
      ["/api/nothing", undefined, 404],
      ["/api/events?limit=0", undefined, 400],
      ["/api/events", { method: "DELETE" }, 405],
      ["/api/ingest", { method: "POST" }, 401],
      ["/api/ingest", post("x".repeat(500)), 413],
      ["/api/stats", { headers: { host: "evil.example" } }, 421],
    ];
    for (const [path, init, status] of cases) {
      const headers = { host: "localhost", ...(init?.headers as Record<string, string> | undefined) };
      const res = await a.request(path, { ...init, headers });
      assert.equal(res.status, status, path);
      const csp = res.headers.get("content-security-policy") ?? "";
      assert.equal(csp, CSP, path);
      const directives = new Map(csp.split(/;\s*/).map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));
      assert.deepEqual(directives.get("default-src"), ["'self'"]);
      assert.deepEqual(directives.get("script-src"), ["'self'"]);
      assert.deepEqual(directives.get("object-src"), ["'none'"]);
      assert.deepEqual(directives.get("frame-ancestors"), ["'none'"]);
      assert.deepEqual(directives.get("base-uri"), ["'none'"]);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:|\*|data:[^;]*script/, path);
      assert.equal(res.headers.get("x-content-type-options"), "nosniff", path);
      assert.equal(res.headers.get("referrer-policy"), "no-referrer", path);
      assert.equal(res.headers.get("access-control-allow-origin"), null, path);
    }
  });
});

describe("the token", () => {
  test("compared through equal-length digests: any lengths, no throw, only the exact token matches", () => {
    assert.equal(tokenMatches(TOKEN, TOKEN), true);
    for (const other of ["", "x", TOKEN.slice(1), `${TOKEN} `, TOKEN.toUpperCase(), "x".repeat(10_000)])
      assert.equal(tokenMatches(TOKEN, other), false, other.slice(0, 20));
    assert.equal(bearer(`Bearer ${TOKEN}`), TOKEN);
    assert.equal(bearer(`bearer  ${TOKEN} `), TOKEN);
    assert.equal(bearer(`Basic ${TOKEN}`), null);
  });

  test("from --token-file (first line) or ATTACHE_TOKEN; too short or missing is a clear error", () => {
    const d = tempDir();
    writeFileSync(join(d, "token"), `${TOKEN}\nignored\n`);
    assert.equal(loadToken(join(d, "token"), {}), TOKEN);
    assert.equal(loadToken(undefined, { ATTACHE_TOKEN: TOKEN }), TOKEN);
    assert.equal(loadToken(undefined, {}), null);
    assert.equal(
      loadToken(join(d, "token"), { ATTACHE_TOKEN: "other-token-that-is-long" }),
      TOKEN,
      "the file wins",
    );
    assert.throws(() => loadToken(undefined, { ATTACHE_TOKEN: "short" }), /ATTACHE_TOKEN.*at least 16/);
    assert.throws(() => loadToken(join(d, "missing"), {}), /--token-file .*missing: ENOENT/);
    assert.ok(MIN_TOKEN_LENGTH >= 16);
  });
});

describe("attache serve", () => {
  let child: ChildProcess | null = null;
  after(() => {
    if (child && child.exitCode === null) child.kill("SIGTERM");
  });

  /** Starts `attache serve … --port 0` and resolves with the URL it prints. */
  function startServe(
    args: string[],
    env: NodeJS.ProcessEnv = {},
  ): Promise<{ url: string; proc: ChildProcess; stderr: () => string }> {
    const proc = spawn(process.execPath, [join(ROOT, "bin", "attache.js"), "serve", "--port", "0", ...args], {
      env: { ...process.env, ATTACHE_TOKEN: "", ...env },
    });
    child = proc;
    let stderr = "";
    proc.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    return new Promise((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`no URL in 60 s: ${out} ${stderr}`)), 60_000);
      proc.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /serving (http:\/\/\S+\/)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve({ url: m[1], proc, stderr: () => stderr });
        }
      });
      proc.on("exit", (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
  }

  /** The local addresses sockets listen on at a port, from /proc/net/tcp and tcp6 (no traffic sent). */
  function listeningOn(port: number): string[] {
    const out: string[] = [];
    for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        continue;
      }
      for (const line of text.split("\n").slice(1)) {
        const f = line.trim().split(/\s+/);
        if (f.length < 4 || f[3] !== "0A") continue; // 0A: LISTEN
        const [addr, p] = f[1].split(":");
        if (parseInt(p, 16) === port) out.push(addr);
      }
    }
    return out;
  }

  test("binds to 127.0.0.1 by default, read-only; a write with a token file is accepted", async () => {
    const d = tempDir();
    const db = join(d, "s.db");
    let s = await startServe(["--db", db]);
    const port = Number(new URL(s.url).port);
    assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.deepEqual(listeningOn(port), ["0100007F"], "listening on 127.0.0.1 only");
    const ro = await fetch(`${s.url}api/ingest`, post(XSS));
    assert.equal(await errorCode(ro, 403), "read_only");
    s.proc.kill("SIGTERM");
    await new Promise((r) => s.proc.once("exit", r));

    writeFileSync(join(d, "token"), `${TOKEN}\n`);
    s = await startServe(["--db", db, "--token-file", join(d, "token")]);
    const ok = await fetch(
      `${s.url}api/ingest`,
      post({ text: "Palau's president visited Taipei on Tuesday." }),
    );
    assert.equal(ok.status, 201, await ok.clone().text());
    const wrong = await fetch(
      `${s.url}api/ingest`,
      post(XSS, { authorization: "Bearer wrong-token-wrong-token" }),
    );
    assert.equal(await errorCode(wrong, 401), "unauthorized");
    s.proc.kill("SIGTERM");
    await new Promise((r) => s.proc.once("exit", r));
  });

  test("a token too short, or a token file that is not there, stops it with exit 2 and one line", () => {
    const short = attache(["serve", "--port", "0", "--db", join(tempDir(), "x.db")], {
      env: { ATTACHE_TOKEN: "short" },
    });
    assert.equal(short.status, 2);
    assert.match(short.stderr, /^attache: usage: ATTACHE_TOKEN: the token must be at least 16 characters/);
    const missing = attache([
      "serve",
      "--port",
      "0",
      "--token-file",
      "/nonexistent/token",
      "--db",
      join(tempDir(), "x.db"),
    ]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--token-file \/nonexistent\/token: ENOENT/);
  });
});
