// Chooses the store from a location: a file path (SQLite) today; postgres:// URLs when that store lands.
import { homedir } from "node:os";
import { join } from "node:path";
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

export function openStore(location: string): Repository {
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new Error(`PostgreSQL stores are not supported yet: ${location}`);
  }
  return openSqlite(location);
}
