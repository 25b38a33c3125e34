// Totals over the whole store, and the count of Taipei's allies today.
import { type QueryContext, actorRef, atOneMoment, claimants, todayIso } from "./context.ts";
import type { ActorListOut, StatsOut } from "./schemas.ts";

export async function overallStats(ctx: QueryContext): Promise<StatsOut> {
  const { repo, knowledge } = ctx;
  const [stats, byType, byStatus, byYear, sources, targets, pairs, range] = await atOneMoment(repo, () =>
    Promise.all([
      repo.stats(),
      repo.countEventsBy({}, ["type"]),
      repo.countEventsBy({}, ["status"]),
      repo.countEventsBy({}, ["year"]),
      repo.countEventsBy({}, ["source"]),
      repo.countEventsBy({}, ["target"]),
      // The top 20 pairs and any tied with the 20th: enough to order them by name among equals, as below.
      repo.topPairs(20),
      repo.eventDateRange({}),
    ]),
  );
  const actors = new Map<string, number>();
  for (const s of sources) if (s.source) actors.set(s.source, (actors.get(s.source) ?? 0) + s.n);
  for (const t of targets) if (t.target) actors.set(t.target, (actors.get(t.target) ?? 0) + t.n);
  const pairCounts = new Map<string, number>();
  for (const p of pairs) {
    const key = [p.a, p.b].sort().join("|");
    pairCounts.set(key, (pairCounts.get(key) ?? 0) + p.n);
  }
  const today = todayIso(ctx);
  const c = claimants(knowledge);
  const allies = knowledge
    .recognitionAsOf(today)
    .filter((r) => r.recognizes === "ROC" && r.country !== c.ROC)
    .map((r) => actorRef(knowledge, r.country))
    .sort((x, y) => x.name.localeCompare(y.name));
  const plain = (rows: Array<{ n: number } & Record<string, unknown>>, key: string) =>
    rows.map((r) => ({
      key: (r[key] as string | null) ?? null,
      name: (r[key] as string | null) ?? null,
      n: r.n,
    }));
  return {
    articles: stats.articles,
    events: stats.events,
    firstEvent: range.first,
    lastEvent: range.last,
    byType: plain(byType, "type"),
    byStatus: plain(byStatus, "status"),
    byYear: plain(byYear, "year").sort((x, y) => String(x.key).localeCompare(String(y.key))),
    topActors: [...actors]
      .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
      .slice(0, 20)
      .map(([id, n]) => ({ key: id, name: actorRef(knowledge, id).name, n })),
    topPairs: [...pairCounts]
      .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
      .slice(0, 20)
      .map(([key, n]) => {
        const [a, b] = key.split("|");
        return { a: actorRef(knowledge, a), b: actorRef(knowledge, b), n };
      }),
    allies: { asOf: today, count: allies.length, states: allies },
  };
}

/** Every state, plus any other actor that has events, with its event count (for the dashboard's pickers). */
export async function listActors(ctx: QueryContext): Promise<ActorListOut> {
  const [sources, targets] = await atOneMoment(ctx.repo, () =>
    Promise.all([ctx.repo.countEventsBy({}, ["source"]), ctx.repo.countEventsBy({}, ["target"])]),
  );
  const counts = new Map<string, number>();
  for (const s of sources) if (s.source) counts.set(s.source, (counts.get(s.source) ?? 0) + s.n);
  for (const t of targets) if (t.target) counts.set(t.target, (counts.get(t.target) ?? 0) + t.n);
  const ids = new Set([...ctx.knowledge.states().map((s) => s.id), ...counts.keys()]);
  return {
    items: [...ids]
      .map((id) => ({ ...actorRef(ctx.knowledge, id), events: counts.get(id) ?? 0 }))
      .sort((x, y) => x.name.localeCompare(y.name)),
  };
}
