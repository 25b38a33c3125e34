// An event as a reader sees it: what, who, when, how sure, the sentence it was read from, and its article.
import type { ArticleSummaryOut, EventOut } from "../../../src/query/schemas.ts";
import { fmtDate } from "../format.ts";
import { Link } from "../router.tsx";
import { StatusChip, TypeChip } from "./ui.tsx";

export const articleHref = (e: Pick<EventOut, "articleId" | "id">): string =>
  `/articles/${e.articleId}#ev-${e.id}`;

export const eventHref = (e: Pick<EventOut, "id">): string => `/events/${encodeURIComponent(e.id)}`;

/** "reported by N sources", linking to the event's page with every report; one source says so plainly. */
export function Sources({ e, short }: { e: Pick<EventOut, "id" | "sources">; short?: boolean }) {
  const label = short ? String(e.sources) : `reported by ${e.sources} source${e.sources === 1 ? "" : "s"}`;
  return (
    <Link
      href={eventHref(e)}
      class={e.sources > 1 ? "sources multi" : "sources"}
      data-testid="event-sources"
      title={`${e.sources} article${e.sources === 1 ? "" : "s"} report this event`}
    >
      {label}
    </Link>
  );
}

export function Parties({ e, names }: { e: EventOut; names?: Map<string, string> }) {
  const name = (id: string): string => names?.get(id) ?? id;
  const who = (id: string, actor: string | null) => (
    <>
      {id.length === 3 ? <Link href={`/countries/${id}`}>{name(id)}</Link> : <span>{name(id)}</span>}
      {actor && <span class="muted"> ({actor})</span>}
    </>
  );
  return (
    <span class="parties">
      {who(e.source, e.sourceActor)}
      {e.target && (
        <>
          <span class="arrow" aria-label="to">
            {" "}
            →{" "}
          </span>
          {who(e.target, e.targetActor)}
        </>
      )}
    </span>
  );
}

export function EventCard({
  e,
  article,
  names,
}: {
  e: EventOut;
  article?: ArticleSummaryOut | null;
  names?: Map<string, string>;
}) {
  return (
    <article class="event-card" data-event={e.id}>
      <header>
        <TypeChip type={e.type} />
        <StatusChip status={e.status} />
        <time class="event-date" dateTime={e.date ?? undefined}>
          {fmtDate(e.date)}
          {e.date && !e.dateStated && (
            <span class="muted" title="Date taken from the article's publication date">
              {" "}
              (published)
            </span>
          )}
        </time>
      </header>
      <p class="who">
        <Parties e={e} names={names} />
        {e.amount && <span class="amount"> · {e.amount.text}</span>}
      </p>
      <blockquote class="evidence">
        <Link href={articleHref(e)}>{e.evidence}</Link>
      </blockquote>
      <footer class="muted">
        {article ? (
          <>
            <Link href={articleHref(e)}>{article.title ?? article.sourceName}</Link>
            {article.outlet && <> · {article.outlet}</>}
            {article.published && <> · {fmtDate(article.published)}</>}
          </>
        ) : (
          <Link href={articleHref(e)}>Open the article</Link>
        )}
        <span class="confidence" title="Confidence of the coder">
          {" "}
          · {Math.round(e.confidence * 100)}%
        </span>
        {" · "}
        <Sources e={e} />
      </footer>
    </article>
  );
}
