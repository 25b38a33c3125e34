// The world by recognition on any day since 1949: countries coloured Taipei / Beijing / neither, micro-states
// as markers, a date slider with a play button, and the count of Taipei's allies on the chosen day.
import { geoEqualEarth, geoPath } from "d3-geo";
import type { FeatureCollection, Geometry } from "geojson";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import atlasUrl from "world-atlas/countries-110m.json?url";
import type { RecognitionHistoryOut, StatsOut } from "../../../src/query/schemas.ts";
import { apiPath, getJson, useApi } from "../api.ts";
import { ErrorBox, Loading } from "../components/ui.tsx";
import {
  LEDGER_START,
  RECOGNITION_LABEL,
  dayNumber,
  fmtDate,
  isoOfDay,
  plural,
  todayIso,
} from "../format.ts";
import { Link, navigate, useLocation } from "../router.tsx";

type Rec = "ROC" | "PRC" | "NONE";
type HistoryState = RecognitionHistoryOut["states"][number];

const W = 960;
const H = 470;
/** Territories drawn apart in the atlas that take their sovereign's colour. */
const SOVEREIGN_OF: Record<string, string> = {
  "304": "208",
  "630": "840",
  "540": "250",
  "260": "250",
  "238": "826",
};
const CLAIMANTS: Record<string, string> = { "158": "TWN", "156": "CHN" };
const JUMPS: Array<[string, string]> = [
  ["1949-10-01", "1949"],
  ["1971-10-25", "UN seat 1971"],
  ["1979-01-01", "US switch 1979"],
  ["2000-01-01", "2000"],
  ["2016-01-01", "2016"],
  ["2024-02-01", "2024"],
];

/** What a state recognized on a day: the last period started by then (before the first: neither). */
export function recognitionOn(periods: HistoryState["periods"], date: string): Rec {
  let found: Rec = "NONE";
  for (const p of periods) {
    if (p.from > date) break;
    found = p.recognizes;
  }
  return found;
}

function sinceOf(periods: HistoryState["periods"], date: string): string | null {
  let since: string | null = null;
  for (const p of periods) if (p.from <= date) since = p.from;
  return since;
}

interface Shape {
  key: string;
  numeric: string;
  name: string;
  d: string;
}

type Projection = ReturnType<typeof geoEqualEarth>;

function useAtlas(): { shapes: Shape[]; projection: Projection | null; error: Error | null } {
  const [atlas, setAtlas] = useState<{ shapes: Shape[]; projection: Projection | null }>({
    shapes: [],
    projection: null,
  });
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    getJson<Topology>(atlasUrl).then((topo) => {
      const fc = feature(
        topo,
        topo.objects.countries as GeometryCollection<{ name: string }>,
      ) as FeatureCollection<Geometry, { name: string }>;
      const features = fc.features.filter((f) => f.id !== "010"); // Antarctica: no state, much space
      // Room at the edges for the markers of Pacific micro-states near the antimeridian.
      const projection = geoEqualEarth().fitExtent(
        [
          [12, 8],
          [W - 12, H - 8],
        ],
        { type: "FeatureCollection", features },
      );
      const path = geoPath(projection);
      setAtlas({
        shapes: features.map((f, i) => ({
          key: `${String(f.id ?? "x")}-${i}`,
          numeric: String(f.id ?? ""),
          name: f.properties?.name ?? "",
          d: path(f) ?? "",
        })),
        projection,
      });
    }, setError);
  }, []);
  return { ...atlas, error };
}

