// attache country X: recognition history, office holders, and what the store says the state did.
import type { Command } from "commander";
import { countryProfile } from "../query/country.ts";
import type { CountryProfileOut } from "../query/schemas.ts";
import { UsageError, action, dbOption, parseDateArg, printJson } from "./common.ts";
import { RECOGNITION_TEXT, columns, withQuery } from "./query-context.ts";

const top = (rows: Array<{ key: string | null; name: string | null; n: number }>, k = 8): string =>
  rows
    .slice(0, k)
    .map((r) => `${r.name ?? r.key ?? "none"} ${r.n}`)
    .join(", ") + (rows.length > k ? ", …" : "");

export function formatProfile(p: CountryProfileOut): string {
  const s = p.state;
  const lines = [
    `${s.name} (${s.id})${s.officialName && s.officialName !== s.name ? ` — ${s.officialName}` : ""}`,
    `Recognizes ${RECOGNITION_TEXT[p.recognizes]} as of ${p.asOf}${s.capital ? `; capital ${s.capital}` : ""}`,
    "",
    "Recognition history",
  ];
  if (p.ledger.length === 0) lines.push("  (not in the ledger)");
  else
    lines.push(
      columns(
        p.ledger.map((l) => [
          `  ${l.from} → ${l.to ?? "today"}`,
          l.recognizes,
          `${l.note ?? ""}${l.disputed ? " (disputed)" : ""}`.trim(),
        ]),
      ),
    );
  lines.push("", `Office holders on ${p.asOf}`);
  if (p.officeHolders.length === 0) lines.push("  (none on record)");
  else
    lines.push(
      columns(
        p.officeHolders.map((h) => [
          `  ${h.office.replace(/_/g, " ")}`,
          h.name,
          `${h.title}, since ${h.from}`,
        ]),
      ),
    );
  const ev = p.events;
  lines.push("", `Events: ${ev.total}${ev.first ? ` (${ev.first} … ${ev.last})` : ""}`);
  if (ev.total > 0) {
    lines.push(
      `  by type: ${top(ev.byType)}`,
      `  by partner: ${top(ev.byPartner)}`,
      `  by year: ${top(ev.byYear, 12)}`,
    );
    lines.push("", "Latest events");
    lines.push(
      columns(
        p.recent.map((e) => [
          `  ${e.date ?? "undated"}`,
          e.type,
          `${e.source} → ${e.target ?? ""}`,
          e.status,
        ]),
      ),
    );
  }
  return `${lines.join("\n")}\n`;
}

export function setupCountry(program: Command): void {
  program
    .command("country")
    .description("a country profile: recognition history, office holders, events by type, partner and year")
    .argument("<state>", "ISO alpha-3 id or name (GTM, Guatemala)")
    .addOption(dbOption())
    .option("--as-of <date>", "date for recognition and office holders (YYYY-MM-DD, default today)")
    .option("--json", "print JSON")
    .option("--series", "with --json: also the counts by year, type and partner at once (events.series)")
    .action(
      action(
        async (state: string, opts: { db?: string; asOf?: string; json?: boolean; series?: boolean }) => {
          const asOf = opts.asOf ? parseDateArg(opts.asOf, "--as-of") : undefined;
          if (asOf && asOf.length !== 10) throw new UsageError("--as-of must be YYYY-MM-DD");
          if (opts.series && !opts.json) throw new UsageError("--series needs --json");
          const p = await withQuery(opts.db, async (ctx) => {
            const id = ctx.knowledge.state(state.toUpperCase())
              ? state
              : (ctx.knowledge.resolveActor(state) ?? state);
            return countryProfile(ctx, id, { asOf, series: opts.series === true });
          });
          if (opts.json) printJson(p);
          else process.stdout.write(formatProfile(p));
        },
      ),
    );
}
