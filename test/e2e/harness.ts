// What the end-to-end tests stand on: a store built by ingesting corpus/demo with the real coder, the real
// app served on a free loopback port, the built dashboard, and Debian's chromium driven by playwright-core
// (never a downloaded browser). Without chromium the tests skip with the reason — except in CI, where that
// is a failure.
import { serve } from "@hono/node-server";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, type Page, chromium } from "playwright-core";
import { createApp } from "../../src/api/app.ts";
import { DEFAULT_WEB_ROOT } from "../../src/api/static.ts";
import { createCoder } from "../../src/extract/coder.ts";
import { ingestInputs } from "../../src/ingest/run.ts";
import { DEFAULT_LIMITS, expandInputs } from "../../src/ingest/sources.ts";
import { loadKnowledge } from "../../src/knowledge/index.ts";
import { openSqlite } from "../../src/store/sqlite/sqlite-repository.ts";
import { ROOT } from "../support/shared.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOTS = join(ROOT, "artifacts", "screenshots");

/** The flags stack-notes measured: without the background-networking ones chromium keeps calling out. */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM && process.env.CI)
  throw new Error(
    `chromium is missing at ${CHROMIUM}; CI installs it (apt-get install chromium) before the tests`,
  );

/** Pass as the `skip` option of the e2e suite. */
export const needsChromium: string | false = HAVE_CHROMIUM
  ? false
  : `chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;

export const LAPTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export interface Harness {
  base: string;
  context: BrowserContext;
  /** Every URL the browser asked for, to prove it never left the server. */
  requests: string[];
  /** Console errors and page errors (favicon 404s excepted). */
  problems: string[];
  ingested: { articles: number; events: number; seconds: number };
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  shot(page: Page, name: string, fullPage?: boolean): Promise<void>;
  close(): Promise<void>;
}

async function ensureDashboard(): Promise<void> {
  if (existsSync(join(DEFAULT_WEB_ROOT, "index.html"))) return;
  // `npm test` builds it first (pretest); a single file run builds it here.
  const { build } = await import("vite");
  await build({ configFile: join(ROOT, "web", "vite.config.ts"), logLevel: "warn" });
}

/** Starts the harness over the demo corpus and any `extra` inputs (files or folders) ingested with it. */
export async function startHarness(extra: string[] = []): Promise<Harness> {
  await ensureDashboard();
  const dir = mkdtempSync(join(tmpdir(), "attache-e2e-"));
  const repo = openSqlite(join(dir, "demo.db"));
  const knowledge = loadKnowledge();
  const summary = await ingestInputs(
    expandInputs([join(ROOT, "corpus", "demo"), ...extra], DEFAULT_LIMITS, () => {}),
    repo,
    { code: createCoder({ knowledge }), onError: () => {} },
  );
  const app = createApp({ repo, knowledge });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const context = await chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: LAPTOP,
  });
  const requests: string[] = [];
  const problems: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    base,
    context,
    requests,
    problems,
    ingested: { articles: summary.stored, events: summary.events, seconds: summary.seconds },
    async newPage(viewport = LAPTOP) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      page.on("console", (m) => {
        if (m.type() === "error" && !/favicon/.test(m.text())) problems.push(`console: ${m.text()}`);
      });
      page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
      return page;
    },
    async shot(page, name, fullPage = false) {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
    },
    async close() {
      await context.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await repo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
