// A country profile: its recognition history, who held its offices on a date, and what the store says it
// did — counts by type, partner and year (and, when asked, by all three at once), and its latest events.
import { OFFICES } from "../knowledge/schema.ts";
import type { Office } from "../knowledge/types.ts";
import { type QueryContext, actorRef, atOneMoment, todayIso } from "./context.ts";
import { AttacheError, notFound } from "./errors.ts";
import type { EventCount, EventGroupKey } from "../store/repository.ts";
import type { CountryProfileOut } from "./schemas.ts";

/** The offices shown on a profile, most senior first (the data's order): the government's own, not envoys. */
const NOT_ON_PROFILE: ReadonlySet<Office> = new Set(["president_elect", "ambassador", "representative"]);
const PROFILE_OFFICES = OFFICES.filter((o) => !NOT_ON_PROFILE.has(o));

type Row = { key: string | null; name: string | null; n: number };

/** Count rows as the dashboard shows them: largest first, ties by key (none last). */
const rows = (counts: EventCount[], key: EventGroupKey, name: (k: string | null) => string | null): Row[] =>
  counts
    .map((c) => ({ key: c[key] ?? null, name: name(c[key] ?? null), n: c.n }))
    .sort((x, y) => y.n - x.n || String(x.key).localeCompare(String(y.key)));

export interface ProfileOptions {
  /** The date for recognition and office holders (default: today). */
  asOf?: string;
  /**
   * Also every (year, type, partner) count: tens of thousands of rows for a busy state, which the dashboard
   * does not read, so only when asked.
   */
  series?: boolean;
}

export async function countryProfile(
  ctx: QueryContext,
  idInput: string,
  options: ProfileOptions = {},
): Promise<CountryProfileOut> {
  const id = idInput.trim().toUpperCase();
  const info = ctx.knowledge.state(id);
  if (!info) {
    if (id.startsWith("IGO:"))
      throw new AttacheError(404, "not_a_state", `${id} is an organization, not a state`);
    throw notFound(`no state with id ${id}`);
  }
  const date = options.asOf ?? todayIso(ctx);
  const filter = { actor: id };
  // Each total by its own grouped count: the store answers them from running counts (SQLite) in a few rows.
  const [total, byType, byPartner, byYear, series, range, recent] = await atOneMoment(ctx.repo, () =>
    Promise.all([
      ctx.repo.countEvents(filter),
      ctx.repo.countEventsBy(filter, ["type"]),
      ctx.repo.countEventsBy(filter, ["partner"]),
      ctx.repo.countEventsBy(filter, ["year"]),
      options.series ? ctx.repo.countEventsBy(filter, ["year", "type", "partner"]) : null,
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
      total,
      first: range.first,
      last: range.last,
      byType: rows(byType, "type", (k) => k),
      byPartner: rows(byPartner, "partner", nameOf),
      byYear: rows(byYear, "year", (k) => k).sort((x, y) => String(x.key).localeCompare(String(y.key))),
      ...(series && {
        series: series.map((s) => ({
          year: s.year ?? null,
          type: s.type ?? "",
          partner: s.partner ?? null,
          n: s.n,
        })),
      }),
    },
    recent,
    recentArticles,
  };
}
