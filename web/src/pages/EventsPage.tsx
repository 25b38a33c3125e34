// The event table: filters (actor, partner, type, status, dates, words), sortable columns, pages; every row
// links to the article it was read from. Filters live in the address, so a view can be shared.
import { useEffect, useState } from "preact/hooks";
import type { ActorListOut, EventPageOut } from "../../../src/query/schemas.ts";
import { EVENT_TYPES } from "../../../src/store/types.ts";
import { apiPath, useApi } from "../api.ts";
import { Sources, articleHref } from "../components/events.tsx";
import { Empty, ErrorBox, Loading, Pager, StatusChip, TypeChip } from "../components/ui.tsx";
import { atLeast, fmtDate, plural, typeLabel } from "../format.ts";
import { Link, navigate, useLocation } from "../router.tsx";

const SORTABLE = [
  ["date", "Date"],
  ["type", "Type"],
  ["source", "Source"],
  ["target", "Target"],
  ["status", "Status"],
] as const;
const FIELDS = [
  "actor",
  "partner",
  "pair",
  "type",
  "status",
  "from",
  "to",
  "text",
  "sort",
  "order",
  "limit",
  "offset",
] as const;
type Field = (typeof FIELDS)[number];
type Filters = Partial<Record<Field, string>>;

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function readFilters(q: URLSearchParams): Filters {
  const f: Filters = {};
  for (const k of FIELDS) {
    const v = q.get(k);
    if (v) f[k] = v;
  }
  return f;
}

function toUrl(f: Filters): string {
  const q = new URLSearchParams();
  for (const k of FIELDS) {
    const v = f[k];
    if (v) q.set(k, v);
  }
  const s = q.toString();
  return `/events${s ? `?${s}` : ""}`;
}

/** The API query for the filters: actor + partner become a pair; dates only when complete. */
function apiQuery(f: Filters): Record<string, string | undefined> {
  const pair = f.pair ?? (f.actor && f.partner ? `${f.actor},${f.partner}` : undefined);
  return {
    actor: pair ? undefined : (f.actor ?? f.partner),
    pair,
    type: f.type,
    status: f.status,
    from: f.from && PARTIAL_DATE.test(f.from) ? f.from : undefined,
    to: f.to && PARTIAL_DATE.test(f.to) ? f.to : undefined,
    text: f.text,
    sort: f.sort,
    order: f.order,
    limit: f.limit ?? "50",
    offset: f.offset,
  };
}

