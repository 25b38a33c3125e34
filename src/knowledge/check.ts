// The data checks behind `attache data-check`: one line per problem, naming file and line. "Fatal" problems
// make the data unusable (loadKnowledge refuses it); the others are mistakes to fix that lookups survive.
import { join } from "node:path";
import { compareLoose } from "./dates.ts";
import type { Compiled } from "./knowledge.ts";
import { displayName, type RawData, type Where } from "./load.ts";
import { MULTI_SEAT, seatOf } from "./offices.ts";
import type { Term } from "./types.ts";

type Row = { key: string; at: Where };

function duplicates(rows: Row[], what: string): string[] {
  const seen = new Map<string, Where>();
  const out: string[] = [];
  for (const r of rows) {
    const first = seen.get(r.key);
    if (first) out.push(`${r.at.toString()}: duplicate ${what} ${r.key} (first at ${first.toString()})`);
    else seen.set(r.key, r.at);
  }
  return out;
}

function duplicateIds(raw: RawData): string[] {
  const people = raw.offices.flatMap((f) =>
    f.data.people.map((p, i) => ({ key: p.id, at: f.where(["people", i]) })),
  );
  const org = raw.organizations;
  const orgs = org
    ? [
        ...org.data.igos.map((o, i) => ({ key: o.id, at: org.where(["igos", i]) })),
        ...org.data.bodies.map((o, i) => ({ key: o.id, at: org.where(["bodies", i]) })),
      ]
    : [];
  const stateRows = raw.stateFiles.flatMap((f) =>
    duplicates(
      f.data.states.map((r, i) => ({ key: r.id, at: f.where(["states", i]) })),
      "state id",
    ),
  );
  const ledger = raw.ledger;
  const ledgerRows = ledger
    ? ledger.data.states.map((s, i) => ({ key: s.country, at: ledger.where(["states", i]) }))
    : [];
  return [
    ...duplicates(people, "person id"),
    ...duplicates(orgs, "organization id"),
    ...stateRows,
    ...duplicates(ledgerRows, "ledger country"),
  ];
}

/**
 * Actor ids every file refers to must be known states or IGOs; persons in terms must be listed. Skipped while
 * a file is unreadable: its rows are missing, and every reference to them would be reported too.
 */
function references(raw: RawData, c: Compiled): string[] {
  if (raw.problems.length) return [];
  const known = (id: string): boolean => c.states.has(id) || c.organizations.some((o) => o.id === id);
  const out: string[] = [];
  const org = raw.organizations;
  org?.data.bodies.forEach((b, i) => {
    if (!known(b.actor))
      out.push(`${org.at(["bodies", i])}: bodies[${i}] (${b.id}): unknown actor ${b.actor}`);
  });
  for (const f of raw.offices) {
    if (!known(f.data.state)) out.push(`${f.at(["state"])}: unknown state ${f.data.state}`);
    f.data.terms.forEach((t, i) => {
      if (!c.offices.people.has(t.person))
        out.push(`${f.at(["terms", i])}: terms[${i}]: person ${t.person} is not listed under people`);
      if (t.to_state && !known(t.to_state))
        out.push(`${f.at(["terms", i])}: terms[${i}] (${t.person}): unknown to_state ${t.to_state}`);
    });
  }
  const ledger = raw.ledger;
  ledger?.data.states.forEach((s, i) => {
    if (!c.states.has(s.country))
      out.push(`${ledger.at(["states", i])}: states[${i}]: unknown country ${s.country}`);
  });
  return out;
}

function ledgerOrder(raw: RawData): string[] {
  const ledger = raw.ledger;
  if (!ledger) return [];
  const out: string[] = [];
  ledger.data.states.forEach((s, i) =>
    s.periods.forEach((p, j) => {
      const prev = s.periods[j - 1];
      if (prev && p.from <= prev.from)
        out.push(
          `${ledger.at(["states", i, "periods", j])}: ${s.country} periods[${j}] from ${p.from} is not after periods[${j - 1}] from ${prev.from}`,
        );
    }),
  );
  return out;
}

const termLabel = (t: Term & { origin: Where }): string =>
  `${t.origin.toString()}: ${t.state} ${t.office}${t.post ? ` (${t.post})` : ""} ${t.personId} ${t.from}–${t.to ?? "…"}`;

function termDates(c: Compiled): string[] {
  return c.offices.terms
    .filter((t) => t.to !== null && compareLoose(t.to, t.from) < 0)
    .map((t) => `${termLabel(t)}: ends before it starts`);
}

/** Whether a term ending at `to` surely goes on after `day` (a handover day is not an overlap). */
const endsAfter = (to: string | null, day: string): boolean => to === null || compareLoose(to, day) > 0;

/** Terms of one seat that surely share more than a handover day (dates compared at the precision both have). */
function overlaps(c: Compiled): string[] {
  const seats = new Map<string, Array<Term & { origin: Where }>>();
  for (const t of c.offices.terms) {
    if (MULTI_SEAT.has(t.office)) continue;
    seats.set(seatOf(t), [...(seats.get(seatOf(t)) ?? []), t]);
  }
  const out: string[] = [];
  for (const terms of seats.values())
    terms.forEach((b, j) =>
      terms.slice(0, j).forEach((a) => {
        if (endsAfter(a.to, b.from) && endsAfter(b.to, a.from))
          out.push(
            `${termLabel(b)}: overlaps ${a.personId} ${a.from}–${a.to ?? "…"} (${a.origin.toString()})`,
          );
      }),
    );
  return out;
}

function missing(raw: RawData): string[] {
  const out: string[] = [];
  const file = (...parts: string[]): string => displayName(join(raw.dir, ...parts));
  if (!raw.ledger && !raw.problems.some((p) => p.includes("ledger.yaml")))
    out.push(`${file("recognition", "ledger.yaml")}: missing`);
  if (!raw.organizations && !raw.problems.some((p) => p.includes("organizations.yaml")))
    out.push(`${file("organizations.yaml")}: missing`);
  return out;
}

function ledgerCoverage(raw: RawData, c: Compiled): string[] {
  if (!raw.ledger) return [];
  const listed = new Set(raw.ledger.data.states.map((s) => s.country));
  const absent = [...c.states.values()]
    .filter((s) => s.inRecognitionTable && !s.claimant && !listed.has(s.id))
    .map((s) => s.id);
  return absent.length
    ? [
        `${raw.ledger.name}: ${absent.length} states of the recognition table have no periods: ${absent.sort().join(", ")}`,
      ]
    : [];
}

/** Problems that make the data unusable: unreadable files, missing ledger, duplicate ids, dangling ids. */
export function fatalProblems(raw: RawData, c: Compiled): string[] {
  return [
    ...raw.problems,
    ...missing(raw).filter((p) => p.includes("ledger")),
    ...duplicateIds(raw),
    ...references(raw, c),
    ...ledgerOrder(raw),
  ];
}

/** Mistakes lookups survive; `attache data-check` still fails on them. */
export function otherProblems(raw: RawData, c: Compiled): string[] {
  return [
    ...missing(raw).filter((p) => !p.includes("ledger")),
    ...c.problems,
    ...termDates(c),
    ...overlaps(c),
    ...c.table.clashes.map(String),
    ...ledgerCoverage(raw, c),
  ];
}
