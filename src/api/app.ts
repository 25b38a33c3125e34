// The HTTP app: JSON API over the store, and the page that shows it.
import { Hono } from "hono";
import type { Repository } from "../store/repository.ts";
import { renderHome } from "./home.ts";

export function createApp(repo: Repository): Hono {
  const app = new Hono();
  app.get("/", async (c) => {
    const [articles, events, stats] = await Promise.all([
      repo.listArticles(200, 0),
      repo.listEvents({ limit: 200 }),
      repo.stats(),
    ]);
    return c.html(renderHome(articles, events, stats));
  });
  app.get("/api/stats", async (c) => c.json(await repo.stats()));
  app.get("/api/events", async (c) => c.json({ items: await repo.listEvents({ limit: 100 }) }));
  app.get("/api/articles/:id", async (c) => {
    const a = await repo.getArticle(c.req.param("id"));
    if (!a) return c.json({ error: { code: "not_found", message: "no article with that id" } }, 404);
    return c.json({ article: a, events: await repo.listEvents({ articleId: a.id, limit: 1000 }) });
  });
  return app;
}
