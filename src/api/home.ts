// The plain server-rendered page shown when the dashboard is not built; every field is escaped as text.
import type { ArticleSummary, StoreStats } from "../store/repository.ts";
import type { EventRecord } from "../store/types.ts";

export const esc = (v: unknown): string =>
  String((v as string | number | null | undefined) ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

export function renderHome(articles: ArticleSummary[], events: EventRecord[], stats: StoreStats): string {
  const eventRows = events
    .map(
      (e) =>
        `<tr><td>${esc(e.date ?? "—")}</td><td>${esc(e.type)}</td><td>${esc(e.source)}</td><td>${esc(e.target ?? "")}</td><td>${esc(e.status)}</td><td>${esc(e.evidence)}</td></tr>`,
    )
    .join("");
  const articleRows = articles
    .map(
      (a) =>
        `<tr><td>${esc(a.published ?? "—")}</td><td>${esc(a.title ?? a.sourceName)}${a.role === "secondary" ? " <small>(secondary story)</small>" : ""}</td><td>${esc(a.outlet ?? "")}</td><td>${a.events}</td></tr>`,
    )
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>attache</title><style>
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1rem;color:#1d2430}
h1{font-size:1.4rem}table{border-collapse:collapse;width:100%;margin-bottom:2rem}td,th{border-bottom:1px solid #dde;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f5f9}small{color:#667}
</style></head><body>
<h1>attache</h1><p>${stats.articles} articles, ${stats.events} events.</p>
<p><small>This is the plain view: the dashboard has not been built. Run <code>npm run build:web</code> and reload.</small></p>
<h2>Events</h2><table><thead><tr><th>date</th><th>type</th><th>source</th><th>target</th><th>status</th><th>evidence</th></tr></thead><tbody>${eventRows}</tbody></table>
<h2>Articles</h2><table><thead><tr><th>published</th><th>title</th><th>outlet</th><th>events</th></tr></thead><tbody>${articleRows}</tbody></table>
</body></html>`;
}
