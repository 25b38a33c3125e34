// A country profile: its recognition history, who held its offices on a date, and what the store says it
// did — counts by type, partner and year, and its latest events.
import { OFFICES } from "../knowledge/schema.ts";
import type { Office } from "../knowledge/types.ts";
import { type QueryContext, actorRef, atOneMoment, todayIso } from "./context.ts";
import { AttacheError, notFound } from "./errors.ts";
import type { CountryProfileOut } from "./schemas.ts";

/** The offices shown on a profile, most senior first (the data's order): the government's own, not envoys. */
const NOT_ON_PROFILE: ReadonlySet<Office> = new Set(["president_elect", "ambassador", "representative"]);
const PROFILE_OFFICES = OFFICES.filter((o) => !NOT_ON_PROFILE.has(o));

type Row = { key: string | null; name: string | null; n: number };

function sumBy<T>(items: T[], key: (t: T) => string | null, n: (t: T) => number): Map<string | null, number> {
  const out = new Map<string | null, number>();
  for (const t of items) out.set(key(t), (out.get(key(t)) ?? 0) + n(t));
  return out;
}

const rows = (m: Map<string | null, number>, name: (k: string | null) => string | null): Row[] =>
  [...m]
    .map(([key, n]) => ({ key, name: name(key), n }))
    .sort((x, y) => y.n - x.n || String(x.key).localeCompare(String(y.key)));

export async function countryProfile(
  ctx: QueryContext,
  idInput: string,
  asOf?: string,
): Promise<CountryProfileOut> {
  const id = idInput.trim().toUpperCase();
  const info = ctx.knowledge.state(id);
  if (!info) {
    if (id.startsWith("IGO:"))
      throw new AttacheError(404, "not_a_state", `${id} is an organization, not a state`);
    throw notFound(`no state with id ${id}`);
  }
  const date = asOf ?? todayIso(ctx);
  const filter = { actor: id };
  const [series, range, recent] = await atOneMoment(ctx.repo, () =>
    Promise.all([
      ctx.repo.countEventsBy(filter, ["year", "type", "partner"]),
      ctx.repo.eventDateRange(filter),
      ctx.repo.listEvents({ ...filter, limit: 10 }),
    ]),
  );
  const nameOf = (k: string | null): string | null => (k ? actorRef(ctx.knowledge, k).name : null);
  const holders = PROFILE_OFFICES.flatMap((office) =>
    ctx.knowledge.holderOf(id, office, date).map((t) => ({
      office,
      personId: t.personId,
      name: t.name,
      title: t.title,
      from: t.from,
      to: t.to,
    })),
  );
  const recentArticles = await ctx.repo.articleSummaries(recent.map((e) => e.articleId));
  const byYear = rows(
    sumBy(
      series,
      (s) => s.year ?? null,
      (s) => s.n,
    ),
    (k) => k,
  ).sort((x, y) => String(x.key).localeCompare(String(y.key)));
  return {
    state: {
      id: info.id,
      name: info.name,
      officialName: info.officialName,
      capital: info.capital,
      unMember: info.unMember,
      numeric: info.numeric,
      latlng: info.latlng,
    },
    asOf: date,
    recognizes: ctx.knowledge.recognitionOf(id, date),
    ledger: ctx.knowledge.ledger(id),
    officeHolders: holders,
    events: {
      total: series.reduce((n, s) => n + s.n, 0),
      first: range.first,
      last: range.last,
      byType: rows(
        sumBy(
          series,
          (s) => s.type ?? null,
          (s) => s.n,
        ),
        (k) => k,
      ),
      byPartner: rows(
        sumBy(
          series,
          (s) => s.partner ?? null,
          (s) => s.n,
        ),
        nameOf,
      ),
      byYear,
      series: series.map((s) => ({
        year: s.year ?? null,
        type: s.type ?? "",
        partner: s.partner ?? null,
        n: s.n,
      })),
    },
    recent,
    recentArticles,
  };
}
