// What every command shares: the store option, errors, exit codes (PRODUCT.md: 0 ok, 1 runtime, 2 usage).
import { Command, Option } from "commander";
import type { Repository } from "../store/repository.ts";
import { openStore, resolveDbLocation } from "../store/open.ts";

export class UsageError extends Error {}

export const EXIT = { ok: 0, runtime: 1, usage: 2 } as const;

export const dbOption = (): Option =>
  new Option(
    "--db <path>",
    "database file or postgres:// URL (default: $ATTACHE_DB or ~/.local/share/attache/attache.db)",
  );

export function withStore<T>(db: string | undefined, work: (repo: Repository) => Promise<T>): Promise<T> {
  const repo = openStore(resolveDbLocation(db));
  return work(repo).finally(() => repo.close());
}

/** One line on standard error, naming what was at fault. */
export function complain(what: string, why: string): void {
  process.stderr.write(`attache: ${what}: ${why}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export type CommandSetup = (program: Command) => void;

/** Wraps an action so its exit status is set from its result or its error. */
export function action<A extends unknown[]>(
  run: (...args: A) => Promise<number | void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      process.exitCode = (await run(...args)) ?? EXIT.ok;
    } catch (err) {
      if (err instanceof UsageError) {
        complain("usage", err.message);
        process.exitCode = EXIT.usage;
      } else {
        complain("error", (err as Error).message);
        process.exitCode = EXIT.runtime;
      }
    }
  };
}

export function parseDateArg(value: string, name: string): string {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value))
    throw new UsageError(`${name} must be YYYY, YYYY-MM or YYYY-MM-DD, not "${value}"`);
  return value;
}

export function parseIntArg(value: string, name: string, min = 0): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`${name} must be a whole number ≥ ${min}, not "${value}"`);
  return n;
}
