// The two stores every store test runs on: SQLite in a temporary file, and PostgreSQL in a throw-away database
// (`attache_test_<random>`, created through the server's maintenance database and dropped afterwards).
// The server is ATTACHE_TEST_PG (default postgres://postgres@127.0.0.1:5432/postgres, the local trust set-up).
// Where no server answers, the PostgreSQL suites are skipped by name with the reason — except in CI, where
// .ci/run starts one, and a missing server is a failure.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { connectPostgres } from "../../src/store/postgres/postgres-repository.ts";
import type { Repository } from "../../src/store/repository.ts";
import { openSqlite } from "../../src/store/sqlite/sqlite-repository.ts";

export const PG_ADMIN_URL = process.env.ATTACHE_TEST_PG || "postgres://postgres@127.0.0.1:5432/postgres";

export interface OpenedStore {
  repo: Repository;
  /** What `--db` takes to open it again (a file path or a URL). */
  location: string;
  /** Closes the store and removes it (file or database). */
  dispose(): Promise<void>;
}

export interface Backend {
  name: "sqlite" | "postgres";
  /** The `skip` option for its suites: false, or why it cannot run here. */
  skip: string | false;
  open(): Promise<OpenedStore>;
}

async function withAdmin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** Null when the server answers, else why not. */
async function probe(): Promise<string | null> {
  try {
    await withAdmin((c) => c.query("SELECT 1"));
    return null;
  } catch (err) {
    return (err as Error).message || String(err);
  }
}

const down = await probe();
if (down && process.env.CI)
  process.stderr.write(
    `PostgreSQL does not answer at ${PG_ADMIN_URL} (${down}): its store tests will fail\n`,
  );

/** A fresh, empty database on the test server; the URL to it and how to drop it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `attache_test_${randomBytes(6).toString("hex")}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: () =>
      withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

export const SQLITE: Backend = {
  name: "sqlite",
  skip: false,
  open() {
    const dir = mkdtempSync(join(tmpdir(), "attache-store-"));
    const location = join(dir, "store.db");
    const repo = openSqlite(location);
    return Promise.resolve({
      repo,
      location,
      dispose: async () => {
        await repo.close();
        rmSync(dir, { recursive: true, force: true });
      },
    });
  },
};

export const POSTGRES: Backend = {
  name: "postgres",
  skip:
    down && !process.env.CI
      ? `no PostgreSQL server answers at ${PG_ADMIN_URL} (${down}); set ATTACHE_TEST_PG to run these`
      : false,
  async open() {
    if (down) throw new Error(`no PostgreSQL server answers at ${PG_ADMIN_URL}: ${down}`);
    const db = await createTestDatabase();
    try {
      const repo = await connectPostgres(db.url);
      return {
        repo,
        location: db.url,
        dispose: async () => {
          await repo.close();
          await db.drop();
        },
      };
    } catch (err) {
      await db.drop();
      throw err;
    }
  },
};

export const BACKENDS: readonly Backend[] = [SQLITE, POSTGRES];
