// Chooses the store from a location: a postgres:// or postgresql:// URL is a PostgreSQL server (shared by a
// team, written by several workers); anything else is a SQLite file (`:memory:` for a throw-away one).
import { homedir } from "node:os";
import { join } from "node:path";
import { isPostgresUrl, openPostgres } from "./postgres/postgres-repository.ts";
import type { Repository } from "./repository.ts";
import { openSqlite } from "./sqlite/sqlite-repository.ts";

/** Where the database lives when neither --db nor ATTACHE_DB says: the XDG data folder. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME || join(homedir(), ".local", "share");
  return join(base, "attache", "attache.db");
}

export function resolveDbLocation(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env.ATTACHE_DB || defaultDbPath(env);
}

/**
 * Opens the store at a location. Synchronous for both kinds: PostgreSQL connects and migrates in the
 * background and every call waits for that, so a server that cannot be reached is reported by the first call.
 */
export function openStore(location: string): Repository {
  return isPostgresUrl(location) ? openPostgres(location) : openSqlite(location);
}
