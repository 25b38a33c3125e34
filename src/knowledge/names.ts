// The name table: every name that stands for an actor or a person, from every source, and the rule that
// settles a name claimed twice. Spelling variants are generated here ("Saint"/"St"/"St.", "and"/"&",
// a leading "the" dropped), so the data lists each name once.
import type { MentionKind } from "./types.ts";
import { nameTokens } from "./fold.ts";
import type { Where } from "./load.ts";

export interface NameEntry {
  name: string;
  /** null: a phrase that stands for no actor ("Taipei Times"); it only blocks the shorter names inside it. */
  kind: MentionKind | null;
  actor: string | null;
  personId?: string;
  /** Written by hand in data/ (true) or generated from the world-countries package (false). */
  curated: boolean;
  /** The row's own name rather than one of its aliases. */
  primary: boolean;
  /** For package names: whether the state is a UN member (settles package-only clashes). */
  unMember?: boolean;
  /** For people: the last day of their latest term ("9999-12-31" while in office; settles clashes). */
  lastInOffice?: string;
  /** "FILE:LINE" or "world-countries", for messages. */
  origin: Where;
}

/** A name after variants and the clash rule: what the gazetteer compiles. */
export interface ResolvedName extends NameEntry {
  tokens: string[];
  /** All capitals ("US", "U.S.", "WHO"): matched only in that exact case. */
  caseSensitive: boolean;
  /** Starts with a capital: matched only where the text has a capital there ("China", not "china"). */
  capitalized: boolean;
}

const KIND_RANK: Record<string, number> = {
  state: 0,
  capital: 1,
  demonym: 2,
  igo: 3,
  body: 4,
  person: 5,
  place: 6,
};

/** Spelling variants of a name: without a leading "the", "St"/"St." for "Saint", "&" for "and". */
export function variants(name: string): string[] {
  const base = name.replace(/^the\s+/i, "");
  const out = new Set([base]);
  for (const v of [...out]) {
    if (/\bSaint\b/.test(v)) {
      out.add(v.replace(/\bSaint\b/g, "St"));
      out.add(v.replace(/\bSaint\b/g, "St."));
    }
  }
  for (const v of [...out]) if (/\sand\s/.test(v)) out.add(v.replace(/\sand\s/g, " & "));
  return [...out];
}

export const isAllCaps = (s: string): boolean => /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
const startsCapital = (s: string): boolean => /^\p{Lu}/u.test(s);

const target = (e: NameEntry): string =>
  e.kind === null ? "-" : e.kind === "person" ? `person:${e.personId}` : (e.actor ?? "-");

const describe = (e: NameEntry): string =>
  `${e.kind === "person" ? e.personId : e.kind === null ? "no actor" : e.actor} (${e.origin.toString()})`;

export interface NameTable {
  names: ResolvedName[];
  /** Names two hand-written rows claim for different actors, with the winner: data-check reports them. */
  clashes: Where[];
  /** Package names two states share that no rule settles; left out of the gazetteer. */
  ambiguous: Where[];
}

function expand(entries: NameEntry[]): ResolvedName[] {
  const out: ResolvedName[] = [];
  for (const e of entries) {
    for (const v of variants(e.name)) {
      const tokens = nameTokens(v);
      if (!tokens.length) continue;
      out.push({ ...e, name: v, tokens, caseSensitive: isAllCaps(v), capitalized: startsCapital(v) });
    }
  }
  return out;
}

const bestOf = (group: ResolvedName[]): ResolvedName =>
  group.reduce((a, b) => (KIND_RANK[b.kind ?? "state"] < KIND_RANK[a.kind ?? "state"] ? b : a));

function byTarget(group: ResolvedName[]): Map<string, ResolvedName[]> {
  const m = new Map<string, ResolvedName[]>();
  for (const e of group) {
    const list = m.get(target(e));
    if (list) list.push(e);
    else m.set(target(e), [e]);
  }
  return m;
}

/** Package names only: a UN member beats a territory; a clash left after that drops the name. */
function settlePackage(group: ResolvedName[], ambiguous: Where[]): ResolvedName | null {
  if (byTarget(group).size === 1) return bestOf(group);
  const members = group.filter((e) => e.unMember);
  if (members.length && byTarget(members).size === 1) return bestOf(members);
  const claims = [...byTarget(group).values()].map((g) => g[0]);
  ambiguous.push({ toString: () => `"${group[0].name}": ${claims.map(describe).join(", ")}` });
  return null;
}

/**
 * Hand-written claims for different actors: the row whose own name it is wins; else, between people, the
 * one whose last term ended latest (news mostly speaks of the recent one); else the first in load order
 * (states, organizations, offices by file name).
 */
function curatedWinner(claims: ResolvedName[]): ResolvedName {
  const primaries = claims.filter((e) => e.primary);
  const pool = primaries.length ? primaries : claims;
  if (pool.every((e) => e.kind === "person"))
    return pool.reduce((a, b) => ((b.lastInOffice ?? "") > (a.lastInOffice ?? "") ? b : a));
  return bestOf([...byTarget(pool).values()][0]);
}

/**
 * Settles one name claimed by several rows. Same actor: the most specific kind wins (state, capital,
 * demonym…). Hand-written rows beat package rows silently (that is what overrides are for); a clash between
 * hand-written rows is settled by curatedWinner and reported.
 */
function settle(group: ResolvedName[], clashes: Where[], ambiguous: Where[]): ResolvedName | null {
  const curated = group.filter((e) => e.curated);
  if (!curated.length) return settlePackage(group, ambiguous);
  const targets = byTarget(curated);
  if (targets.size === 1) return bestOf(curated);
  const winner = curatedWinner(curated);
  const others = [...targets.values()].map((g) => g[0]).filter((e) => target(e) !== target(winner));
  clashes.push({
    toString: () =>
      `name "${group[0].name}" is claimed by ${[winner, ...others].map(describe).join(" and ")}; ${describe(winner)} wins`,
  });
  return winner;
}

/** Expands variants, groups by matching key, settles clashes. */
export function buildNameTable(entries: NameEntry[]): NameTable {
  const groups = new Map<string, ResolvedName[]>();
  for (const e of expand(entries)) {
    const key = `${e.tokens.join(" ")}|${e.caseSensitive ? "A" : e.capitalized ? "C" : "a"}`;
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  const clashes: Where[] = [];
  const ambiguous: Where[] = [];
  const names: ResolvedName[] = [];
  for (const group of groups.values()) {
    const won = settle(group, clashes, ambiguous);
    if (won) names.push(won);
  }
  return { names, clashes, ambiguous };
}
