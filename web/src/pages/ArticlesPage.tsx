// Every stored article, newest first, with how many events each gave.
import type { ArticlePageOut } from "../../../src/query/schemas.ts";
import { apiPath, useApi } from "../api.ts";
import { Empty, Loaded, Pager } from "../components/ui.tsx";
import { fmtDate, plural } from "../format.ts";
import { Link, navigate, useLocation } from "../router.tsx";

export function ArticlesPage() {
  const { query } = useLocation();
  const offset = Number(query.get("offset") ?? 0) || 0;
  const load = useApi<ArticlePageOut>(apiPath("articles", { limit: 50, offset }));
  return (
    <div class="page">
      <header class="page-head">
        <div>
          <h1>Articles</h1>
          <p class="muted">What has been read, newest first. Open one to see its events in the text.</p>
        </div>
      </header>
      <Loaded load={load} what="Loading articles">
        {(p) =>
          p.total === 0 ? (
            <Empty title="No articles yet">
              Read some with <code>attache ingest PATH</code>, or start the demo with <code>npm start</code>.
            </Empty>
          ) : (
            <section class="panel">
              <ul class="article-list" data-testid="article-list">
                {p.items.map((a) => (
                  <li key={a.id}>
                    <Link href={`/articles/${a.id}`} class="article-link">
                      {a.title ?? a.sourceName}
                    </Link>
                    <span class="muted small">
                      {a.outlet && <>{a.outlet} · </>}
                      {a.published ? fmtDate(a.published) : "date unknown"} · {plural(a.events, "event")}
                      {a.role === "secondary" && " · secondary story"}
                    </span>
                  </li>
                ))}
              </ul>
              <Pager
                total={p.total}
                limit={p.limit}
                offset={p.offset}
                onPage={(o) => navigate(o ? `/articles?offset=${o}` : "/articles")}
              />
            </section>
          )
        }
      </Loaded>
    </div>
  );
}
