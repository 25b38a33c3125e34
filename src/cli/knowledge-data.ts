// What the reference-knowledge commands share: the --data option and day arguments.
import { Option } from "commander";
import { isRealDay } from "../knowledge/dates.ts";
import { loadKnowledge, type Knowledge } from "../knowledge/index.ts";
import { UsageError } from "./common.ts";

export const dataOption = (): Option =>
  new Option("--data <dir>", "reference data folder (default: the data/ folder of attache)");

export const knowledgeFrom = (data: string | undefined): Knowledge => loadKnowledge(data);

/** A full ISO day, or a usage error naming the option. */
export function parseDayArg(value: string, name: string): string {
  if (!isRealDay(value)) throw new UsageError(`${name} must be a day as YYYY-MM-DD, not "${value}"`);
  return value;
}

/** Left-aligned columns, the last one unpadded. */
export function columns(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join("  "))
    .join("\n");
}
