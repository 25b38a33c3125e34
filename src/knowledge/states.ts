// States: the base list (the world-countries package, or a folder's own states/states.yaml) patched by
// states/overrides.yaml, and the names each state is known by (names, demonyms, capitals as metonyms).
import type { DataFile, PackageCountry, RawData, Where } from "./load.ts";
import type { NameEntry } from "./names.ts";
import { foldName } from "./fold.ts";
import type { StateRow, StatesFile } from "./schema.ts";
import type { StateInfo } from "./types.ts";

export interface StateRecord extends StateInfo {
  /** Listed in recognition tables: UN members, and rows marked recognition_table. */
  inRecognitionTable: boolean;
  /** Set for the two governments themselves: what they recognize on every date. */
  claimant?: "ROC" | "PRC";
}

export interface StatesResult {
  states: Map<string, StateRecord>;
  names: NameEntry[];
  problems: string[];
}

const LATIN = /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}]+$/u;

/** Package spellings worth matching: not two-letter codes, not other scripts, not "Korea, Republic of". */
const usableSpelling = (s: string): boolean => s.length > 2 && LATIN.test(s) && !s.includes(",");

const splitDemonym = (d: string | undefined): string[] =>
  d ? d.split(/,\s*|(?<!\s)\s+or\s+/).filter(Boolean) : [];

function fromPackage(c: PackageCountry): { info: StateRecord; names: NameEntry[] } {
  const info: StateRecord = {
    id: c.cca3,
    iso2: c.cca2 || null,
    name: c.name.common,
    officialName: c.name.official || null,
    unMember: c.unMember,
    capital: c.capital[0] ?? null,
    latlng: c.latlng?.length === 2 ? c.latlng : null,
    numeric: c.ccn3 || null,
    inRecognitionTable: c.unMember,
  };
  const entry = (name: string, kind: NameEntry["kind"], primary = false): NameEntry => ({
    name,
    kind,
    actor: c.cca3,
    curated: false,
    primary,
    unMember: c.unMember,
    origin: "world-countries",
  });
  const eng = c.demonyms?.eng;
  const names = [
    entry(c.name.common, "state", true),
    entry(c.name.official, "state"),
    ...c.altSpellings.filter(usableSpelling).map((s) => entry(s, "state")),
    ...[...new Set([...splitDemonym(eng?.m), ...splitDemonym(eng?.f)])].map((d) => entry(d, "demonym")),
    ...c.capital.map((s) => entry(s, "capital")),
  ];
  return { info, names };
}

function fromRow(row: StateRow, base: StateRecord | undefined): StateRecord {
  const pick = <T>(v: T | undefined, old: T): T => (v === undefined ? old : v);
  const unMember = pick(row.un_member, base?.unMember ?? false);
  return {
    id: row.id,
    iso2: pick(row.iso2, base?.iso2 ?? null),
    name: pick(row.name, base?.name ?? row.id),
    officialName: pick(row.official_name, base?.officialName ?? null),
    unMember,
    capital: pick(row.capital, base?.capital ?? null),
    latlng: pick(row.latlng, base?.latlng ?? null),
    numeric: pick(row.numeric, base?.numeric ?? null),
    inRecognitionTable: unMember || (row.recognition_table ?? false),
    ...(row.claimant || base?.claimant ? { claimant: row.claimant ?? base?.claimant } : {}),
  };
}

function rowNames(row: StateRow, file: DataFile<StatesFile>, i: number, full: boolean): NameEntry[] {
  const origin = file.where(["states", i]);
  const entry = (name: string, kind: NameEntry["kind"], primary = false): NameEntry => ({
    name,
    kind,
    actor: row.id,
    curated: true,
    primary,
    origin,
  });
  return [
    ...(full && row.name ? [entry(row.name, "state", true)] : []),
    ...(full && row.official_name ? [entry(row.official_name, "state")] : []),
    ...(row.names ?? []).map((n) => entry(n, "state")),
    ...(row.demonyms ?? []).map((n) => entry(n, "demonym")),
    ...(row.capitals ?? []).map((n) => entry(n, "capital")),
    ...(row.places ?? []).map((n) => entry(n, "place")),
  ];
}

function notNames(file: DataFile<StatesFile>): NameEntry[] {
  return (file.data.not_names ?? []).flatMap((row, i) =>
    row.names.map((name) => ({
      name,
      kind: null,
      actor: null,
      curated: true,
      primary: true,
      origin: file.where(["not_names", i]),
    })),
  );
}

/** Removes the package names a row lists under drop; a drop that removes nothing is a problem (a typo). */
function dropNames(row: StateRow, out: StatesResult, where: Where, i: number): void {
  const drop = new Set((row.drop ?? []).map(foldName));
  const used = new Set<string>();
  out.names = out.names.filter((n) => {
    if (n.actor !== row.id || n.curated || !drop.has(foldName(n.name))) return true;
    used.add(foldName(n.name));
    return false;
  });
  for (const d of row.drop ?? [])
    if (!used.has(foldName(d)))
      out.problems.push(`${where.toString()}: states[${i}]: drop "${d}" is not a package name of ${row.id}`);
}

/** Applies one states file: full rows when it is the base list, patches otherwise. */
function applyFile(file: DataFile<StatesFile>, isBase: boolean, out: StatesResult): void {
  file.data.states.forEach((row, i) => {
    const oldId = row.rename_from ?? row.id;
    const base = out.states.get(oldId);
    if (!isBase && !base && !row.name)
      out.problems.push(
        `${file.at(["states", i])}: states[${i}]: unknown state ${oldId} (give a name to add it)`,
      );
    if (row.rename_from) {
      out.states.delete(oldId);
      for (const n of out.names) if (n.actor === oldId) n.actor = row.id;
    }
    out.states.set(row.id, fromRow(row, base));
    dropNames(row, out, file.where(["states", i]), i);
    out.names.push(...rowNames(row, file, i, isBase || !base));
  });
  out.names.push(...notNames(file));
}

export function buildStates(raw: RawData): StatesResult {
  const out: StatesResult = { states: new Map(), names: [], problems: [] };
  for (const c of raw.packageCountries ?? []) {
    const { info, names } = fromPackage(c);
    out.states.set(info.id, info);
    out.names.push(...names);
  }
  raw.stateFiles.forEach((file, i) => applyFile(file, raw.packageCountries === null && i === 0, out));
  return out;
}
