// The ingest stage as one loop: inputs → decode → articles → events → store. One bad input never stops the rest.
import type { Repository } from "../store/repository.ts";
import type { Article, EventRecord } from "../store/types.ts";
import { InputError, decode } from "./decode.ts";
import { readDocument } from "./document.ts";
import type { Input } from "./sources.ts";

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
  for await (const input of inputs) {
    sum.inputs++;
    try {
      const buf = await input.load();
      sum.bytes += buf.length;
      const { text } = decode(buf);
      const { articles, problems } = await readDocument(input.name, text);
      for (const p of problems) hooks.onError(p.where ? `${input.name}: ${p.where}` : input.name, p.why);
      if (articles.length === 0) sum.failed++;
      for (const article of articles) {
        sum.articles++;
        if (await repo.hasArticle(article.id)) {
          sum.duplicates++;
          continue;
        }
        const events = hooks.code(article);
        if (await repo.saveArticle(article, events)) {
          sum.stored++;
          sum.events += events.length;
        } else sum.duplicates++;
      }
    } catch (err) {
      sum.failed++;
      hooks.onError(
        input.name,
        err instanceof InputError ? err.message : `unexpected error: ${(err as Error).message}`,
      );
    }
    sum.seconds = (performance.now() - started) / 1000;
    hooks.onProgress?.(sum);
  }
  sum.seconds = (performance.now() - started) / 1000;
  return sum;
}
