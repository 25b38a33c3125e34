// Office holders: the people of data/offices and their terms, looked up by person or by office on a date.
// A term's `from` and `to` may be partial (YYYY-MM, YYYY): a lookup counts every day they can mean, so around
// an imprecise handover both holders can answer; on an exact handover day the incoming holder alone does.
import type { DataFile, Where } from "./load.ts";
import type { NameEntry } from "./names.ts";
import { lastDay, rangesMeet } from "./dates.ts";
import { foldName } from "./fold.ts";
import type { OfficesFile } from "./schema.ts";
import type { Office, Term } from "./types.ts";

export interface Person {
  id: string;
  name: string;
  aliases: string[];
  surname: string;
  /** The actor of the file the person is listed in. */
  state: string;
  origin: Where;
}

/** Offices several people hold at once: their terms may overlap. */
export const MULTI_SEAT: ReadonlySet<Office> = new Set(["deputy_foreign_minister", "mfa_spokesperson"]);

/** One seat: the office of a state, at one post (an embassy, a representative office). */
export const seatOf = (t: Term): string => `${t.state}|${t.office}|${t.post ?? ""}|${t.toState ?? ""}`;

export class Offices {
  readonly people = new Map<string, Person>();
  readonly terms: Array<Term & { origin: Where }> = [];
  private readonly byPerson = new Map<string, Term[]>();
  private readonly byOffice = new Map<string, Term[]>();

  constructor(files: DataFile<OfficesFile>[]) {
    for (const f of files) this.addFile(f);
    this.terms.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    for (const t of this.terms) {
      push(this.byPerson, t.personId, t);
      push(this.byOffice, `${t.state}|${t.office}`, t);
    }
  }

  private addFile(f: DataFile<OfficesFile>): void {
    const state = f.data.state;
    f.data.people.forEach((p, i) => {
      if (this.people.has(p.id)) return; // duplicates are reported by check.ts; the first stays
      const aliases = p.aliases ?? [];
      this.people.set(p.id, { ...p, aliases, state, origin: f.where(["people", i]) });
    });
    f.data.terms.forEach((t, i) => {
      const term: Term & { origin: Where } = {
        personId: t.person,
        name: this.people.get(t.person)?.name ?? t.person,
        state,
        office: t.office,
        title: t.title,
        from: t.from,
        to: t.to,
        source: t.source,
        origin: f.where(["terms", i]),
      };
      if (t.post) term.post = t.post;
      if (t.to_state) term.toState = t.to_state;
      this.terms.push(term);
    });
  }

  termsOf(personId: string, date: string | null): Term[] {
    const all = this.byPerson.get(personId) ?? [];
    return date === null ? [...all] : all.filter((t) => rangesMeet(t.from, t.to, date, date));
  }

  holderOf(state: string, office: Office, date: string): Term[] {
    const on = (this.byOffice.get(`${state}|${office}`) ?? []).filter((t) =>
      rangesMeet(t.from, t.to, date, date),
    );
    if (MULTI_SEAT.has(office)) return on;
    // "to" is the last day or the successor's first: on a handover day the one leaving steps aside.
    return on.filter(
      (t) => !(t.to === date && on.some((o) => o !== t && o.from === date && seatOf(o) === seatOf(t))),
    );
  }

  /** Exact name or alias first; else people whose name holds the query as whole words ("Kishida"). */
  findPeople(name: string): Array<{ id: string; name: string }> {
    const q = foldName(name).trim().replace(/\s+/g, " ");
    if (!q) return [];
    const all = [...this.people.values()];
    const names = (p: Person): string[] => [p.name, ...p.aliases, p.surname].map((n) => foldName(n));
    let hits = all.filter((p) => names(p).includes(q));
    if (!hits.length) hits = all.filter((p) => names(p).some((n) => ` ${n} `.includes(` ${q} `)));
    return hits.map((p) => ({ id: p.id, name: p.name }));
  }

  /** The last day of a person's latest term ("9999-12-31" while in office). */
  private lastInOffice(personId: string): string {
    const ends = (this.byPerson.get(personId) ?? []).map((t) =>
      t.to === null ? "9999-12-31" : lastDay(t.to),
    );
    return ends.sort().at(-1) ?? "";
  }

  surnameOf(personId: string): string | null {
    return this.people.get(personId)?.surname ?? null;
  }

  /** Full names and aliases for the gazetteer. One-word names are left out (too ambiguous), acronyms kept. */
  nameEntries(): NameEntry[] {
    const out: NameEntry[] = [];
    for (const p of this.people.values()) {
      const lastInOffice = this.lastInOffice(p.id);
      for (const name of new Set([p.name, ...p.aliases])) {
        if (!isSafePersonName(name)) continue;
        const primary = name === p.name;
        out.push({
          name,
          kind: "person",
          actor: null,
          personId: p.id,
          curated: true,
          primary,
          lastInOffice,
          origin: p.origin,
        });
      }
    }
    return out;
  }
}

/** Two or more words ("Tsai Ing-wen", "Paul VI"), or an acronym of three capitals or more. */
export function isSafePersonName(n: string): boolean {
  const words = n.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length >= 2 || /^\p{Lu}{3,}$/u.test(n);
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