export function MapPage() {
  const history = useApi<RecognitionHistoryOut>(apiPath("recognition/history"));
  const stats = useApi<StatsOut>(apiPath("stats"));
  const { shapes, projection, error: atlasError } = useAtlas();
  const loc = useLocation();
  const today = todayIso();
  const first = dayNumber(LEDGER_START);
  const last = dayNumber(today);
  const initial = loc.query.get("date");
  const [day, setDay] = useState(() =>
    initial && /^\d{4}-\d{2}-\d{2}$/.test(initial)
      ? Math.min(last, Math.max(first, dayNumber(initial)))
      : last,
  );
  const [playing, setPlaying] = useState(false);
  const [hover, setHover] = useState<string | null>(null);
  const date = isoOfDay(day);

  // Keep the chosen day in the address, so a view can be shared.
  useEffect(() => {
    const t = setTimeout(() => navigate(date === today ? "/" : `/?date=${date}`, true), 150);
    return () => clearTimeout(t);
  }, [date, today]);

  // Play: about four years a second, stopping today.
  const dayRef = useRef(day);
  dayRef.current = day;
  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    let prev = performance.now();
    if (dayRef.current >= last) setDay(first);
    const step = (now: number): void => {
      const next = Math.min(last, dayRef.current + ((now - prev) / 1000) * 365 * 4);
      prev = now;
      setDay(Math.round(next));
      if (next >= last) setPlaying(false);
      else raf = requestAnimationFrame(step);
    };
    raf = requestAnimationFrame(step);
    return () => cancelAnimationFrame(raf);
  }, [playing, first, last]);

  // The two governments themselves are drawn apart and not counted.
  const states = useMemo(
    () => (history.state === "ok" ? history.data.states.filter((s) => !s.claimant) : []),
    [history],
  );
  const byNumeric = useMemo(
    () => new Map(states.filter((s) => s.numeric).map((s) => [s.numeric!, s])),
    [states],
  );
  const byId = useMemo(() => new Map(states.map((s) => [s.country, s])), [states]);
  const recOf = useMemo(() => {
    const m = new Map<string, Rec>();
    for (const s of states) m.set(s.country, recognitionOn(s.periods, date));
    return m;
  }, [states, date]);
  const allies = states.filter((s) => recOf.get(s.country) === "ROC");
  const counts = { ROC: 0, PRC: 0, NONE: 0 };
  for (const r of recOf.values()) counts[r]++;

  // Micro-states: members the 110m atlas has no shape for, or whose shape is a speck.
  const drawn = useMemo(() => new Set(shapes.map((s) => s.numeric)), [shapes]);
  const markers = useMemo(() => {
    const proj = projection;
    if (!proj) return [];
    return states
      .filter((s) => s.latlng && (!s.numeric || !drawn.has(s.numeric)))
      .map((s) => {
        const xy = proj([s.latlng![1], s.latlng![0]]);
        return xy ? { state: s, x: xy[0], y: xy[1] } : null;
      })
      .filter((m): m is { state: HistoryState; x: number; y: number } => m !== null);
  }, [states, drawn, projection]);

  const classFor = (
    numeric: string,
  ): { cls: string; state: HistoryState | null; claimant: string | null } => {
    if (CLAIMANTS[numeric])
      return {
        cls: `claimant-${CLAIMANTS[numeric].toLowerCase()}`,
        state: null,
        claimant: CLAIMANTS[numeric],
      };
    const s = byNumeric.get(numeric) ?? byNumeric.get(SOVEREIGN_OF[numeric] ?? "");
    if (!s) return { cls: "nodata", state: null, claimant: null };
    return { cls: `rec-fill-${recOf.get(s.country)!.toLowerCase()}`, state: s, claimant: null };
  };

  const hovered = hover ? byId.get(hover) : null;
  const ready = history.state === "ok" && shapes.length > 0;

  return (
    <div class="page page-map">
      <section class="map-head">
        <div>
          <h1>Who recognizes Taipei?</h1>
          <p class="lede">
            Every UN member state and the Holy See by the government it recognizes as China, on any day since{" "}
            {fmtDate(LEDGER_START)}. Drag the slider or press play.
          </p>
        </div>
        <div class="ally-card" aria-live="polite">
          <output class="ally-count" data-testid="ally-count" for="date-slider">
            {history.state === "ok" ? allies.length : "–"}
          </output>
          <span class="ally-label">
            {allies.length === 1 ? "state recognizes" : "states recognize"} Taipei on{" "}
            <strong>{fmtDate(date)}</strong>
          </span>
          <span class="ally-others">
            Beijing {counts.PRC} · neither {counts.NONE}
          </span>
        </div>
      </section>

      <section class="map-controls" aria-label="Date">
        <button
          type="button"
          class="play"
          onClick={() => setPlaying(!playing)}
          aria-pressed={playing}
          aria-label={playing ? "Pause" : "Play from 1949"}
          data-testid="play"
        >
          {playing ? (
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <rect x="3" y="2" width="3.5" height="12" rx="1" />
              <rect x="9.5" y="2" width="3.5" height="12" rx="1" />
            </svg>
          ) : (
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path d="M4 2.5v11l9-5.5z" />
            </svg>
          )}
        </button>
        <div class="slider">
          <label for="date-slider" class="sr-only">
            Date
          </label>
          <input
            id="date-slider"
            data-testid="date-slider"
            type="range"
            min={first}
            max={last}
            step={1}
            value={day}
            onInput={(e) => {
              setPlaying(false);
              setDay(Number(e.currentTarget.value));
            }}
          />
          <div class="slider-scale" aria-hidden="true">
            <span>1949</span>
            <span>1971</span>
            <span>2000</span>
            <span>today</span>
          </div>
        </div>
        <label class="date-field">
          <span class="sr-only">Date</span>
          <input
            type="date"
            data-testid="date-input"
            min={LEDGER_START}
            max={today}
            value={date}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
                setPlaying(false);
                setDay(Math.min(last, Math.max(first, dayNumber(v))));
              }
            }}
          />
        </label>
      </section>
      <div class="jumps" role="group" aria-label="Jump to">
        {JUMPS.map(([d, label]) => (
          <button
            key={d}
            type="button"
            class="chip-button"
            onClick={() => (setPlaying(false), setDay(dayNumber(d)))}
          >
            {label}
          </button>
        ))}
        <button type="button" class="chip-button" onClick={() => (setPlaying(false), setDay(last))}>
          Today
        </button>
      </div>

      <section class="map-wrap">
        {history.state === "error" ? (
          <ErrorBox error={history.error} />
        ) : atlasError ? (
          <ErrorBox error={atlasError} />
        ) : !ready ? (
          <Loading what="Drawing the map" />
        ) : (
          <svg
            class="world"
            viewBox={`0 0 ${W} ${H}`}
            role="img"
            aria-label={`World map: ${allies.length} states recognize Taipei on ${fmtDate(date)}`}
            data-ready="true"
            onMouseLeave={() => setHover(null)}
          >
            <g class="countries">
              {shapes.map((s) => {
                const { cls, state, claimant } = classFor(s.numeric);
                const id = state?.country ?? claimant;
                return (
                  <path
                    key={s.key}
                    d={s.d}
                    class={`${cls}${id && hover === id ? " hover" : ""}`}
                    data-country={id ?? undefined}
                    onMouseEnter={() => setHover(state?.country ?? null)}
                    onClick={() => id && navigate(`/countries/${id}`)}
                  >
                    <title>
                      {state
                        ? `${state.name}: ${RECOGNITION_LABEL[recOf.get(state.country)!]}`
                        : claimant === "TWN"
                          ? "Taiwan (Republic of China)"
                          : claimant === "CHN"
                            ? "China (People's Republic)"
                            : s.name}
                    </title>
                  </path>
                );
              })}
            </g>
            <g class="markers">
              {markers.map(({ state, x, y }) => {
                const rec = recOf.get(state.country)!;
                return (
                  <circle
                    key={state.country}
                    cx={x}
                    cy={y}
                    r={rec === "ROC" ? 5 : 3.2}
                    class={`marker rec-fill-${rec.toLowerCase()}${hover === state.country ? " hover" : ""}`}
                    data-country={state.country}
                    data-testid={`marker-${state.country}`}
                    onMouseEnter={() => setHover(state.country)}
                    onClick={() => navigate(`/countries/${state.country}`)}
                  >
                    <title>{`${state.name}: ${RECOGNITION_LABEL[rec]}`}</title>
                  </circle>
                );
              })}
            </g>
          </svg>
        )}
        <div class="map-foot">
          <ul class="legend" aria-label="Legend">
            <li>
              <span class="swatch rec-fill-roc" /> Taipei (ROC)
            </li>
            <li>
              <span class="swatch rec-fill-prc" /> Beijing (PRC)
            </li>
            <li>
              <span class="swatch rec-fill-none" /> Neither
            </li>
            <li>
              <span class="swatch marker-swatch" /> Micro-state
            </li>
          </ul>
          <p class="hover-info" aria-live="polite">
            {hovered
              ? `${hovered.name}: ${RECOGNITION_LABEL[recOf.get(hovered.country)!]}${
                  sinceOf(hovered.periods, date) ? ` since ${fmtDate(sinceOf(hovered.periods, date))}` : ""
                }`
              : "Hover over a country for its recognition; click for its page."}
          </p>
        </div>
      </section>

      <div class="columns">
        <section class="panel">
          <h2>Taipei's allies on {fmtDate(date)}</h2>
          {history.state !== "ok" ? null : allies.length === 0 ? (
            <p class="muted">None.</p>
          ) : (
            <ul class="ally-list" data-testid="ally-list">
              {allies
                .slice()
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((s) => (
                  <li key={s.country}>
                    <Link href={`/countries/${s.country}`}>{s.name}</Link>
                  </li>
                ))}
            </ul>
          )}
        </section>
        <section class="panel">
          <h2>In the store</h2>
          {stats.state === "ok" ? (
            stats.data.events === 0 ? (
              <p class="muted">
                No events yet. Run <code>attache ingest PATH</code> to read articles.
              </p>
            ) : (
              <>
                <p class="stat-line">
                  <Link href="/articles">{plural(stats.data.articles, "article")}</Link> ·{" "}
                  <Link href="/events">{plural(stats.data.events, "event")}</Link>
                  {stats.data.firstEvent && (
                    <span class="muted">
                      {" "}
                      · {fmtDate(stats.data.firstEvent)} – {fmtDate(stats.data.lastEvent)}
                    </span>
                  )}
                </p>
                <h3>Most reported relationships</h3>
                <ol class="pair-list">
                  {stats.data.topPairs.slice(0, 8).map((p) => (
                    <li key={`${p.a.id}-${p.b.id}`}>
                      <Link href={`/relations/${p.a.id}/${p.b.id}`}>
                        {p.a.name} – {p.b.name}
                      </Link>
                      <span class="muted"> {p.n}</span>
                    </li>
                  ))}
                </ol>
              </>
            )
          ) : stats.state === "error" ? (
            <ErrorBox error={stats.error} />
          ) : (
            <Loading />
          )}
        </section>
      </div>
    </div>
  );
}
