// attache eval --articles DIR --gold FILE: ingest into a fresh temporary store, match to gold, score.
import type { Command } from "commander";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { createCoder } from "../extract/coder.ts";
import type { Candidate } from "../extract/candidate.ts";
import { loadGold } from "../eval/gold.ts";
import { type EvalResult, type Predicted, evaluate } from "../eval/match.ts";
import { ingestInputs } from "../ingest/run.ts";
import { DEFAULT_LIMITS, expandInputs } from "../ingest/sources.ts";
import { openSqlite } from "../store/sqlite/sqlite-repository.ts";
import { UsageError, action, complain, printJson } from "./common.ts";

interface Dropped {
  file: string;
  type: string;
  rule: string;
  source: string | null;
  target: string | null;
  reason: string;
  sentence: string;
}

export async function runEval(
  articlesDir: string,
  goldFile: string,
): Promise<{ result: EvalResult; dropped: Dropped[] }> {
  const gold = loadGold(goldFile);
  const dir = mkdtempSync(join(tmpdir(), "attache-eval-"));
  const repo = openSqlite(join(dir, "eval.db"));
  const dropped: Dropped[] = [];
  let file = "";
  const coder = createCoder({
    debug: (c: Candidate, reason: string) =>
      dropped.push({
        file,
        type: c.type,
        rule: c.ruleId,
        source: c.source?.id ?? null,
        target: c.target?.id ?? null,
        reason,
        sentence: c.sentence.text,
      }),
  });
  try {
    await ingestInputs(
      expandInputs([articlesDir], DEFAULT_LIMITS, (n, why) => complain(n, why)),
      repo,
      {
        code: (a) => {
          file = basename(a.sourceName);
          return coder(a);
        },
        onError: (n, why) => complain(n, why),
      },
    );
    const predicted: Predicted[] = [];
    for (const a of await repo.listArticles(1_000_000, 0)) {
      for (const e of await repo.listEvents({ articleId: a.id, limit: 1_000_000 }))
        predicted.push({ file: basename(a.sourceName), event: e });
    }
    return { result: evaluate(gold, predicted), dropped };
  } finally {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function report(r: EvalResult, dropped: Dropped[], explain: boolean): string {
  const lines = [
    `precision ${pct(r.precision)}  recall ${pct(r.recall)}  F1 ${pct(r.f1)}  (tp ${r.tp}, fp ${r.fp}, fn ${r.fn})`,
    `status right on ${r.status_accuracy === null ? "—" : pct(r.status_accuracy)} of matched events`,
    "",
    "type                    P       R       F1     tp  fp  fn",
  ];
  for (const [t, c] of Object.entries(r.by_type)) {
    lines.push(
      `${t.padEnd(22)}  ${pct(c.precision).padStart(6)}  ${pct(c.recall).padStart(6)}  ${pct(c.f1).padStart(6)}  ${String(c.tp).padStart(3)} ${String(c.fp).padStart(3)} ${String(c.fn).padStart(3)}`,
    );
  }
  lines.push("", `misses (${r.misses.length}):`);
  for (const g of r.misses) {
    lines.push(
      `  ${g.article}: ${g.type} ${g.source} → ${g.target ?? "—"} ${g.date ?? "(no date)"}${g.note ? `  [${g.note}]` : ""}`,
    );
    if (explain) {
      const near = r.false_positives.filter((p) => p.file === g.article && p.event.type === g.type);
      for (const p of near)
        lines.push(
          `      extracted instead: ${p.event.source} → ${p.event.target} ${p.event.date ?? "(no date)"} by ${p.event.rule}: ${p.event.evidence}`,
        );
      const why = dropped.filter((d) => d.file === g.article && d.type === g.type);
      for (const d of why)
        lines.push(
          `      dropped ${d.rule} (${d.source ?? "?"} → ${d.target ?? "?"}): ${d.reason}: ${d.sentence}`,
        );
      if (!near.length && !why.length) lines.push("      no rule fired for this type in this article");
    }
  }
  lines.push("", `false positives (${r.false_positives.length}):`);
  for (const p of r.false_positives) {
    const e = p.event;
    lines.push(
      `  ${p.file}: ${e.type} ${e.source} → ${e.target} ${e.date ?? "(no date)"} ${e.status}${explain ? ` by ${e.rule}` : ""}`,
    );
    lines.push(`      ${e.evidence}`);
  }
  return lines.join("\n");
}

export function setupEval(program: Command): void {
  program
    .command("eval")
    .description("precision, recall and F1 of extraction against a gold file")
    .requiredOption("--articles <dir>", "folder of articles the gold file covers")
    .requiredOption("--gold <file>", "gold events, JSON Lines")
    .option("--json", 'print {"precision","recall","f1","tp","fp","fn","status_accuracy","by_type"}')
    .option(
      "--explain",
      "for every miss and false positive, the sentence and which rule fired or why none did",
    )
    .action(
      action(async (opts: { articles: string; gold: string; json?: boolean; explain?: boolean }) => {
        for (const [flag, path] of [
          ["--articles", opts.articles],
          ["--gold", opts.gold],
        ] as const) {
          try {
            statSync(path);
          } catch {
            throw new UsageError(`${flag}: no such file or folder: ${path}`);
          }
        }
        const { result, dropped } = await runEval(opts.articles, opts.gold);
        if (opts.json) {
          const { precision, recall, f1, tp, fp, fn, status_accuracy, by_type } = result;
          printJson({ precision, recall, f1, tp, fp, fn, status_accuracy, by_type });
        } else process.stdout.write(`${report(result, dropped, opts.explain ?? false)}\n`);
      }),
    );
}
