// The dashboard: one page per path, inside the common frame.
import { render } from "preact";
import { useEffect } from "preact/hooks";
import { Layout } from "./components/layout.tsx";
import { Empty } from "./components/ui.tsx";
import { ArticlePage } from "./pages/ArticlePage.tsx";
import { ArticlesPage } from "./pages/ArticlesPage.tsx";
import { CountryPage } from "./pages/CountryPage.tsx";
import { EventPage } from "./pages/EventPage.tsx";
import { EventsPage } from "./pages/EventsPage.tsx";
import { MapPage } from "./pages/MapPage.tsx";
import { RelationPage } from "./pages/RelationPage.tsx";
import { Link, match, useLocation } from "./router.tsx";
import "./styles.css";

function Page() {
  const { path } = useLocation();
  let m: Record<string, string> | null;
  if (match("/", path)) return { title: "Recognition map", node: <MapPage /> };
  if ((m = match("/countries/:id", path))) return { title: m.id, node: <CountryPage key={m.id} id={m.id} /> };
  if ((m = match("/relations/:a/:b", path)))
    return { title: `${m.a} and ${m.b}`, node: <RelationPage key={`${m.a}/${m.b}`} a={m.a} b={m.b} /> };
  if (match("/events", path)) return { title: "Events", node: <EventsPage /> };
  if ((m = match("/events/:id", path))) return { title: "Event", node: <EventPage key={m.id} id={m.id} /> };
  if (match("/articles", path)) return { title: "Articles", node: <ArticlesPage /> };
  if ((m = match("/articles/:id", path)))
    return { title: "Article", node: <ArticlePage key={m.id} id={m.id} /> };
  return {
    title: "Not found",
    node: (
      <div class="page">
        <Empty title="There is no page here">
          <Link href="/">Back to the map</Link>
        </Empty>
      </div>
    ),
  };
}

function App() {
  const page = Page();
  useEffect(() => {
    document.title = `${page.title} · attache`;
  }, [page.title]);
  return <Layout>{page.node}</Layout>;
}

render(<App />, document.getElementById("app")!);
