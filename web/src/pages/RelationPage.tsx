// One relationship: the recognition history between a state and Taipei or Beijing, and the timeline of
// every event between the two, each with its type, status, date and the sentence it was read from.
import type { TimelineEntryOut, TimelineOut } from "../../../src/query/schemas.ts";
import { apiPath, useApi } from "../api.ts";
import { EventCard } from "../components/events.tsx";
import { Empty, LedgerBar, Loaded, RecognitionBadge } from "../components/ui.tsx";
import { RECOGNITION_LONG, fmtDate, plural, safeUrl, todayIso } from "../format.ts";
import { Link } from "../router.tsx";

function RecognitionEntry({
  e,
  name,
}: {
  e: Extract<TimelineEntryOut, { kind: "recognition" }>;
  name: string;
}) {
  const url = safeUrl(e.period.source);
  return (
    <article class="rec-entry">
      <header>
        <RecognitionBadge value={e.recognizes} />
        <time class="event-date" dateTime={e.date}>
          {fmtDate(e.date)}
        </time>
      </header>
      <p>
        <strong>
          {name}{" "}
          {e.previous ? `switches: now ${RECOGNITION_LONG[e.recognizes]}` : RECOGNITION_LONG[e.recognizes]}
        </strong>
        {e.previous && (
          <span class="muted"> (before: {RECOGNITION_LONG[e.previous].replace("recognizes ", "")})</span>
        )}
      </p>
      {e.period.note && <p class="note">{e.period.note}</p>}
      <p class="muted small">
        Source:{" "}
        {url ? (
          <a href={url} rel="noopener noreferrer" target="_blank">
            {new URL(url).hostname}
          </a>
        ) : (
          e.period.source
        )}
        {!e.period.dayConfirmed && " · exact day not confirmed"}
        {e.period.disputed && " · disputed"}
      </p>
    </article>
  );
}

export function RelationPage({ a, b }: { a: string; b: string }) {
  const load = useApi<TimelineOut>(apiPath("timeline", { a, b }));
  return (
    <div class="page">
      <Loaded load={load} what="Loading the relationship">
        {(t) => {
          const names = new Map([
            [t.a.id, t.a.name],
            [t.b.id, t.b.name],
          ]);
          const rec = t.entries.filter(
            (e): e is Extract<TimelineEntryOut, { kind: "recognition" }> => e.kind === "recognition",
          );
          const recState = rec[0]?.state;
          const actorLink = (r: TimelineOut["a"]) =>
            r.kind === "state" ? <Link href={`/countries/${r.id}`}>{r.name}</Link> : <span>{r.name}</span>;
          return (
            <>
              <nav class="crumbs" aria-label="Breadcrumb">
                <Link href="/">Map</Link> <span aria-hidden="true">/</span> {actorLink(t.a)}{" "}
                <span aria-hidden="true">/</span> <span>{t.b.name}</span>
              </nav>
              <header class="page-head">
                <div>
                  <h1 data-testid="relation-title">
                    {t.a.name} <span class="muted">and</span> {t.b.name}
                  </h1>
                  <p class="muted">
                    {plural(t.events, "event")}
                    {rec.length > 0 && <> · {plural(rec.length, "recognition period")}</>} ·{" "}
                    <Link href={`/relations/${t.b.id}/${t.a.id}`}>swap</Link> ·{" "}
                    <Link href={`/events?pair=${t.a.id},${t.b.id}`}>as a table</Link>
                  </p>
                </div>
              </header>
              {recState && (
                <section class="panel">
                  <h2>Recognition: {names.get(recState)}</h2>
                  <LedgerBar periods={rec.map((r) => r.period)} today={todayIso()} />
                </section>
              )}
              <section class="panel">
                <h2>Timeline</h2>
                {t.entries.length === 0 ? (
                  <Empty title="Nothing recorded between these two yet">
                    No events link {t.a.name} and {t.b.name} in the store
                    {t.a.id !== "TWN" && t.b.id !== "TWN" && t.a.id !== "CHN" && t.b.id !== "CHN"
                      ? ", and recognition changes are shown only with Taiwan or China."
                      : "."}
                  </Empty>
                ) : (
                  <ol class="timeline" data-testid="timeline">
                    {t.entries.map((e) => (
                      <li
                        key={e.kind === "event" ? e.event.id : `${e.state}-${e.date}`}
                        class={`tl-${e.kind}`}
                      >
                        {e.kind === "event" ? (
                          <EventCard e={e.event} article={e.article} names={names} />
                        ) : (
                          <RecognitionEntry e={e} name={names.get(e.state) ?? e.state} />
                        )}
                      </li>
                    ))}
                  </ol>
                )}
                {t.truncated && (
                  <p class="muted">Only the first events are shown; use the event table for the rest.</p>
                )}
              </section>
            </>
          );
        }}
      </Loaded>
    </div>
  );
}
