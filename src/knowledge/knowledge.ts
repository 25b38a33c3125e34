// Compiles what load.ts read into the Knowledge the rest of attache queries: states, the name table and its
// gazetteer, office holders, organizations, the ledger. Pure assembly: each part is built by its own module.
import { Gazetteer } from "./gazetteer.ts";
import { Ledger } from "./ledger.ts";
import type { RawData } from "./load.ts";
import { buildNameTable, isAllCaps, type NameTable, type ResolvedName } from "./names.ts";
import { Offices } from "./offices.ts";
import { buildOrganizations, type OrganizationInfo } from "./organizations.ts";
import { buildStates, type StateRecord } from "./states.ts";
import { nameTokens } from "./fold.ts";
import type { Knowledge, LedgerPeriod, Mention, Office, Recognition, StateInfo, Term } from "./types.ts";

export interface Compiled {
  knowledge: KnowledgeBase;
  states: Map<string, StateRecord>;
  offices: Offices;
  organizations: OrganizationInfo[];
  table: NameTable;
  /** Problems found while building (unknown states in overrides, drops that drop nothing). */
  problems: string[];
}

export class KnowledgeBase implements Knowledge {
  private readonly igos: Set<string>;
  /** The state that is each claimant: the data names one per side. */
  private readonly claimants = new Map<Recognition, string>();

  constructor(
    readonly version: string,
    private readonly statesById: Map<string, StateRecord>,
    private readonly gazetteer: Gazetteer,
    private readonly offices: Offices,
    private readonly recognition: Ledger,
    organizations: OrganizationInfo[],
  ) {
    this.igos = new Set(organizations.filter((o) => o.kind === "igo").map((o) => o.id));
    for (const s of statesById.values()) if (s.claimant) this.claimants.set(s.claimant, s.id);
  }

  findMentions(text: string): Mention[] {
    return this.gazetteer.findMentions(text);
  }

  /** Every state as callers see it, sorted by id, built once: the coder asks for them per candidate. */
  private infos: { list: readonly StateInfo[]; byId: Map<string, StateInfo> } | null = null;

  private stateInfos(): { list: readonly StateInfo[]; byId: Map<string, StateInfo> } {
    if (!this.infos) {
      const list = [...this.statesById.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).map(toInfo);
      this.infos = { list, byId: new Map(list.map((s) => [s.id, s])) };
    }
    return this.infos;
  }

  state(id: string): StateInfo | undefined {
    return this.stateInfos().byId.get(id.toUpperCase());
  }

  states(): StateInfo[] {
    return [...this.stateInfos().list];
  }

  resolveActor(name: string): string | null {
    const q = name.trim();
    const upper = q.toUpperCase();
    if (/^IGO:/i.test(q)) return this.igos.has(upper) ? upper : null;
    if (/^[A-Za-z]{3}$/.test(q) && this.statesById.has(upper)) return upper;
    const hit = this.gazetteer.lookup(q).find((n) => n.actor !== null);
    return hit?.actor ?? null;
  }

  termsOf(personId: string, date: string | null): Term[] {
    return this.offices.termsOf(personId, date);
  }

  holderOf(state: string, office: Office, date: string): Term[] {
    return this.offices.holderOf(state, office, date);
  }

  findPeople(name: string): Array<{ id: string; name: string }> {
    return this.offices.findPeople(name);
  }

  claimantOf(state: string): Recognition | null {
    return this.statesById.get(state)?.claimant ?? null;
  }

  claimantState(side: Recognition): string | null {
    return this.claimants.get(side) ?? null;
  }

  recognitionOf(state: string, date: string): Recognition {
    return this.statesById.get(state)?.claimant ?? this.recognition.recognitionOf(state, date);
  }

  recognitionAsOf(date: string): Array<{ country: string; recognizes: Recognition }> {
    return [...this.statesById.values()]
      .filter((s) => s.inRecognitionTable)
      .map((s) => s.id)
      .sort()
      .map((country) => ({ country, recognizes: this.recognitionOf(country, date) }));
  }

  ledger(state: string): LedgerPeriod[] {
    return this.recognition.ledger(state);
  }

  surnameOf(personId: string): string | null {
    return this.offices.surnameOf(personId);
  }

  findSurnames(text: string, personIds: string[]): Mention[] {
    const names: ResolvedName[] = [];
    for (const id of new Set(personIds)) {
      const surname = this.offices.surnameOf(id);
      if (!surname) continue;
      names.push({
        name: surname,
        kind: "person",
        actor: null,
        personId: id,
        curated: true,
        primary: true,
        origin: id,
        tokens: nameTokens(surname),
        caseSensitive: isAllCaps(surname),
        capitalized: true,
      });
    }
    const shared = new Set(names.map((n) => n.tokens.join(" ")).filter((k, i, all) => all.indexOf(k) !== i));
    return new Gazetteer(names.filter((n) => !shared.has(n.tokens.join(" ")))).findMentions(text);
  }
}

/** A state as callers see it; frozen, since every caller gets the same one. */
function toInfo(s: StateRecord): StateInfo {
  const { inRecognitionTable: _t, claimant: _c, ...info } = s;
  if (info.latlng) Object.freeze(info.latlng);
  return Object.freeze({ ...info });
}

export function compile(raw: RawData): Compiled {
  const states = buildStates(raw);
  const offices = new Offices(raw.offices);
  const orgs = buildOrganizations(raw.organizations);
  const table = buildNameTable([...states.names, ...orgs.names, ...offices.nameEntries()]);
  const knowledge = new KnowledgeBase(
    raw.hash,
    states.states,
    new Gazetteer(table.names),
    offices,
    new Ledger(raw.ledger),
    orgs.organizations,
  );
  return {
    knowledge,
    states: states.states,
    offices,
    organizations: orgs.organizations,
    table,
    problems: states.problems,
  };
}
