// What every query needs: the store, the reference knowledge and the day it is (fixed in tests).
import type { Knowledge } from "../knowledge/types.ts";
import type { Repository } from "../store/repository.ts";
import { AttacheError } from "./errors.ts";
import { ACTOR_ID, type ActorRefOut } from "./schemas.ts";

export interface QueryContext {
  repo: Repository;
  knowledge: Knowledge;
  /** Today as YYYY-MM-DD (UTC); injectable so tests do not depend on the clock. */
  today?: () => string;
}

/** Runs reads on one snapshot of the store where the store offers one (Repository.atOneMoment). */
export function atOneMoment<T>(repo: Repository, work: () => Promise<T>): Promise<T> {
  return repo.atOneMoment ? repo.atOneMoment(work) : work();
}

export const todayIso = (ctx: QueryContext): string =>
  ctx.today ? ctx.today() : new Date().toISOString().slice(0, 10);

/** An actor id with a display name: the state's name, the organization's short name, or the id itself. */
export function actorRef(knowledge: Knowledge, id: string): ActorRefOut {
  const state = knowledge.state(id);
  if (state) return { id, name: state.name, kind: "state" };
  if (id.startsWith("IGO:")) return { id, name: id.slice(4).replace(/_/g, " "), kind: "igo" };
  return { id, name: id, kind: "unknown" };
}

/** Resolves what a user typed ("gtm", "Guatemala", "Taipei", "IGO:WHO") to an actor id, or fails with unknown_actor. */
export function resolveActor(knowledge: Knowledge, input: string, param: string): string {
  const raw = input.trim();
  const upper = raw.toUpperCase();
  if (ACTOR_ID.test(upper) && (knowledge.state(upper) || upper.startsWith("IGO:"))) return upper;
  const found = knowledge.resolveActor(raw);
  if (found) return found;
  throw new AttacheError(400, "unknown_actor", `${param}: no actor is known as "${raw}"`, [
    { path: param, message: `unknown actor "${raw}"` },
  ]);
}

/**
 * The two governments the ledger is about (TWN and CHN in the real data): the states with no ledger of
 * their own that the knowledge says "recognize" one side — themselves.
 */
export function claimants(knowledge: Knowledge): { ROC: string | null; PRC: string | null } {
  const out: { ROC: string | null; PRC: string | null } = { ROC: null, PRC: null };
  for (const s of knowledge.states()) {
    if (knowledge.ledger(s.id).length > 0) continue;
    const r = knowledge.recognitionOf(s.id, "2000-01-01");
    if (r !== "NONE" && !out[r]) out[r] = s.id;
  }
  return out;
}
