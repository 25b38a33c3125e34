// The one writer of an ingest: coded articles wait in a batch and are stored in one large transaction, in the
// order their inputs were read. It also knows which articles are already stored or waiting, so nothing is
// coded or stored twice.
import type { Repository } from "../store/repository.ts";
import type { Article, EventRecord } from "../store/types.ts";
import type { IngestSummary } from "./run.ts";

export interface Coded {
  article: Article;
  events: EventRecord[];
  /** The input it came from, to name it if storing fails. */
  input: string;
}

export interface BatchLimits {
  /** Articles per transaction. */
  articles: number;
  /** Characters of text (original and cleaned) held before a write. */
  chars: number;
}

/** Large enough that a transaction's fixed cost vanishes, small enough to keep memory flat. */
export const DEFAULT_BATCH: BatchLimits = { articles: 1000, chars: 32 * 1024 * 1024 };

export const describeError = (err: unknown, expected: (e: unknown) => boolean): string =>
  expected(err) ? (err as Error).message : `unexpected error: ${(err as Error).message}`;

export class BatchWriter {
  private batch: Coded[] = [];
  private readonly waiting = new Set<string>();
  private chars = 0;

  constructor(
    private readonly repo: Repository,
    private readonly sum: IngestSummary,
    private readonly onError: (name: string, why: string) => void,
    private readonly limits: BatchLimits = DEFAULT_BATCH,
  ) {}

  /** Whether an article with this id is stored or waiting to be (then it is a duplicate). */
  async known(id: string): Promise<boolean> {
    return this.waiting.has(id) || (await this.repo.hasArticle(id));
  }

  /** Adds an article to the batch; true when that filled the batch and it was stored. */
  async add(item: Coded): Promise<boolean> {
    this.batch.push(item);
    this.waiting.add(item.article.id);
    this.chars += item.article.original.length + item.article.cleaned.length;
    if (this.batch.length < this.limits.articles && this.chars < this.limits.chars) return false;
    await this.flush();
    return true;
  }

  /** Stores what waits; a failed transaction is retried one article at a time, to name the input at fault. */
  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const items = this.batch;
    this.batch = [];
    this.waiting.clear();
    this.chars = 0;
    let saved: Array<boolean | null>;
    try {
      saved = await this.repo.saveArticles(items);
    } catch {
      saved = await this.oneByOne(items);
    }
    items.forEach((item, i) => {
      if (saved[i] === true) {
        this.sum.stored++;
        this.sum.events += item.events.length;
      } else if (saved[i] === false) this.sum.duplicates++;
    });
  }

  private async oneByOne(items: Coded[]): Promise<Array<boolean | null>> {
    const reported = new Set<string>();
    const out: Array<boolean | null> = [];
    for (const item of items) {
      try {
        out.push((await this.repo.saveArticles([item]))[0]);
      } catch (err) {
        out.push(null);
        if (reported.has(item.input)) continue;
        reported.add(item.input);
        this.sum.failed++;
        this.onError(item.input, `unexpected error: ${(err as Error).message}`);
      }
    }
    return out;
  }
}
