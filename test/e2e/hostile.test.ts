// The dashboard in Debian's chromium over articles whose every field carries markup and event handlers
// (test/fixtures/hostile/xss.jsonl, scripts.html): every page that shows them prints the characters, and
// nothing runs — no handler fires, no element is made from the text, no script but the dashboard's own.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { fixture } from "../support/shared.ts";
import { type Harness, needsChromium, startHarness } from "./harness.ts";

describe(
  "dashboard: stored markup is shown as text and never runs",
  { skip: needsChromium, timeout: 180_000 },
  () => {
    let h: Harness;
    let xssId = "";
    let jsUrlId = "";
    const dialogs: string[] = [];

    before(async () => {
      h = await startHarness([fixture("hostile", "xss.jsonl"), fixture("hostile", "scripts.html")]);
      const list = (await (await fetch(`${h.base}/api/articles?limit=500`)).json()) as {
        items: Array<{ id: string; title: string | null }>;
      };
      xssId = list.items.find((a) => a.title?.startsWith("Nauru <img"))?.id ?? "";
      jsUrlId = list.items.find((a) => a.title?.startsWith("A javascript: URL"))?.id ?? "";
      assert.ok(xssId && jsUrlId, "the hostile articles were ingested");
    });
    after(async () => {
      if (h) await h.close();
    });

    async function visit(path: string, ready: string): Promise<Page> {
      const page = await h.newPage();
      page.on("dialog", (d) => {
        dialogs.push(`${path}: ${d.message()}`);
        void d.dismiss();
      });
      await page.goto(h.base + path);
      await page.locator(ready).first().waitFor({ state: "visible", timeout: 15_000 });
      return page;
    }

    /** Nothing from the data became markup or ran. */
    async function assertInert(page: Page, where: string): Promise<void> {
      const state = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
        scripts: [...document.querySelectorAll("script")].map((s) => s.getAttribute("src") ?? "inline"),
        made: document.querySelectorAll(
          'img[src="x"], svg[onload], b[onmouseover], [onerror], [onclick], [onload], a[href^="javascript:"], iframe',
        ).length,
      }));
      assert.equal(state.pwned, null, `${where}: a handler ran (${state.pwned})`);
      assert.ok(
        state.scripts.every((s) => s.startsWith("/assets/")),
        `${where}: scripts ${state.scripts.join(", ")}`,
      );
      assert.equal(state.made, 0, `${where}: elements were made from the text`);
      assert.deepEqual(dialogs, []);
    }

    test("the article page: title, outlet, text as read and cleaned, highlights and their records", async () => {
      const page = await visit(`/articles/${xssId}`, '[data-testid="article-text"]');
      assert.equal(
        await page.getByTestId("article-title").textContent(),
        `Nauru <img src=x onerror="window.__pwned='title'"><script>window.__pwned='title'</script>`,
      );
      const text = (await page.getByTestId("article-text").textContent()) ?? "";
      assert.match(text, /<script>window.__pwned='script'<\/script>/);
      assert.match(text, /<svg onload=window.__pwned='quote'>/);
      assert.ok(
        (await page.locator("body").textContent())?.includes(
          `<b onmouseover="window.__pwned='outlet'">Wire</b>`,
        ),
      );
      // Hover every highlight: the records it shows carry the evidence and the quote.
      for (const mark of await page.locator("[data-testid='article-text'] mark").all()) {
        await mark.hover();
        await page.waitForTimeout(50);
      }
      await assertInert(page, "article");
      await page.getByRole("button", { name: "Cleaned" }).click();
      assert.match(
        (await page.getByTestId("article-text").textContent()) ?? "",
        /onerror="window.__pwned='text'"/,
      );
      await assertInert(page, "article, cleaned");
      await h.shot(page, "hostile-article");
      await page.close();
    });

    test("a javascript: address is not made a link", async () => {
      const page = await visit(`/articles/${jsUrlId}`, '[data-testid="article-text"]');
      assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
      assert.equal(await page.locator("a.ext").count(), 0);
      await assertInert(page, "javascript: URL");
      await page.close();
    });

    test("the lists: articles, events, the country and the relationship", async () => {
      for (const [path, ready] of [
        ["/articles", '[data-testid="article-list"]'],
        ["/events?actor=NRU", '[data-testid="events-table"]'],
        ["/countries/NRU", '[data-testid="country-name"]'],
        ["/relations/NRU/TWN", '[data-testid="relation-title"]'],
      ]) {
        const page = await visit(path, ready);
        await page.waitForTimeout(300);
        await assertInert(page, path);
        await page.close();
      }
    });

    test("the page that carried scripts and handlers shows only its text", async () => {
      const list = (await (await fetch(`${h.base}/api/articles?limit=500`)).json()) as {
        items: Array<{ id: string; title: string | null }>;
      };
      const id = list.items.find((a) => a.title?.startsWith("Tuvalu <script>"))?.id;
      assert.ok(id);
      const page = await visit(`/articles/${id}`, '[data-testid="article-text"]');
      // Markup the page printed as text is text here too.
      assert.match(
        (await page.getByTestId("article-text").textContent()) ?? "",
        /A reader wrote <script>alert\("text"\)<\/script>/,
      );
      await assertInert(page, "scripts.html");
      // The page source is shown as source: its tags are characters on the screen.
      await page.getByRole("button", { name: "Page source" }).click();
      assert.match((await page.getByTestId("article-text").textContent()) ?? "", /<script>alert\("head"\)/);
      await assertInert(page, "scripts.html, page source");
      await page.close();
    });
  },
);
