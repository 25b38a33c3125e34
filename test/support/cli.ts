// Runs the real `attache` command as a child process.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./shared.ts";

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function attache(args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "attache.js"), ...args], {
    input: opts.input,
    encoding: "utf8",
    env: { ...process.env, ...opts.env },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const tempDir = (): string => mkdtempSync(join(tmpdir(), "attache-test-"));
