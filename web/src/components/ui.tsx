// Small pieces every page uses: states of loading, empties, chips and badges, bars.
import type { ComponentChildren } from "preact";
import type { ApiError, Load } from "../api.ts";
import { RECOGNITION_LABEL, typeFamily, typeLabel } from "../format.ts";
import type { LedgerPeriodOut } from "../../../src/query/schemas.ts";
import { atLeast, fmtDate } from "../format.ts";
import { Link } from "../router.tsx";

export function Loading({ what = "Loading" }: { what?: string }) {
  return (
    <div class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {what}…
    </div>
  );
}

export function ErrorBox({ error }: { error: Error }) {
  const api = error as Partial<ApiError>;
  const title =
    api.status === 404
      ? "Not found"
      : api.status && api.status < 500
        ? "That did not work"
        : "Something went wrong";
  return (
    <div class="notice notice-error" role="alert">
      <strong>{title}</strong>
      <p>{error.message}</p>
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="empty">
      <svg viewBox="0 0 48 48" aria-hidden="true" class="empty-icon">
        <circle
          cx="24"
          cy="24"
          r="20"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
          stroke-dasharray="4 4"
        />
        <path d="M16 26h16M20 20h8" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
      </svg>
      <strong>{title}</strong>
      {children && <div class="empty-body">{children}</div>}
    </div>
  );
}

/** Renders a load: a spinner, an error, or the children with the data. */
export function Loaded<T>({
  load,
  children,
  what,
}: {
  load: Load<T>;
  children: (data: T) => ComponentChildren;
  what?: string;
}) {
  if (load.state === "loading") return <Loading what={what} />;
  if (load.state === "error") return <ErrorBox error={load.error} />;
  return <>{children(load.data)}</>;
}

export function RecognitionBadge({ value, long }: { value: "ROC" | "PRC" | "NONE"; long?: boolean }) {
  const text = long
    ? { ROC: "Recognizes Taipei", PRC: "Recognizes Beijing", NONE: "Recognizes neither" }[value]
    : RECOGNITION_LABEL[value];
  return <span class={`badge rec-${value.toLowerCase()}`}>{text}</span>;
}

export function TypeChip({ type }: { type: string }) {
  return <span class={`chip fam-${typeFamily(type)}`}>{typeLabel(type)}</span>;
}

export function StatusChip({ status }: { status: string }) {
  return <span class={`status status-${status}`}>{status}</span>;
}

/** Horizontal bars for counts, each row optionally a link. */
export function BarList({
  rows,
  href,
  label,
}: {
  rows: Array<{ key: string | null; name: string | null; n: number }>;
  href?: (key: string) => string | null;
  label?: (row: { key: string | null; name: string | null }) => string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.n));
  return (
    <ul class="bars">
      {rows.map((r) => {
        const text = label ? label(r) : (r.name ?? r.key ?? "none");
        const link = r.key && href ? href(r.key) : null;
        return (
          <li key={String(r.key)}>
            <span class="bar-label">{link ? <Link href={link}>{text}</Link> : text}</span>
            <span class="bar-track">
              <span class="bar-fill" style={{ width: `${(r.n / max) * 100}%` }} />
            </span>
            <span class="bar-n">{r.n}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** A state's recognition periods as one bar from the first period to today. */
export function LedgerBar({ periods, today }: { periods: LedgerPeriodOut[]; today: string }) {
  if (periods.length === 0) return null;
  const t0 = Date.parse(periods[0].from);
  const t1 = Math.max(Date.parse(today), t0 + 1);
  const x = (d: string): number => ((Date.parse(d) - t0) / (t1 - t0)) * 100;
  const startYear = periods[0].from.slice(0, 4);
  return (
    <figure class="ledger-bar">
      <svg viewBox="0 0 100 6" preserveAspectRatio="none" role="img" aria-label="Recognition over time">
        {periods.map((p) => {
          const end = p.to ?? today;
          return (
            <rect
              key={p.from}
              class={`rec-fill-${p.recognizes.toLowerCase()}`}
              x={x(p.from)}
              y={0}
              width={Math.max(0.3, x(end) - x(p.from))}
              height={6}
            >
              <title>{`${RECOGNITION_LABEL[p.recognizes]}: ${fmtDate(p.from)} – ${p.to ? fmtDate(p.to) : "today"}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption>
        <span>{startYear}</span>
        <span>today</span>
      </figcaption>
    </figure>
  );
}

export function Pager({
  total,
  totalIsLowerBound = false,
  limit,
  offset,
  onPage,
}: {
  total: number;
  /** `total` is only a lower bound: more pages may follow it. */
  totalIsLowerBound?: boolean;
  limit: number;
  offset: number;
  onPage: (offset: number) => void;
}) {
  if (total === 0) return null;
  const last = Math.min(total, offset + limit);
  const more = totalIsLowerBound || last < total;
  return (
    <nav class="pager" aria-label="Pages">
      <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>
        ← Previous
      </button>
      <span>
        {offset + 1}–{last} of {atLeast(total, totalIsLowerBound)}
      </span>
      <button type="button" disabled={!more} onClick={() => onPage(offset + limit)}>
        Next →
      </button>
    </nav>
  );
}
