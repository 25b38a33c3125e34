// A SQLite file's writes moved to a thread of their own (write-worker.ts), for parallel ingest: a large
// transaction takes a second or more, and meanwhile the thread that hands out inputs and answers the coding
// workers would stand still, and they with it. Reads (which articles are stored) stay on the caller's
// connection; in WAL mode they see each transaction once it commits.
import type { Worker } from "node:worker_threads";
import { SqliteRepository } from "../store/sqlite/sqlite-repository.ts";
import type { Article, EventRecord } from "../store/types.ts";
import { tsWorker } from "./threads.ts";
import type { FromWriter, ToWriter } from "./write-worker.ts";
import type { ArticleStore } from "./writer.ts";

interface Pending {
  resolve(saved: boolean[]): void;
  reject(err: Error): void;
}

export class WriterThread implements ArticleStore {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  /** Set once the thread is gone: what comes after is stored on the caller's connection, in its thread. */
  private lost: Error | null = null;
  private readonly exited: Promise<void>;

  constructor(private readonly repo: SqliteRepository) {
    this.worker = tsWorker(new URL("./write-worker.ts", import.meta.url), { path: repo.db.name });
    this.worker.on("message", (m: FromWriter) => {
      const p = this.pending.get(m.n);
      this.pending.delete(m.n);
      if (m.t === "saved") p?.resolve(m.saved);
      else p?.reject(new Error(m.why));
    });
    this.worker.on("error", (err) => this.gone(err));
    this.exited = new Promise((resolve) =>
      this.worker.once("exit", (code) => {
        this.gone(new Error(`exited with code ${code}`));
        resolve();
      }),
    );
  }

  saveArticles(items: ReadonlyArray<{ article: Article; events: EventRecord[] }>): Promise<boolean[]> {
    if (this.lost) return this.repo.saveArticles(items);
    const n = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(n, { resolve, reject });
      const m: ToWriter = { t: "save", n, items: items.map(({ article, events }) => ({ article, events })) };
      this.worker.postMessage(m);
    });
  }

  hasArticle(id: string): Promise<boolean> {
    return this.repo.hasArticle(id);
  }

  /** Closes the thread's connection once everything sent is answered. */
  async close(): Promise<void> {
    if (!this.lost) this.worker.postMessage({ t: "close" } satisfies ToWriter);
    await this.exited;
  }

  /** The thread stopped: what it was storing fails (a retry, one article at a time, comes here and is stored
   * on the caller's connection; an article the thread did commit is then found stored). */
  private gone(err: Error): void {
    if (this.lost) return;
    this.lost = new Error(`the store's writer thread stopped (${err.message})`);
    for (const p of this.pending.values()) p.reject(this.lost);
    this.pending.clear();
  }
}

/** A writer thread for a SQLite file; null for a store a second connection cannot open (in memory, PostgreSQL). */
export const writerThreadFor = (repo: ArticleStore): WriterThread | null =>
  repo instanceof SqliteRepository && !repo.db.memory ? new WriterThread(repo) : null;
