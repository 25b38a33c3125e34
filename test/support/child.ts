// An `attache` command run as a child process that a test may kill: its output gathered as it comes, and a
// promise of how it ended.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./shared.ts";

export interface Child {
  proc: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stdout: () => string;
  stderr: () => string;
}

export function startAttache(args: string[]): Child {
  const proc = spawn(process.execPath, [join(ROOT, "bin", "attache.js"), ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  proc.stdout.setEncoding("utf8").on("data", (s: string) => (out += s));
  proc.stderr.setEncoding("utf8").on("data", (s: string) => (err += s));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { proc, exited, stdout: () => out, stderr: () => err };
}

export const running = (c: Child): boolean => c.proc.exitCode === null && c.proc.signalCode === null;
