// attache backup --out FILE: a consistent copy of the SQLite store, taken while it is in use (SQLite's online
// backup: readers and an ingest may go on meanwhile), then checked (integrity_check) before it is reported.
import Database from "better-sqlite3";
import type { Command } from "commander";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { resolveDbLocation } from "../store/open.ts";
import { EXIT, UsageError, action, dbOption, printJson } from "./common.ts";

export interface BackupResult {
  from: string;
  to: string;
  articles: number;
  events: number;
  bytes: number;
  seconds: number;
}

/** Copies the store at `from` to `to` (which must not exist) and checks the copy. */
export async function backupSqlite(from: string, to: string): Promise<BackupResult> {
  const started = performance.now();
  if (!existsSync(from)) throw new Error(`${from}: no database there`);
  if (existsSync(to)) throw new Error(`${to}: already exists; name a new file (a backup never overwrites)`);
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(to);
  } finally {
    source.close();
  }
  const copy = new Database(to, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`${to}: the copy fails its integrity check (${String(check)})`);
    const count = (sql: string): number => (copy.prepare(sql).get() as { n: number }).n;
    const bytes =
      (copy.pragma("page_count", { simple: true }) as number) *
      (copy.pragma("page_size", { simple: true }) as number);
    return {
      from,
      to,
      articles: count("SELECT count(*) AS n FROM articles"),
      events: count("SELECT count(*) AS n FROM events"),
      bytes,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    copy.close();
  }
}

export function setupBackup(program: Command): void {
  program
    .command("backup")
    .description("copy the store to a new file while it is in use (SQLite online backup), and check the copy")
    .addOption(dbOption())
    .requiredOption("--out <file>", "the backup file to write (must not exist)")
    .option("--json", "print the result as JSON")
    .action(
      action(async (opts: { db?: string; out: string; json?: boolean }) => {
        const from = resolveDbLocation(opts.db);
        if (/^postgres(ql)?:\/\//.test(from))
          throw new UsageError("backup copies SQLite stores; back up a PostgreSQL store with pg_dump");
        const r = await backupSqlite(from, resolve(opts.out));
        if (opts.json) printJson(r);
        else
          process.stdout.write(
            `attache: backed up ${r.from} → ${r.to}: ${r.articles} articles, ${r.events} events, ` +
              `${(r.bytes / 1048576).toFixed(1)} MB in ${r.seconds.toFixed(1)} s (integrity ok)\n`,
          );
        return EXIT.ok;
      }),
    );
}
