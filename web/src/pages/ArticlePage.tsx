// An article as it was read, with the sentence behind every event highlighted; hovering (or focusing) a
// highlight shows the coded record. Everything from the article is rendered as text, never as HTML.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { ArticleViewOut } from "../../../src/query/schemas.ts";
import { apiPath, useApi } from "../api.ts";
import { Parties } from "../components/events.tsx";
import { Empty, Loaded, StatusChip, TypeChip } from "../components/ui.tsx";
import { fmtDate, plural, safeUrl } from "../format.ts";
import { Link, useLocation } from "../router.tsx";

type View = ArticleViewOut;
type ViewEvent = View["events"][number];
type Mode = "original" | "cleaned";

interface Tip {
  ids: string[];
  x: number;
  y: number;
  below: boolean;
}

function Record({ e }: { e: ViewEvent }) {
  return (
    <div class="record">
      <div class="record-head">
        <TypeChip type={e.type} />
        <StatusChip status={e.status} />
        <span class="muted">{fmtDate(e.date)}</span>
      </div>
      <p class="who">
        <Parties e={e} />
      </p>
      <dl class="record-fields">
        {e.amount && (
          <>
            <dt>Amount</dt>
            <dd>{e.amount.text}</dd>
          </>
        )}
        {e.quote && (
          <>
            <dt>Quote</dt>
            <dd>
              “{e.quote.text}”{e.quote.speaker && <> — {e.quote.speaker}</>}
            </dd>
          </>
        )}
        <dt>PLOVER</dt>
        <dd>
          {e.plover.type}
          {e.plover.mode && ` / ${e.plover.mode}`}
        </dd>
        <dt>Confidence</dt>
        <dd>{Math.round(e.confidence * 100)}%</dd>
        <dt>Rule</dt>
        <dd class="mono">{e.rule}</dd>
      </dl>
    </div>
  );
}

