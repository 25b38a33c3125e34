// Peak memory of a real `attache ingest` run: the command in a child process, its high-water RSS (VmHWM, every
// thread of the process) read from /proc while it runs.
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./corpus.ts";

export interface ChildIngest {
  peakRssMb: number | null;
  /** CPU time the child used (all its threads), seconds; null without /proc. */
  cpuSeconds: number | null;
  seconds: number;
  summary: Record<string, number>;
}

/** utime + stime of a process, in seconds (clock ticks of 1/100 s). */
function cpuOf(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

function highWater(pid: number): number | null {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export function ingestInChild(paths: string[], db: string, extra: string[] = []): Promise<ChildIngest> {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true });
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [join(ROOT, "bin", "attache.js"), "ingest", ...paths, "--db", db, "--json", "-q", ...extra],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let peak: number | null = null;
  let cpu: number | null = null;
  const sample = (): void => {
    const v = child.pid ? highWater(child.pid) : null;
    if (v !== null) peak = Math.max(peak ?? 0, v);
    const c = child.pid ? cpuOf(child.pid) : null;
    if (c !== null) cpu = c;
  };
  const timer = setInterval(sample, 50);
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(timer);
      for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true });
      if (code !== 0 && !out.trim()) {
        reject(
          new Error(`attache ingest exited with ${code}: ${err.trim().split("\n").slice(-3).join(" / ")}`),
        );
        return;
      }
      resolve({
        peakRssMb: peak,
        cpuSeconds: cpu,
        seconds: (performance.now() - started) / 1000,
        summary: JSON.parse(out) as Record<string, number>,
      });
    });
  });
}
