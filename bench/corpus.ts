// The benchmark corpus: real article text (the seeds in ../shared/gold/seeds and corpus/dev) varied by a
// seeded generator — states, capitals, demonyms and office holders swapped for others from the reference
// knowledge, years shifted, months turned, amounts scaled — until it reaches the size asked. Same seed, same
// corpus, byte for byte.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadKnowledge } from "../src/knowledge/index.ts";
import { compile } from "../src/knowledge/knowledge.ts";
import { DEFAULT_DATA_DIR, readData } from "../src/knowledge/load.ts";
import type { Knowledge, Office } from "../src/knowledge/types.ts";

export const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
export const SHARED_SEEDS = resolve(ROOT, "..", "shared", "gold", "seeds");
export const DEV_CORPUS = join(ROOT, "corpus", "dev");

/** A small fast seeded generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SourceText {
  name: string;
  text: string;
}

/** The real articles the corpus is made from; fails with a clear message when ../shared is missing. */
export function sourceTexts(): SourceText[] {
  if (!existsSync(SHARED_SEEDS))
    throw new Error(
      `bench: ${SHARED_SEEDS} is missing; the benchmark corpus is built from the seed articles in ../shared ` +
        "(beside the clone, as CI has it)",
    );
  const read = (dir: string): SourceText[] =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .map((f) => ({ name: f, text: readFileSync(join(dir, f), "utf8") }));
  const out = [...read(SHARED_SEEDS), ...read(DEV_CORPUS)];
  if (out.length === 0) throw new Error(`bench: no articles in ${SHARED_SEEDS} or ${DEV_CORPUS}`);
  return out;
}

type EditKind = "state" | "capital" | "demonym" | "person" | "year" | "month" | "amount" | "percent";

interface Edit {
  start: number;
  end: number;
  kind: EditKind;
  /** The actor (states, capitals, demonyms), person id, or the text matched. */
  key: string;
}

interface Template {
  name: string;
  text: string;
  edits: Edit[];
  /** States whose office holders the text names: they are swapped only for states with holders too. */
  withPeople: Set<string>;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const MONTH_RE = new RegExp(`\\b(${MONTHS.join("|")}|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec)\\b`, "g");
const MONTH_INDEX = (m: string): number =>
  m.startsWith("Sep") ? 8 : MONTHS.findIndex((full) => full.startsWith(m));
const YEAR_RE = /\b(19[5-9]\d|20[0-2]\d)\b/g;
const AMOUNT_RE =
  /(?:US\$|\$|€|£)\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?=\s?(?:million|billion|thousand)?\b)/g;
const PERCENT_RE = /\b(\d+(?:\.\d+)?)(?=\s?(?:%|percent\b|per cent\b))/g;
const REPLACED = new Set(["state", "capital", "demonym", "person"]);

/** The knowledge the generator swaps with: per state its name, capital, demonym and office holders. */
export interface Swaps {
  knowledge: Knowledge;
  name: Map<string, string>;
  capital: Map<string, string>;
  demonym: Map<string, string>;
  /** state → office → terms, oldest first. */
  holders: Map<string, Map<Office, Array<{ name: string; from: string; to: string | null }>>>;
  /** States to swap in, weighted: those with office holders in the data come up more often. */
  pool: string[];
  /** States with office holders in the data. */
  peoplePool: string[];
}

export function loadSwaps(): Swaps {
  const knowledge = loadKnowledge();
  const compiled = compile(readData(DEFAULT_DATA_DIR));
  const name = new Map<string, string>();
  const capital = new Map<string, string>();
  const demonym = new Map<string, string>();
  for (const s of knowledge.states()) {
    name.set(s.id, s.name);
    if (s.capital) capital.set(s.id, s.capital);
  }
  // Primary names first, so "Guatemalan" wins over a rarer spelling.
  for (const n of [...compiled.table.names].sort((a, b) => Number(b.primary) - Number(a.primary))) {
    if (n.kind === "demonym" && n.actor && !demonym.has(n.actor)) demonym.set(n.actor, n.name);
    if (n.kind === "capital" && n.actor && !capital.has(n.actor)) capital.set(n.actor, n.name);
  }
  const holders: Swaps["holders"] = new Map();
  for (const t of compiled.offices.terms) {
    const byOffice = holders.get(t.state) ?? new Map();
    holders.set(t.state, byOffice);
    const list = byOffice.get(t.office) ?? [];
    byOffice.set(t.office, list);
    list.push({ name: t.name, from: t.from, to: t.to });
  }
  const pool: string[] = [];
  for (const s of knowledge.states()) {
    if (!s.unMember || !demonym.has(s.id) || !capital.has(s.id)) continue;
    const weight = holders.has(s.id) ? 6 : 1;
    for (let i = 0; i < weight; i++) pool.push(s.id);
  }
  const peoplePool = [...new Set(pool)].filter((id) => holders.has(id));
  return { knowledge, name, capital, demonym, holders, pool, peoplePool };
}

