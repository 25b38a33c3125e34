// Reads the data folder: every YAML file parsed (the parse is kept as JSON, keyed by the file's bytes) and
// checked against schema.ts, able to name the file and line of any row. Nothing is compiled here; problems
// are collected, not thrown.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, isAbsolute } from "node:path";
import { LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { LedgerFile, OfficesFile, OrganizationsFile, StatesFile } from "./schema.ts";

export type Path = ReadonlyArray<string | number>;

/** Where a row is: prints as "FILE:LINE", found only when printed (line numbers cost a second parse). */
export interface Where {
  toString(): string;
}

export interface DataFile<T> {
  /** The file as shown in messages (relative to the working folder when inside it). */
  name: string;
  data: T;
  /** "FILE:LINE" of the deepest node on the path that exists. */
  at(path: Path): string;
  /** The same, computed when printed. */
  where(path: Path): Where;
}

/** The package's country rows, in the fields we read. */
export interface PackageCountry {
  cca3: string;
  cca2: string;
  ccn3: string;
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  latlng: [number, number];
  unMember: boolean;
  demonyms?: { eng?: { f: string; m: string } };
}

export interface RawData {
  dir: string;
  /** world-countries rows, unless the folder has its own states/states.yaml. */
  packageCountries: PackageCountry[] | null;
  /** states/states.yaml (when present) then states/overrides.yaml (when present). */
  stateFiles: DataFile<StatesFile>[];
  organizations: DataFile<OrganizationsFile> | null;
  offices: DataFile<OfficesFile>[];
  ledger: DataFile<LedgerFile> | null;
  /** Short hash of every file read. */
  hash: string;
  /** Files that could not be parsed or did not match their schema, one line each. */
  problems: string[];
}

const ROOT = join(import.meta.dirname, "..", "..");
export const DEFAULT_DATA_DIR = join(ROOT, "data");
/** Parsed YAML kept as JSON, keyed by file and checked against the file's digest. */
const CACHE_DIR = process.env.ATTACHE_CACHE_DIR ?? join(ROOT, "node_modules", ".cache", "attache");

export function displayName(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}

function pathText(path: Path): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

function locator(name: string, source: string): (path: Path) => string {
  let doc: { doc: Document; lines: LineCounter } | null = null;
  return (path) => {
    if (!doc) {
      const lines = new LineCounter();
      doc = { doc: parseDocument(source, { lineCounter: lines }), lines };
    }
    for (let n = path.length; n >= 0; n--) {
      const node = doc.doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return `${name}:${doc.lines.linePos(node.range[0]).line}`;
    }
    return name;
  };
}

/** Parses YAML, or reuses the JSON kept from the last parse of the same bytes (parsing is the slow part). */
function parseCached(
  file: string,
  source: string,
  digest: string,
): { value: unknown } | { errors: string[] } {
  const cacheFile = join(CACHE_DIR, `${createHash("sha1").update(file).digest("hex")}.json`);
  try {
    const kept = JSON.parse(readFileSync(cacheFile, "utf8")) as { digest: string; value: unknown };
    if (kept.digest === digest) return { value: kept.value };
  } catch {
    // no usable cache: parse below
  }
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length)
    return {
      errors: doc.errors.map((e) => `${lines.linePos(e.pos[0]).line}: YAML: ${e.message.split("\n")[0]}`),
    };
  const value: unknown = doc.toJS();
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const partial = `${cacheFile}.${process.pid}`;
    writeFileSync(partial, JSON.stringify({ digest, value }));
    renameSync(partial, cacheFile); // whole or not at all, for readers in other processes
  } catch {
    // a read-only checkout just parses every time
  }
  return { value };
}

/** zod's words for a missing field, made plain. */
const issueText = (message: string): string => (/received undefined$/.test(message) ? "is missing" : message);

/** What every file read of one folder shares: the folder, the problem list, the folder's hash. */
interface Reading {
  dir: string;
  problems: string[];
  hash: ReturnType<typeof createHash>;
}

/** Reads one YAML file against its schema; problems go to the list, and null comes back when it is unusable. */
function readYaml<S extends z.ZodType>(
  file: string,
  schema: S,
  { dir, problems, hash }: Reading,
): DataFile<z.infer<S>> | null {
  const name = displayName(file);
  const source = readFileSync(file, "utf8");
  const digest = createHash("sha256").update(source).digest("hex");
  hash.update(relative(dir, file)).update(digest);
  const parsed = parseCached(file, source, digest);
  if ("errors" in parsed) {
    for (const e of parsed.errors) problems.push(`${name}:${e}`);
    return null;
  }
  const at = locator(name, source);
  const checked = schema.safeParse(parsed.value);
  if (!checked.success) {
    for (const issue of checked.error.issues)
      problems.push(
        `${at(issue.path as Path)}: ${pathText(issue.path as Path) || "file"}: ${issueText(issue.message)}`,
      );
    return null;
  }
  return { name, data: checked.data, at, where: (path) => ({ toString: () => at(path) }) };
}

function yamlFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
    .sort()
    .map((f) => join(dir, f));
}

function packageCountries(hash: ReturnType<typeof createHash>): PackageCountry[] {
  const require = createRequire(import.meta.url);
  const pkg = require("world-countries/package.json") as { version: string };
  hash.update(`world-countries@${pkg.version}`);
  return require("world-countries") as PackageCountry[];
}

function optional<T>(file: string, read: (f: string) => T | null): T | null {
  return existsSync(file) ? read(file) : null;
}

/** Reads every data file under dir. Missing optional files are simply absent; see check.ts for what is required. */
export function readData(dir: string = DEFAULT_DATA_DIR): RawData {
  if (!existsSync(dir)) throw new Error(`data folder not found: ${dir}`);
  const reading: Reading = { dir, problems: [], hash: createHash("sha256") };
  const ownStates = join(dir, "states", "states.yaml");
  const packaged = existsSync(ownStates) ? null : packageCountries(reading.hash);
  const stateFiles = [ownStates, join(dir, "states", "overrides.yaml")]
    .map((f) => optional(f, (x) => readYaml(x, StatesFile, reading)))
    .filter((f) => f !== null);
  const organizations = optional(join(dir, "organizations.yaml"), (f) =>
    readYaml(f, OrganizationsFile, reading),
  );
  const offices = yamlFilesIn(join(dir, "offices"))
    .map((f) => readYaml(f, OfficesFile, reading))
    .filter((f) => f !== null);
  const ledger = optional(join(dir, "recognition", "ledger.yaml"), (f) => readYaml(f, LedgerFile, reading));
  return {
    dir,
    packageCountries: packaged,
    stateFiles,
    organizations,
    offices,
    ledger,
    hash: reading.hash.digest("hex").slice(0, 12),
    problems: reading.problems,
  };
}
