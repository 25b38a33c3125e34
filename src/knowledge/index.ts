// Reference knowledge: load data/ (or another folder laid out the same way), check it, compile it.
// loadKnowledge() refuses unusable data with every fatal problem named; checkDataDir() lists all problems.
import { resolve } from "node:path";
import { fatalProblems, otherProblems } from "./check.ts";
import { compile } from "./knowledge.ts";
import { DEFAULT_DATA_DIR, readData } from "./load.ts";
import type { Knowledge } from "./types.ts";

export type * from "./types.ts";
export { DEFAULT_DATA_DIR } from "./load.ts";

export class DataError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid reference data:\n${problems.join("\n")}`);
  }
}

let cached: Knowledge | null = null;

/** The reference knowledge of a data folder (default: the repo's data/, loaded once and kept). */
export function loadKnowledge(dataDir?: string): Knowledge {
  const dir = dataDir === undefined ? DEFAULT_DATA_DIR : resolve(dataDir);
  if (dir === DEFAULT_DATA_DIR && cached) return cached;
  const raw = readData(dir);
  const compiled = compile(raw);
  const fatal = fatalProblems(raw, compiled);
  if (fatal.length) throw new DataError(fatal);
  if (dir === DEFAULT_DATA_DIR) cached = compiled.knowledge;
  return compiled.knowledge;
}

/** Every problem in a data folder, one line each (none when the data is clean), and what it holds. */
export function checkDataDir(dataDir: string = DEFAULT_DATA_DIR): { problems: string[]; summary: string } {
  try {
    const raw = readData(resolve(dataDir));
    const c = compile(raw);
    const summary = [
      `${c.states.size} states`,
      `${c.organizations.length} organizations`,
      `${c.offices.people.size} people`,
      `${c.offices.terms.length} terms`,
      `${raw.ledger?.data.states.length ?? 0} states in the ledger`,
      `${c.table.names.length} names`,
      `version ${raw.hash}`,
    ].join(", ");
    return { problems: [...fatalProblems(raw, c), ...otherProblems(raw, c)], summary };
  } catch (err) {
    return { problems: [`${dataDir}: ${(err as Error).message}`], summary: "" };
  }
}