function templateOf(src: SourceText, k: Knowledge): Template {
  const edits: Edit[] = [];
  for (const m of k.findMentions(src.text)) {
    if (!REPLACED.has(m.kind)) continue;
    const key = m.kind === "person" ? m.personId : m.actor;
    if (key) edits.push({ start: m.start, end: m.end, kind: m.kind as EditKind, key });
  }
  const add = (re: RegExp, kind: EditKind, group = 0): void => {
    for (const m of src.text.matchAll(re)) {
      const start = m.index + (group ? m[0].indexOf(m[group]) : 0);
      const text = m[group];
      edits.push({ start, end: start + text.length, kind, key: text });
    }
  };
  add(YEAR_RE, "year");
  add(MONTH_RE, "month");
  add(AMOUNT_RE, "amount", 1);
  add(PERCENT_RE, "percent", 1);
  edits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Edit[] = [];
  for (const e of edits) if (!kept.length || e.start >= kept[kept.length - 1].end) kept.push(e);
  const withPeople = new Set(
    kept.filter((e) => e.kind === "person").flatMap((e) => k.termsOf(e.key, null).map((t) => t.state)),
  );
  return { name: src.name, text: src.text, edits: kept, withPeople };
}

const FIXED = new Set(["TWN", "CHN", "USA"]);

function scaled(num: string, factor: number): string {
  const commas = num.includes(",");
  const decimals = num.includes(".") ? num.split(".")[1].length : 0;
  const value = Number(num.replace(/,/g, "")) * factor;
  const out = decimals ? value.toFixed(decimals) : String(Math.max(1, Math.round(value)));
  return commas ? Number(out).toLocaleString("en-US") : out;
}

/** One variant of a template: every edit rewritten for a fresh mapping of actors, a year shift, a month turn. */
function variant(t: Template, swaps: Swaps, random: () => number): string {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const yearShift = -Math.floor(random() * 7); // back up to six years: office holders stay in the data
  const monthTurn = random() < 0.5 ? 0 : Math.floor(random() * 12);
  const factor = pick([0.25, 0.5, 0.8, 1.2, 1.5, 2, 3, 4]);
  const actors = new Map<string, string>();
  const mapped = (id: string): string => {
    let to = actors.get(id);
    if (!to) {
      to = FIXED.has(id) && random() < 0.8 ? id : pick(t.withPeople.has(id) ? swaps.peoplePool : swaps.pool);
      actors.set(id, to);
    }
    return to;
  };
  const yearOf = t.text.match(/^DATE:\s*(\d{4})/m)?.[1] ?? t.text.match(YEAR_RE)?.[0] ?? "2020";
  const when = `${Number(yearOf) + yearShift}-06-30`;
  const person = (id: string, original: string): string => {
    const terms = swaps.knowledge.termsOf(id, null);
    if (terms.length === 0) return original;
    const { state, office } = terms[terms.length - 1];
    const to = mapped(state);
    if (to === state) return original;
    const list = swaps.holders.get(to)?.get(office) ?? [...(swaps.holders.get(to)?.values() ?? [])].flat();
    if (list.length === 0) return swaps.name.get(to) ?? original; // "Nauru" for its leader: still an actor
    const now = list.find((h) => h.from <= when && (h.to === null || h.to >= when));
    return (now ?? list[list.length - 1]).name;
  };
  let out = "";
  let at = 0;
  for (const e of t.edits) {
    const original = t.text.slice(e.start, e.end);
    let text = original;
    switch (e.kind) {
      case "state":
      case "capital":
      case "demonym": {
        const to = mapped(e.key);
        if (to !== e.key) text = swaps[e.kind === "state" ? "name" : e.kind].get(to) ?? original;
        break;
      }
      case "person":
        text = person(e.key, original);
        break;
      case "year":
        text = String(Number(original) + yearShift);
        break;
      case "month": {
        const full = MONTHS[(MONTH_INDEX(original) + monthTurn) % 12];
        text = MONTHS.includes(original) ? full : full.slice(0, 3);
        break;
      }
      case "amount":
      case "percent":
        text = scaled(original, e.kind === "percent" ? Math.min(factor, 1.5) : factor);
        break;
    }
    out += t.text.slice(at, e.start) + text;
    at = e.end;
  }
  out += t.text.slice(at);
  // The front matter's month turns with the text's (its year has moved with the others already); a day the
  // turn made impossible becomes the 28th.
  return out.replace(
    /^DATE:\s*(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$/m,
    (_m, y: string, mm?: string, dd?: string) => {
      let date = y;
      if (mm) date += `-${String(((Number(mm) - 1 + monthTurn) % 12) + 1).padStart(2, "0")}`;
      if (dd) date += `-${String(Math.min(Number(dd), 28)).padStart(2, "0")}`;
      return `DATE: ${date}`;
    },
  );
}

export interface CorpusFile {
  name: string;
  bytes: Buffer;
}

/**
 * Variants of the source articles, round robin, until `targetBytes` is reached. `start` continues a corpus
 * (file numbers go on) so a larger one can be written as the smaller one plus more.
 */
export function* generateCorpus(targetBytes: number, seed = 20251125, start = 0): Generator<CorpusFile> {
  const swaps = loadSwaps();
  const templates = sourceTexts().map((s) => templateOf(s, swaps.knowledge));
  let bytes = 0;
  for (let i = start; bytes < targetBytes; i++) {
    const t = templates[i % templates.length];
    const random = rng(seed ^ Math.imul(i + 1, 0x9e3779b1));
    const text = i < templates.length ? t.text : variant(t, swaps, random);
    const buf = Buffer.from(text, "utf8");
    bytes += buf.length;
    yield { name: `${String(i).padStart(6, "0")}_${basename(t.name)}`, bytes: buf };
  }
}
