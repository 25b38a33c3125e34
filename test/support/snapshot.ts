// A store's content in a form that does not depend on the order articles were stored in, for comparing the
// store one run made with another's (test/queue, test/reliability).
import type { Repository } from "../../src/store/repository.ts";
import { SYMMETRIC_TYPES } from "../../src/store/types.ts";

export interface Snapshot {
  /** Each event: type, pair, date, precision, status, best confidence, sources and its mention ids. */
  events: string[];
  /** Every mention id, sorted (a repeated id is a report stored twice). */
  mentions: string[];
  /** Each article as `id:reports`. */
  articles: string[];
}

/**
 * What must not depend on which worker stored what first: each event's act, date, status, best confidence
 * and the set of reports (mention ids) it gathered; each article's count of reports. (Which report leads, and
 * so the event's id and evidence, may differ between equally sure reports: the first stored wins.)
 */
export async function snapshot(repo: Repository): Promise<Snapshot> {
  const mentions: string[] = [];
  const events: string[] = [];
  for (const e of await repo.listEvents({ limit: 100_000 })) {
    const ids = (await repo.listMentions(e.id)).map((m) => m.id).sort();
    mentions.push(...ids);
    const pair = SYMMETRIC_TYPES.has(e.type) ? [e.source, e.target ?? ""].sort() : [e.source, e.target];
    events.push(
      JSON.stringify([e.type, ...pair, e.date, e.datePrecision, e.status, e.confidence, e.sources, ids]),
    );
  }
  const articles = (await repo.listArticles(100_000, 0)).map((a) => `${a.id}:${a.events}`).sort();
  return { events: events.sort(), mentions: mentions.sort(), articles };
}