function HighlightedText({
  text,
  ranges,
  selected,
  onTip,
}: {
  text: string;
  ranges: View["highlights"]["original"];
  selected: string | null;
  onTip: (el: HTMLElement | null, ids: string[]) => void;
}) {
  const parts: preact.ComponentChildren[] = [];
  let at = 0;
  ranges.forEach((r, i) => {
    if (r.start > at) parts.push(text.slice(at, r.start));
    parts.push(
      <mark
        key={i}
        class={`hl${selected && r.events.includes(selected) ? " selected" : ""}${r.events.length > 1 ? " multi" : ""}`}
        data-events={r.events.join(" ")}
        tabIndex={0}
        onMouseEnter={(e) => onTip(e.currentTarget, r.events)}
        onFocus={(e) => onTip(e.currentTarget, r.events)}
        onMouseLeave={() => onTip(null, [])}
        onBlur={() => onTip(null, [])}
      >
        {text.slice(r.start, r.end)}
      </mark>,
    );
    at = r.end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

export function ArticlePage({ id }: { id: string }) {
  const load = useApi<View>(apiPath(`articles/${encodeURIComponent(id)}`));
  return (
    <div class="page">
      <Loaded load={load} what="Loading the article">
        {(v) => <ArticleBody v={v} />}
      </Loaded>
    </div>
  );
}

function ArticleBody({ v }: { v: View }) {
  const { hash } = useLocation();
  const a = v.article;
  const [mode, setMode] = useState<Mode>(a.format === "html" ? "cleaned" : "original");
  const [tip, setTip] = useState<Tip | null>(null);
  const [selected, setSelected] = useState<string | null>(hash.startsWith("ev-") ? hash.slice(3) : null);
  const textRef = useRef<HTMLDivElement>(null);
  const byId = useMemo(() => new Map(v.events.map((e) => [e.id, e])), [v]);
  const ranges = mode === "original" ? v.highlights.original : v.highlights.cleaned;
  const text = mode === "original" ? a.original : a.cleaned;

  // The tooltip is fixed to the viewport beside its highlight, so no scrolling box clips it.
  const anchor = useRef<HTMLElement | null>(null);
  const place = (el: HTMLElement, ids: string[]): void => {
    const r = el.getBoundingClientRect();
    const below = r.top < 240;
    const width = Math.min(330, window.innerWidth - 16);
    setTip({
      ids,
      x: Math.max(8, Math.min(r.left, window.innerWidth - width - 8)),
      y: below ? r.bottom + 6 : r.top - 6,
      below,
    });
  };
  const showTip = (el: HTMLElement | null, ids: string[]): void => {
    anchor.current = el;
    if (!el || ids.length === 0) setTip(null);
    else place(el, ids);
  };
  const onScroll = (): void => {
    if (anchor.current && tip) place(anchor.current, tip.ids);
  };
  useEffect(() => {
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => window.removeEventListener("scroll", onScroll);
  });

  /** Scrolls the text box (not the page) so the event's first highlight sits in its middle. */
  const reveal = (eventId: string, smooth: boolean): HTMLElement | null => {
    const box = textRef.current;
    const mark = box?.querySelector<HTMLElement>(`mark[data-events~="${CSS.escape(eventId)}"]`) ?? null;
    if (box && mark) {
      const top = mark.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
      box.scrollTo({ top: Math.max(0, top - box.clientHeight / 3), behavior: smooth ? "smooth" : "auto" });
    }
    return mark;
  };

  const scrollTo = (eventId: string): void => {
    setSelected(eventId);
    reveal(eventId, true)?.focus({ preventScroll: true });
  };

  // Arriving from an event (#ev-ID): bring its sentence into view.
  useEffect(() => {
    if (!hash.startsWith("ev-")) return;
    const eventId = hash.slice(3);
    const ev = byId.get(eventId);
    if (ev && mode === "cleaned" && !ev.cleanedSpan) setMode("original");
    const t = setTimeout(() => {
      setSelected(eventId);
      reveal(eventId, false);
    }, 50);
    return () => clearTimeout(t);
  }, [hash]);

  const url = safeUrl(a.url);
  return (
    <>
      <nav class="crumbs" aria-label="Breadcrumb">
        <Link href="/articles">Articles</Link> <span aria-hidden="true">/</span>{" "}
        <span>{a.title ?? a.sourceName}</span>
      </nav>
      <header class="page-head article-head">
        <div>
          <h1 data-testid="article-title">{a.title ?? a.sourceName}</h1>
          <p class="muted">
            {a.outlet && <>{a.outlet} · </>}
            {a.published ? fmtDate(a.published) : "date unknown"}
            {a.role === "secondary" && (
              <>
                {" "}
                · a secondary story
                {a.parentId && (
                  <>
                    {" "}
                    of <Link href={`/articles/${a.parentId}`}>its page</Link>
                  </>
                )}
              </>
            )}{" "}
            · {plural(v.events.length, "event")} · from{" "}
            <span class="mono" title={a.sourceName}>
              {a.sourceName.split(/[\\/]/).pop()}
            </span>
          </p>
          {url && (
            <p class="small">
              <a href={url} rel="noopener noreferrer" target="_blank" class="ext">
                {url}
              </a>
            </p>
          )}
        </div>
      </header>

      <div class="article-layout">
        <section class="panel article-text-panel">
          <div class="panel-head">
            <h2>{mode === "original" ? "Text as read" : "Cleaned text"}</h2>
            <div class="segmented" role="group" aria-label="Which text">
              <button type="button" aria-pressed={mode === "original"} onClick={() => setMode("original")}>
                {a.format === "html" ? "Page source" : "Original"}
              </button>
              <button type="button" aria-pressed={mode === "cleaned"} onClick={() => setMode("cleaned")}>
                Cleaned
              </button>
            </div>
          </div>
          <div class="article-text" ref={textRef} data-testid="article-text" onScroll={onScroll}>
            <HighlightedText text={text} ranges={ranges} selected={selected} onTip={showTip} />
          </div>
          {tip && (
            <div
              class={`tip${tip.below ? " below" : ""}`}
              role="tooltip"
              data-testid="tooltip"
              style={{ left: `${tip.x}px`, top: `${tip.y}px` }}
            >
              {tip.ids.map((i) => byId.get(i)).map((e) => e && <Record key={e.id} e={e} />)}
            </div>
          )}
        </section>
        <aside class="panel article-events">
          <h2>Events</h2>
          {v.events.length === 0 ? (
            <Empty title="No events in this article">The coder found nothing to record here.</Empty>
          ) : (
            <ol class="mini-events">
              {v.events.map((e) => (
                <li key={e.id} class={selected === e.id ? "selected" : undefined}>
                  <button type="button" class="mini-event" onClick={() => scrollTo(e.id)}>
                    <span class="mini-head">
                      <TypeChip type={e.type} /> <StatusChip status={e.status} />
                    </span>
                    <span class="mini-who">
                      {e.source}
                      {e.target && ` → ${e.target}`} · {fmtDate(e.date)}
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          )}
        </aside>
      </div>
    </>
  );
}
