// A country: what it recognizes and since when, its recognition history with sources, who holds its offices,
// and what the store says it did — by type, partner and year — with its latest events.
import type { CountryProfileOut } from "../../../src/query/schemas.ts";
import { apiPath, useApi } from "../api.ts";
import { EventCard } from "../components/events.tsx";
import { BarList, Empty, LedgerBar, Loaded, RecognitionBadge } from "../components/ui.tsx";
import { RECOGNITION_LABEL, fmtDate, plural, safeUrl, todayIso, typeLabel } from "../format.ts";
import { Link } from "../router.tsx";

const OFFICE_LABEL: Record<string, string> = {
  head_of_state: "Head of state",
  head_of_government: "Head of government",
  vice_president: "Vice president",
  foreign_minister: "Foreign minister",
  deputy_foreign_minister: "Deputy foreign minister",
  mfa_spokesperson: "Foreign ministry spokesperson",
  defense_minister: "Defence minister",
  speaker: "Speaker",
};

export function LedgerTable({ ledger }: { ledger: CountryProfileOut["ledger"] }) {
  return (
    <div class="table-scroll">
      <table class="ledger-table">
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Recognizes</th>
            <th scope="col">Note and source</th>
          </tr>
        </thead>
        <tbody>
          {ledger.map((p) => {
            const url = safeUrl(p.source);
            return (
              <tr key={p.from}>
                <td class="nowrap">
                  {fmtDate(p.from)}
                  {!p.dayConfirmed && (
                    <span class="muted" title="The exact day could not be confirmed">
                      {" "}
                      (approx.)
                    </span>
                  )}
                </td>
                <td class="nowrap">{p.to ? fmtDate(p.to) : "today"}</td>
                <td>
                  <RecognitionBadge value={p.recognizes} />
                  {p.disputed && <span class="muted"> disputed</span>}
                </td>
                <td>
                  {p.note && <p class="note">{p.note}</p>}
                  {url ? (
                    <a class="source" href={url} rel="noopener noreferrer" target="_blank">
                      {new URL(url).hostname}
                    </a>
                  ) : (
                    <span class="source">{p.source}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function YearColumns({ rows }: { rows: CountryProfileOut["events"]["byYear"] }) {
  const dated = rows.filter((r) => r.key);
  if (dated.length === 0) return null;
  const max = Math.max(...dated.map((r) => r.n));
  return (
    <div class="year-cols" role="img" aria-label="Events by year">
      {dated.map((r) => (
        <div key={r.key} class="year-col" title={`${r.key}: ${r.n}`}>
          <span class="year-n">{r.n}</span>
          <svg viewBox="0 0 10 60" preserveAspectRatio="none" aria-hidden="true">
            <rect x="1" y={60 - (r.n / max) * 60} width="8" height={(r.n / max) * 60} />
          </svg>
          <span class="year-label">{r.key}</span>
        </div>
      ))}
    </div>
  );
}

export function CountryPage({ id }: { id: string }) {
  const load = useApi<CountryProfileOut>(apiPath(`countries/${encodeURIComponent(id.toUpperCase())}`));
  return (
    <div class="page">
      <Loaded load={load} what="Loading the country">
        {(p) => {
          const current = p.ledger.filter((l) => l.from <= p.asOf).at(-1);
          const names = new Map(
            p.events.byPartner.filter((r) => r.key).map((r) => [r.key!, r.name ?? r.key!]),
          );
          names.set(p.state.id, p.state.name);
          const articles = new Map(p.recentArticles.map((a) => [a.id, a]));
          return (
            <>
              <nav class="crumbs" aria-label="Breadcrumb">
                <Link href="/">Map</Link> <span aria-hidden="true">/</span> <span>{p.state.name}</span>
              </nav>
              <header class="page-head">
                <div>
                  <h1 data-testid="country-name">{p.state.name}</h1>
                  <p class="muted">
                    {p.state.officialName && p.state.officialName !== p.state.name && (
                      <>{p.state.officialName} · </>
                    )}
                    {p.state.id}
                    {p.state.capital && <> · capital {p.state.capital}</>}
                    {!p.state.unMember && <> · not a UN member</>}
                  </p>
                </div>
                {p.state.id === "TWN" || p.state.id === "CHN" ? null : (
                  <div class="head-badge">
                    <RecognitionBadge value={p.recognizes} long />
                    {current && <span class="muted">since {fmtDate(current.from)}</span>}
                  </div>
                )}
              </header>

              <div class="columns">
                <section class="panel">
                  <h2>Recognition history</h2>
                  {p.ledger.length === 0 ? (
                    <p class="muted">
                      {p.state.id === "TWN" || p.state.id === "CHN"
                        ? "One of the two governments the ledger is about."
                        : "Not in the recognition ledger."}
                    </p>
                  ) : (
                    <>
                      <LedgerBar periods={p.ledger} today={todayIso()} />
                      <p class="ledger-summary">
                        {p.ledger.length === 1
                          ? `${RECOGNITION_LABEL[p.ledger[0].recognizes]} throughout.`
                          : plural(p.ledger.length - 1, "change") +
                            " since " +
                            fmtDate(p.ledger[0].from) +
                            "."}
                      </p>
                      <LedgerTable ledger={p.ledger} />
                    </>
                  )}
                </section>
                <section class="panel">
                  <h2>Office holders on {fmtDate(p.asOf)}</h2>
                  {p.officeHolders.length === 0 ? (
                    <p class="muted">None on record.</p>
                  ) : (
                    <dl class="holders">
                      {p.officeHolders.map((h) => (
                        <div key={`${h.office}-${h.personId}`}>
                          <dt>{OFFICE_LABEL[h.office] ?? h.office}</dt>
                          <dd>
                            {h.name}{" "}
                            <span class="muted">
                              · {h.title}, since {fmtDate(h.from)}
                            </span>
                          </dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </section>
              </div>

              <section class="panel">
                <div class="panel-head">
                  <h2>
                    Events <span class="muted">{p.events.total}</span>
                  </h2>
                  {p.events.total > 0 && (
                    <Link href={`/events?actor=${p.state.id}`}>All events of {p.state.name} →</Link>
                  )}
                </div>
                {p.events.total === 0 ? (
                  <Empty title={`No events about ${p.state.name} yet`}>
                    Events appear here once articles that mention it are ingested.
                  </Empty>
                ) : (
                  <div class="columns three">
                    <div>
                      <h3>By type</h3>
                      <BarList
                        rows={p.events.byType}
                        label={(r) => typeLabel(r.key ?? "")}
                        href={(k) => `/events?actor=${p.state.id}&type=${k}`}
                      />
                    </div>
                    <div>
                      <h3>By partner</h3>
                      <BarList
                        rows={p.events.byPartner}
                        href={(k) => `/relations/${p.state.id}/${encodeURIComponent(k)}`}
                      />
                    </div>
                    <div>
                      <h3>By year</h3>
                      <YearColumns rows={p.events.byYear} />
                      <p class="muted small">
                        {fmtDate(p.events.first)} – {fmtDate(p.events.last)}
                      </p>
                    </div>
                  </div>
                )}
              </section>

              {p.recent.length > 0 && (
                <section class="panel">
                  <h2>Latest events</h2>
                  <div class="event-list">
                    {p.recent.map((e) => (
                      <EventCard key={e.id} e={e} names={names} article={articles.get(e.articleId)} />
                    ))}
                  </div>
                </section>
              )}
            </>
          );
        }}
      </Loaded>
    </div>
  );
}
