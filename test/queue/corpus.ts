// A generated wire corpus for the queue tests: acts (a break in relations, ministers' talks, a signed
// agreement, a pledge of aid) between varied states on varied days, each retold by one to four outlets in the
// wording of real reports (test/fixtures/multisource). Reports of one act share its date; two acts of a kind
// between the same pair are at least 17 days apart, so which reports make one event never depends on the
// order they are stored in.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { rng } from "../support/rng.ts";

const STATES = [
  "Guatemala", "Paraguay", "Belize", "Haiti", "Eswatini", "Palau", "Tuvalu", "Nauru", "Honduras", "Nicaragua",
  "Panama", "Kiribati", "El Salvador", "Costa Rica", "Japan", "Australia", "New Zealand", "France", "Germany",
  "India", "Brazil", "Chile", "Peru", "Mexico", "Canada", "Fiji", "Taiwan", "China",
]; // prettier-ignore
const OUTLETS = ["Associated Press", "Reuters", "Agence France-Presse", "Kyodo", "Central News Agency"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"]; // prettier-ignore

type Tell = (a: string, b: string, on: string, n: number) => string;
const FAMILIES: Tell[][] = [
  [
    (a, b, on) => `The government of ${a} said it severed diplomatic relations with ${b} on ${on}.`,
    (a, b, on) => `${a} cut its diplomatic ties with ${b} on ${on}, officials said.`,
    (a, b, on) => `${a} severed diplomatic relations with ${b} on ${on} and recalled its ambassador.`,
  ],
  [
    (a, b, on) => `The foreign minister of ${a} held talks with the foreign minister of ${b} on ${on}.`,
    (a, b, on) => `Foreign ministers of ${a} and ${b} met on ${on} to discuss trade and agriculture.`,
  ],
  [
    (a, b, on) => `${a} and ${b} signed a trade agreement on ${on}, the two governments said.`,
    (a, b, on) => `On ${on}, ${a} signed an agreement on fisheries with ${b}.`,
  ],
  [
    (a, b, on, n) => `${a} pledged $${n} million in aid to ${b} on ${on}.`,
    (a, b, on, n) => `On ${on}, ${a} promised ${b} $${n} million for roads and schools.`,
  ],
];

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const spelled = (d: Date): string => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;

/** Writes `count` article files into `dir`; returns their paths. */
export function writeCorpus(dir: string, count: number, seed = 11): string[] {
  mkdirSync(dir, { recursive: true });
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const files: string[] = [];
  for (let act = 0; files.length < count; act++) {
    const day = new Date(Date.UTC(2001, 0, 1 + act * 17));
    const family = FAMILIES[act % FAMILIES.length];
    const a = pick(STATES);
    let b = pick(STATES);
    while (b === a) b = pick(STATES);
    const amount = 5 + Math.floor(r() * 200);
    const reports = Math.min(count - files.length, 1 + Math.floor(r() * 4));
    for (let k = 0; k < reports; k++) {
      const outlet = OUTLETS[(act + k) % OUTLETS.length];
      const published = new Date(day.getTime() + Math.floor(r() * 3) * 86_400_000);
      const sentence = family[(act + k) % family.length](a, b, spelled(day), amount);
      const text = [
        `URL: https://example.org/wire/${act}/${k}`,
        `DATE: ${iso(published)}`,
        `TITLE: ${a} and ${b} (${outlet} report ${act}.${k})`,
        `SOURCE: ${outlet}`,
        "",
        `(${outlet}) — ${sentence}`,
        "",
        `The report was filed by the ${outlet} desk as item ${act}.${k}.`,
        "",
      ].join("\n");
      const file = join(dir, `wire-${String(act).padStart(4, "0")}-${k}.txt`);
      writeFileSync(file, text);
      files.push(file);
    }
  }
  return files;
}
