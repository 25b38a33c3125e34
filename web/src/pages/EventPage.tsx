// One event and every article that reports it: the event's own fields (chosen from the reports by the rule in
// the README, "One event, many sources"), then each report as its article gave it — date, status, confidence
// and the sentence, linked to the article with the words highlighted.
import type { EventDetailOut } from "../../../src/query/schemas.ts";
import { apiPath, useApi } from "../api.ts";
import { EventCard } from "../components/events.tsx";
import { Loaded, StatusChip } from "../components/ui.tsx";
import { fmtDate, plural, typeLabel } from "../format.ts";
import { Link } from "../router.tsx";

export function EventPage({ id }: { id: string }) {
  const load = useApi<EventDetailOut>(apiPath(`events/${encodeURIComponent(id)}`));
  return (
    <div class="page">
      <Loaded load={load} what="Loading the event">
        {({ event, mentions }) => (
          <>
            <nav class="crumbs" aria-label="Breadcrumb">
              <Link href="/events">Events</Link> <span aria-hidden="true">/</span>{" "}
              <span>{typeLabel(event.type)}</span>
            </nav>
            <header class="page-head">
              <div>
                <h1>
                  {typeLabel(event.type)} <span class="muted">{fmtDate(event.date)}</span>
                </h1>
                <p class="muted" data-testid="event-source-count">
                  Reported by {plural(event.sources, "source")}
                </p>
              </div>
            </header>
            <EventCard e={event} article={mentions.find((m) => m.articleId === event.articleId)?.article} />
            <section class="panel mentions-panel">
              <h2>Every report</h2>
              <ol class="mention-list" data-testid="mentions">
                {mentions.map((m) => (
                  <li key={m.id} class="mention">
                    <header>
                      <StatusChip status={m.status} />
                      <time class="event-date" dateTime={m.date ?? undefined}>
                        {fmtDate(m.date)}
                        {m.date && !m.dateStated && <span class="muted"> (published)</span>}
                      </time>
                    </header>
                    <blockquote class="evidence">
                      <Link href={`/articles/${m.articleId}#ev-${m.eventId}`}>{m.evidence}</Link>
                    </blockquote>
                    <p class="muted small">
                      <Link href={`/articles/${m.articleId}#ev-${m.eventId}`}>
                        {m.article?.title ?? m.article?.sourceName ?? "Open the article"}
                      </Link>
                      {m.article?.outlet && <> · {m.article.outlet}</>}
                      {m.article?.published && <> · {fmtDate(m.article.published)}</>}
                      {" · "}
                      {Math.round(m.confidence * 100)}%
                    </p>
                  </li>
                ))}
              </ol>
            </section>
          </>
        )}
      </Loaded>
    </div>
  );
}
