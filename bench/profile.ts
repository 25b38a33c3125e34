// npm run bench:profile [-- --mb N]: where extraction spends its time. Runs stage (c) of the benchmark (decode →
// read → code, nothing stored) on the benchmark corpus under V8's CPU profiler, prints the functions with the
// most self time and the share of each module, and saves the profile (open it in Chrome DevTools).
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { findSourceMap } from "node:module";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { parseArgs } from "node:util";
import { generateCorpus } from "./corpus.ts";
import { extraction } from "./throughput.ts";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values: opts } = parseArgs({
  options: { mb: { type: "string", default: "3" }, top: { type: "string", default: "30" } },
});

/** The line in the TypeScript source (tsx compiles each module to one line, with a source map). */
function sourceLine(f: ProfileNode["callFrame"]): number {
  if (!/\.ts$/.test(f.url)) return f.lineNumber + 1;
  const entry: { originalLine?: number } | undefined = findSourceMap(f.url)?.findEntry(
    f.lineNumber,
    f.columnNumber,
  );
  return entry?.originalLine === undefined ? f.lineNumber + 1 : entry.originalLine + 1;
}

/** Where a function lives, short: "wink-nlp/src/cache.js", "src/extract/cues.ts". */
function place(url: string): string {
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) return url.slice(nm + "node_modules/".length);
  const src = url.search(/\/(src|bench)\//);
  return src >= 0 ? url.slice(src + 1) : url || "(native)";
}

/** The module a place belongs to: a package, or a folder of src. */
function moduleOf(p: string): string {
  if (/^(src|bench)\//.test(p)) return p.split("/").slice(0, 2).join("/");
  if (p.startsWith("(") || p.startsWith("node:")) return p;
  const parts = p.split("/");
  return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
}

async function main(): Promise<void> {
  const files = [...generateCorpus(Number(opts.mb) * 1048576)];
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  const c = await extraction(files);
  const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: CpuProfile };
  session.disconnect();
  const out = join(tmpdir(), `attache-extract-${Date.now()}.cpuprofile`);
  writeFileSync(out, JSON.stringify(profile));

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(id, (self.get(id) ?? 0) + dt);
    total += dt;
  });
  const fns = new Map<string, number>();
  const modules = new Map<string, number>();
  for (const [id, t] of self) {
    const f = byId.get(id)!.callFrame;
    const p = place(f.url);
    const key = `${f.functionName || "(anonymous)"}  ${p}${f.url ? `:${sourceLine(f)}` : ""}`;
    fns.set(key, (fns.get(key) ?? 0) + t);
    modules.set(moduleOf(p), (modules.get(moduleOf(p)) ?? 0) + t);
  }
  const pct = (t: number): string => `${((100 * t) / total).toFixed(1).padStart(5)}%`;
  const lines = [
    `extraction of ${(c.bytes / 1048576).toFixed(1)} MB (${c.articles} articles, ${c.sentences} sentences) in ` +
      `${c.seconds.toFixed(2)} s under the profiler; ${(total / 1e6).toFixed(2)} s sampled; profile: ${out}`,
    "",
    "self time by module:",
    ...[...modules]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([m, t]) => `  ${pct(t)}  ${m}`),
    "",
    `top ${opts.top} functions by self time (src/ lines mapped back to the TypeScript):`,
    ...[...fns]
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(opts.top))
      .map(([k, t]) => `  ${pct(t)}  ${k}`),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

await main();
