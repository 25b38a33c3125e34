// What the query commands share: a store and the reference knowledge as one QueryContext, and query errors
// turned into the CLI's exit codes (an unknown actor or country is a usage error: exit 2).
import { loadKnowledge } from "../knowledge/index.ts";
import type { QueryContext } from "../query/context.ts";
import { AttacheError } from "../query/errors.ts";
import { UsageError, withStore } from "./common.ts";

export async function withQuery<T>(
  db: string | undefined,
  work: (ctx: QueryContext) => Promise<T>,
): Promise<T> {
  const knowledge = loadKnowledge();
  try {
    return await withStore(db, (repo) => work({ repo, knowledge }));
  } catch (err) {
    if (err instanceof AttacheError && err.status < 500) throw new UsageError(err.message);
    throw err;
  }
}

/** A recognition value as a reader says it. */
export const RECOGNITION_TEXT = { ROC: "Taipei (ROC)", PRC: "Beijing (PRC)", NONE: "neither" } as const;

/** Left-aligned columns, two spaces apart; the last column is not padded. */
export function columns(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows
    .map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join("  "))
    .join("\n");
}
