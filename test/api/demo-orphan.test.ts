// `npm start` runs `attache demo` through a shell; when whatever started it is killed, the shell does not
// pass the signal on. The demo server notices it has lost its parent and stops, freeing its port.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { tempDir } from "../support/cli.ts";
import { ROOT } from "../support/shared.ts";

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

/** The first process whose parent is `pid` (from /proc/N/stat: "N (name) state ppid …"). */
function childOf(pid: number): number {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = (() => {
      try {
        return readFileSync(`/proc/${entry}/stat`, "utf8");
      } catch {
        return "";
      }
    })();
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (ppid === pid) return Number(entry);
  }
  return 0;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test("the demo server stops when the shell that started it is killed", async () => {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const cli = join(ROOT, "bin", "attache.js");
  // "; true" keeps the shell from replacing itself with node, as npm's shell does not.
  const shell = spawn(
    "sh",
    ["-c", `"${process.execPath}" "${cli}" demo --port ${port} --db "${join(dir, "demo.db")}"; true`],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  shell.stdout.setEncoding("utf8").on("data", (s: string) => (out += s));
  const deadline = Date.now() + 90_000;
  let served = false;
  while (Date.now() < deadline && !served) {
    await sleep(250);
    if (out.includes(`:${port}`))
      served = (await fetch(`http://127.0.0.1:${port}/api/stats`).catch(() => null))?.ok === true;
  }
  assert.ok(served, `the demo served: ${out}`);
  // The node process is the shell's child.
  const child = childOf(shell.pid!);
  assert.ok(child > 0 && alive(child));
  shell.kill("SIGKILL");
  const gone = Date.now() + 15_000;
  while (alive(child) && Date.now() < gone) await sleep(200);
  assert.equal(alive(child), false, "the orphaned demo server stopped");
  const left = await fetch(`http://127.0.0.1:${port}/api/stats`).catch(() => null);
  assert.equal(left, null, "its port is free");
});
