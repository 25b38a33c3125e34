// The ingest stage as one loop: inputs → decode → articles → events → store. One bad input never stops the rest.
// This is the one-thread path (--jobs 1, and any caller with its own coder); parallel.ts runs the same steps in
// worker threads. Both store through one BatchWriter, in large transactions.
import type { Repository } from "../store/repository.ts";
import type { Article, EventRecord } from "../store/types.ts";
import { InputError, decode } from "./decode.ts";
import { readDocument } from "./document.ts";
import type { Input } from "./sources.ts";
import { BatchWriter, describeError } from "./writer.ts";

export type EventCoder = (article: Article) => EventRecord[];

export interface IngestSummary {
  inputs: number;
  failed: number;
  articles: number;
  stored: number;
  duplicates: number;
  events: number;
  bytes: number;
  seconds: number;
}

export interface IngestHooks {
  code: EventCoder;
  onError(name: string, why: string): void;
  onProgress?(summary: IngestSummary): void;
}

export function emptySummary(): IngestSummary {
  return { inputs: 0, failed: 0, articles: 0, stored: 0, duplicates: 0, events: 0, bytes: 0, seconds: 0 };
}

export async function ingestInputs(
  inputs: AsyncIterable<Input>,
  repo: Repository,
  hooks: IngestHooks,
): Promise<IngestSummary> {
  const sum = emptySummary();
  const started = performance.now();
  const writer = new BatchWriter(repo, sum, (name, why) => hooks.onError(name, why));
  for await (const input of inputs) {
    sum.inputs++;
    try {
      const buf = await input.load();
      sum.bytes += buf.length;
      const { text } = decode(buf);
      const { articles, problems } = await readDocument(input.name, text);
      for (const p of problems) hooks.onError(problemName(input.name, p.where), p.why);
      if (articles.length === 0) sum.failed++;
      for (const article of articles) {
        sum.articles++;
        if (await writer.known(article.id)) {
          sum.duplicates++;
          continue;
        }
        await writer.add({ article, events: hooks.code(article), input: input.name });
      }
    } catch (err) {
      sum.failed++;
      hooks.onError(input.name, describeError(err, isInputError));
    }
    sum.seconds = (performance.now() - started) / 1000;
    hooks.onProgress?.(sum);
  }
  await writer.finish();
  sum.seconds = (performance.now() - started) / 1000;
  return sum;
}

export const isInputError = (err: unknown): boolean => err instanceof InputError;

/** How a problem inside an input (a bad JSON line, a feed item) is named: the input, then where in it. */
export const problemName = (input: string, where: string): string => (where ? `${input}: ${where}` : input);
