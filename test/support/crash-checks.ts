// What a killed ingest must leave, whatever the store: the checks the crash tests of SQLite and PostgreSQL
// share. `snapshotOf` reads a store at a location (a file or a URL); `where` names the run in failures.
import assert from "node:assert/strict";
import { attache } from "./cli.ts";
import type { Snapshot } from "./snapshot.ts";

export const unique = (xs: string[]): boolean => new Set(xs).size === xs.length;

/** A killed run's store: whole articles only, each with every report the reference has, none twice. */
export function assertWholeArticles(partial: Snapshot, want: Snapshot, where: string): void {
  const wantArticles = new Set(want.articles);
  const wantMentions = new Set(want.mentions);
  assert.ok(unique(partial.mentions), `${where}: no report stored twice`);
  for (const a of partial.articles) assert.ok(wantArticles.has(a), `${where}: ${a} is partly stored`);
  for (const m of partial.mentions)
    assert.ok(wantMentions.has(m), `${where}: report ${m} is not the reference's`);
}

/** Ingests the corpus again into a store that holds `kept` of its `total` articles: it stores the rest, and
 * the store is then the reference. */
export async function assertRerunFinishes(
  corpus: string,
  location: string,
  total: number,
  kept: number,
  want: Snapshot,
  snapshotOf: (location: string) => Promise<Snapshot>,
  where: string,
): Promise<void> {
  const rest = attache(["ingest", corpus, "--db", location, "--json"]);
  assert.equal(rest.status, 0, `${where}: ${rest.stderr}`);
  const summary = JSON.parse(rest.stdout) as { stored: number; duplicates: number };
  assert.equal(summary.stored, total - kept, where);
  assert.equal(summary.duplicates, kept, where);
  const got = await snapshotOf(location);
  assert.ok(unique(got.mentions), `${where}: no report stored twice`);
  assert.deepEqual(got.articles, want.articles, `${where}: every article once, with all its reports`);
  assert.deepEqual(got.mentions, want.mentions, where);
  assert.deepEqual(got.events, want.events, where);
}

/** Ingesting everything once more into the finished store changes nothing. */
export async function assertReingestChangesNothing(
  corpus: string,
  location: string,
  total: number,
  want: Snapshot,
  snapshotOf: (location: string) => Promise<Snapshot>,
): Promise<void> {
  const again = attache(["ingest", corpus, "--db", location, "--json"]);
  assert.equal(again.status, 0, again.stderr);
  const summary = JSON.parse(again.stdout) as { stored: number; duplicates: number; events: number };
  assert.deepEqual([summary.stored, summary.duplicates, summary.events], [0, total, 0]);
  assert.deepEqual(await snapshotOf(location), want);
}
