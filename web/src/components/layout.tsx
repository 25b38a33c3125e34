// The frame of every page: a header with navigation and a country finder, and a footer naming the sources.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { apiPath, useApi } from "../api.ts";
import { Link, navigate, useLocation } from "../router.tsx";
import type { ActorListOut } from "../../../src/query/schemas.ts";

const NAV: Array<[string, string]> = [
  ["/", "Map"],
  ["/events", "Events"],
  ["/articles", "Articles"],
];

function CountryFinder() {
  const actors = useApi<ActorListOut>(apiPath("actors"));
  const [value, setValue] = useState("");
  const items = actors.state === "ok" ? actors.data.items.filter((a) => a.kind === "state") : [];
  const go = (text: string): void => {
    const t = text.trim().toLowerCase();
    if (!t) return;
    const hit =
      items.find((a) => a.name.toLowerCase() === t || a.id.toLowerCase() === t) ??
      items.find((a) => a.name.toLowerCase().startsWith(t));
    if (hit) {
      setValue("");
      navigate(`/countries/${hit.id}`);
    }
  };
  return (
    <form
      class="finder"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        go(value);
      }}
    >
      <label class="sr-only" for="finder">
        Go to a country
      </label>
      <input
        id="finder"
        list="finder-states"
        placeholder="Go to a country…"
        autocomplete="off"
        value={value}
        onInput={(e) => setValue(e.currentTarget.value)}
        onChange={(e) => go(e.currentTarget.value)}
      />
      <datalist id="finder-states">
        {items.map((a) => (
          <option key={a.id} value={a.name} />
        ))}
      </datalist>
    </form>
  );
}

export function Layout({ children }: { children: ComponentChildren }) {
  const { path } = useLocation();
  const active = (href: string): boolean => (href === "/" ? path === "/" : path.startsWith(href));
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <div class="header-inner">
          <Link href="/" class="brand" aria-label="attache — home">
            <svg viewBox="0 0 32 32" aria-hidden="true">
              <rect width="32" height="32" rx="7" class="brand-bg" />
              <path d="M9 23 16 8l7 15" class="brand-a" />
              <path d="M11.5 18h9" class="brand-bar" />
            </svg>
            <span>attache</span>
          </Link>
          <nav aria-label="Main">
            {NAV.map(([href, label]) => (
              <Link
                key={href}
                href={href}
                class={active(href) ? "active" : undefined}
                aria-current={active(href) ? "page" : undefined}
              >
                {label}
              </Link>
            ))}
            <a href="/api/openapi.json" class="nav-api">
              API
            </a>
          </nav>
          <CountryFinder />
        </div>
      </header>
      <main id="main">{children}</main>
      <footer class="site-footer">
        <p>
          Recognition from attache's curated ledger, every change with its source. Events are coded from news
          articles; each links to the sentence it was read from. Map shapes: Natural Earth (public domain) via
          world-atlas.
        </p>
      </footer>
    </>
  );
}