export function EventsPage() {
  const loc = useLocation();
  const filters = readFilters(loc.query);
  const [draft, setDraft] = useState<Filters>(filters);
  const actors = useApi<ActorListOut>(apiPath("actors"));
  const page = useApi<EventPageOut>(apiPath("events", apiQuery(filters)));
  const names = new Map(actors.state === "ok" ? actors.data.items.map((a) => [a.id, a.name]) : []);

  // Typing settles for a moment before it filters; choices apply at once.
  useEffect(() => setDraft(readFilters(loc.query)), [loc.query.toString()]);
  const apply = (next: Filters): void => navigate(toUrl({ ...next, offset: undefined }), true);
  useEffect(() => {
    const changed = (["actor", "partner", "text", "from", "to"] as const).some(
      (k) => (draft[k] ?? "") !== (filters[k] ?? ""),
    );
    if (!changed) return;
    const t = setTimeout(() => apply(draft), 350);
    return () => clearTimeout(t);
  }, [draft]);

  const set = (k: Field, v: string, now = false): void => {
    const next = { ...draft, [k]: v || undefined };
    if (k === "actor" || k === "partner") next.pair = undefined;
    setDraft(next);
    if (now) apply(next);
  };
  const sortBy = (key: string): void => {
    const same = (filters.sort ?? "date") === key;
    const defaultOrder = key === "date" ? "desc" : "asc";
    const order = same ? ((filters.order ?? defaultOrder) === "asc" ? "desc" : "asc") : defaultOrder;
    navigate(toUrl({ ...filters, sort: key, order, offset: undefined }), true);
  };
  const ariaSort = (key: string): "ascending" | "descending" | undefined => {
    if ((filters.sort ?? "date") !== key) return undefined;
    return (filters.order ?? (key === "date" ? "desc" : "asc")) === "asc" ? "ascending" : "descending";
  };
  const badDate = (v?: string): boolean => Boolean(v && !PARTIAL_DATE.test(v));
  const active = Object.keys(filters).some((k) => !["sort", "order", "limit", "offset"].includes(k));

  return (
    <div class="page">
      <header class="page-head">
        <div>
          <h1>Events</h1>
          <p class="muted">Every coded event with the sentence it was read from. Filters combine.</p>
        </div>
      </header>
      <form class="filters panel" onSubmit={(e) => (e.preventDefault(), apply(draft))} aria-label="Filters">
        <datalist id="actor-names">
          {actors.state === "ok" &&
            actors.data.items.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
        </datalist>
        <label>
          <span>Actor</span>
          <input
            list="actor-names"
            value={draft.actor ?? draft.pair?.split(",")[0] ?? ""}
            placeholder="TWN, Guatemala…"
            onInput={(e) => set("actor", e.currentTarget.value)}
          />
        </label>
        <label>
          <span>Partner</span>
          <input
            list="actor-names"
            value={draft.partner ?? draft.pair?.split(",")[1] ?? ""}
            placeholder="any"
            onInput={(e) => set("partner", e.currentTarget.value)}
          />
        </label>
        <label>
          <span>Type</span>
          <select value={draft.type ?? ""} onChange={(e) => set("type", e.currentTarget.value, true)}>
            <option value="">Any type</option>
            {EVENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {typeLabel(t)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Status</span>
          <select value={draft.status ?? ""} onChange={(e) => set("status", e.currentTarget.value, true)}>
            <option value="">Any status</option>
            <option value="occurred">Occurred</option>
            <option value="pledged">Pledged</option>
            <option value="denied">Denied</option>
          </select>
        </label>
        <label class={badDate(draft.from) ? "invalid" : undefined}>
          <span>From</span>
          <input
            value={draft.from ?? ""}
            placeholder="YYYY-MM-DD"
            inputMode="numeric"
            onInput={(e) => set("from", e.currentTarget.value)}
          />
        </label>
        <label class={badDate(draft.to) ? "invalid" : undefined}>
          <span>To</span>
          <input
            value={draft.to ?? ""}
            placeholder="YYYY-MM-DD"
            inputMode="numeric"
            onInput={(e) => set("to", e.currentTarget.value)}
          />
        </label>
        <label class="grow">
          <span>Words in the evidence</span>
          <input
            type="search"
            value={draft.text ?? ""}
            placeholder="scholarships, loan…"
            onInput={(e) => set("text", e.currentTarget.value)}
          />
        </label>
        <div class="filter-actions">
          {active && (
            <Link href="/events" class="reset">
              Clear filters
            </Link>
          )}
        </div>
      </form>

      {page.state === "error" ? (
        <ErrorBox error={page.error} />
      ) : page.state === "loading" ? (
        <Loading what="Loading events" />
      ) : page.data.total === 0 ? (
        <Empty title={active ? "No events match these filters" : "No events in the store yet"}>
          {active ? (
            <Link href="/events">Clear the filters</Link>
          ) : (
            <>
              Ingest articles with <code>attache ingest PATH</code>.
            </>
          )}
        </Empty>
      ) : (
        <section class="panel table-panel">
          <div class="table-meta">
            <span data-testid="event-total">
              {page.data.totalIsLowerBound
                ? `${atLeast(page.data.total, true)} events`
                : plural(page.data.total, "event")}
            </span>
            <label>
              <span class="muted">Per page </span>
              <select
                value={filters.limit ?? "50"}
                onChange={(e) =>
                  navigate(toUrl({ ...filters, limit: e.currentTarget.value, offset: undefined }), true)
                }
              >
                {["25", "50", "100", "200"].map((n) => (
                  <option key={n}>{n}</option>
                ))}
              </select>
            </label>
          </div>
          <table class="events-table" data-testid="events-table">
            <thead>
              <tr>
                {SORTABLE.map(([key, label]) => (
                  <th key={key} scope="col" aria-sort={ariaSort(key)}>
                    <button type="button" class="sort" onClick={() => sortBy(key)}>
                      {label}
                      <span class="sort-mark" aria-hidden="true">
                        {ariaSort(key) === "ascending" ? "▲" : ariaSort(key) === "descending" ? "▼" : ""}
                      </span>
                    </button>
                  </th>
                ))}
                <th scope="col" title="Articles that report the event">
                  Sources
                </th>
                <th scope="col">Evidence</th>
              </tr>
            </thead>
            <tbody>
              {page.data.items.map((e) => (
                <tr key={e.id}>
                  <td data-label="Date" class="nowrap">
                    {fmtDate(e.date)}
                  </td>
                  <td data-label="Type">
                    <TypeChip type={e.type} />
                  </td>
                  <td data-label="Source">
                    <Link href={`/countries/${e.source}`} title={names.get(e.source)}>
                      {names.get(e.source) ?? e.source}
                    </Link>
                  </td>
                  <td data-label="Target">
                    {e.target ? (
                      <Link
                        href={`/relations/${e.source}/${e.target}`}
                        title={`${names.get(e.source) ?? e.source} and ${names.get(e.target) ?? e.target}`}
                      >
                        {names.get(e.target) ?? e.target}
                      </Link>
                    ) : (
                      <span class="muted">—</span>
                    )}
                  </td>
                  <td data-label="Status">
                    <StatusChip status={e.status} />
                  </td>
                  <td data-label="Sources" class="num">
                    <Sources e={e} short />
                  </td>
                  <td data-label="Evidence" class="evidence-cell">
                    <Link href={articleHref(e)} class="row-link">
                      {e.evidence}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            total={page.data.total}
            totalIsLowerBound={page.data.totalIsLowerBound}
            limit={page.data.limit}
            offset={page.data.offset}
            onPage={(offset) => navigate(toUrl({ ...filters, offset: offset ? String(offset) : undefined }))}
          />
        </section>
      )}
    </div>
  );
}
