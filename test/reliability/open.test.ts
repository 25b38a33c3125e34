// Several processes opening one new SQLite store at the same moment (an ingest and a server started
// together): each must find it created and migrated, none may fail on a step another applied.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import { MIGRATIONS } from "../../src/store/sqlite/migrations.ts";
import { tempDir } from "../support/cli.ts";
import { ROOT } from "../support/shared.ts";

const PROCESSES = 4;
const ROUNDS = 2;

// Each child loads the store code first, then sleeps until the agreed moment, so the opens really coincide
// (sleeping, not spinning: spinning children would starve the one that holds the lock).
const OPEN = `
import { openSqlite } from ${JSON.stringify(join(ROOT, "src", "store", "sqlite", "sqlite-repository.ts"))};
const [file, at] = process.argv.slice(-2);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(at) - Date.now())));
try {
  await openSqlite(file).close();
  console.log("ok");
} catch (err) {
  console.log(err.message);
}`;

function open(file: string, at: number): Promise<string> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", OPEN, "--", file, String(at)],
    { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (s: string) => (out += s));
  return new Promise((resolve) => child.once("exit", () => resolve(out.trim())));
}

test("processes opening a new store together each find it migrated", async () => {
  const dir = tempDir();
  for (let round = 0; round < ROUNDS; round++) {
    const file = join(dir, `new-${round}.db`);
    const at = Date.now() + 3000;
    const results = await Promise.all(Array.from({ length: PROCESSES }, () => open(file, at)));
    assert.deepEqual(results, Array(PROCESSES).fill("ok"), `round ${round}`);
    const db = new Database(file, { readonly: true });
    try {
      assert.equal(db.pragma("user_version", { simple: true }), MIGRATIONS.length);
      assert.equal(db.pragma("journal_mode", { simple: true }), "wal");
    } finally {
      db.close();
    }
  }
});
