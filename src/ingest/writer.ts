// The one writer of an ingest: coded articles wait in a batch and are stored in one large transaction, in the
// order their inputs were read. One batch is stored while the next fills (with a store that writes in another
// thread, coding goes on meanwhile). It also knows which articles are already stored, waiting or being
// stored, so nothing is coded or stored twice.
import type { Repository } from "../store/repository.ts";
import type { Article, EventRecord } from "../store/types.ts";
import type { IngestSummary } from "./run.ts";

export interface Coded {
  article: Article;
  events: EventRecord[];
  /** The input it came from, to name it if storing fails. */
  input: string;
}

/** What a BatchWriter stores through: a repository, or a writer thread in front of one (writer-thread.ts). */
export type ArticleStore = Pick<Repository, "saveArticles" | "hasArticle">;

export interface BatchLimits {
  /** Articles per transaction. */
  articles: number;
  /** Characters of text (original and cleaned) held before a write. */
  chars: number;
  /**
   * While nothing is being stored, hand the batch over once it holds this many articles, rather than wait for
   * it to fill: for a store that writes in another thread, so it stores while the coders code, and what is left
   * to store after the last article is coded stays short. Unset: only full batches (a store in this thread
   * stops everything while it writes, so fewer, larger transactions are best).
   */
  whenIdle?: number;
}

/** Large enough that a transaction's fixed cost vanishes, small enough to keep memory flat. */
export const DEFAULT_BATCH: BatchLimits = { articles: 1000, chars: 32 * 1024 * 1024 };

export const describeError = (err: unknown, expected: (e: unknown) => boolean): string =>
  expected(err) ? (err as Error).message : `unexpected error: ${(err as Error).message}`;

export class BatchWriter {
  private batch: Coded[] = [];
  /** Ids of the articles in the batch and in the one being stored. */
  private readonly waiting = new Set<string>();
  private chars = 0;
  /** Settles when every batch handed over so far is stored. */
  private storing: Promise<void> = Promise.resolve();
  /** Batches handed over and not yet stored. */
  private inFlight = 0;

  constructor(
    private readonly store: ArticleStore,
    private readonly sum: IngestSummary,
    private readonly onError: (name: string, why: string) => void,
    private readonly limits: BatchLimits = DEFAULT_BATCH,
  ) {}

  /** Whether an article with this id is stored, waiting or being stored (then it is a duplicate). */
  async known(id: string): Promise<boolean> {
    return this.waiting.has(id) || (await this.store.hasArticle(id));
  }

  /** Adds an article to the batch; true when the batch was handed over to be stored. */
  async add(item: Coded): Promise<boolean> {
    this.batch.push(item);
    this.waiting.add(item.article.id);
    this.chars += item.article.original.length + item.article.cleaned.length;
    const { articles, chars, whenIdle } = this.limits;
    if (this.batch.length >= articles || this.chars >= chars) await this.flush();
    else if (whenIdle !== undefined && this.inFlight === 0 && this.batch.length >= whenIdle)
      void this.flush();
    else return false;
    return true;
  }

  /**
   * Hands what waits over to be stored after the batches before it, and returns once those before are stored:
   * at most one batch is being stored while the next fills.
   */
  async flush(): Promise<void> {
    const before = this.storing;
    if (this.batch.length > 0) {
      const items = this.batch;
      this.batch = [];
      this.chars = 0;
      this.inFlight++;
      this.storing = before.then(() => this.save(items)).finally(() => this.inFlight--);
    }
    await before;
  }

  /** Stores what waits, and returns once everything handed over is stored. */
  async finish(): Promise<void> {
    await this.flush();
    await this.storing;
  }

  /** One transaction; a failed one is retried one article at a time, to name the input at fault. */
  private async save(items: Coded[]): Promise<void> {
    let saved: Array<boolean | null>;
    try {
      saved = await this.store.saveArticles(items);
    } catch {
      saved = await this.oneByOne(items);
    }
    items.forEach((item, i) => {
      this.waiting.delete(item.article.id);
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
        out.push((await this.store.saveArticles([item]))[0]);
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
