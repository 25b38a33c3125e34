// Answers kept while the store is unchanged. The dashboard asks the same few questions (the busiest
// relationships' timelines, the first page of events) again and again, and a timeline of 2,000 events costs
// tens of milliseconds to read and serialize; a kept answer costs a lookup. Every answer was computed after
// the store's change mark was read, so a kept answer is never older than the store at that mark; when the
// mark moves (a commit by this server or any other process), everything kept is dropped.

export interface CachedAnswer {
  body: Uint8Array;
}

export class AnswerCache {
  private readonly answers = new Map<string, CachedAnswer>();
  private mark: string | null = null;
  private bytes = 0;

  constructor(
    /** Bytes kept at most (the oldest answers go first). */
    private readonly maxBytes = 64 * 1024 * 1024,
    /** Answers larger than this are not kept. */
    private readonly maxAnswer = 4 * 1024 * 1024,
  ) {}

  /** The answer kept for `key` while the store is at `mark`, or null. */
  get(key: string, mark: string): CachedAnswer | null {
    this.moveTo(mark);
    const hit = this.answers.get(key);
    if (!hit) return null;
    this.answers.delete(key); // most recently used last
    this.answers.set(key, hit);
    return hit;
  }

  /** Keeps an answer computed after the store was seen at `mark`. */
  set(key: string, mark: string, body: Uint8Array): void {
    this.moveTo(mark);
    if (body.byteLength > this.maxAnswer) return;
    const old = this.answers.get(key);
    if (old) {
      this.bytes -= old.body.byteLength;
      this.answers.delete(key);
    }
    this.answers.set(key, { body });
    this.bytes += body.byteLength;
    for (const [k, v] of this.answers) {
      if (this.bytes <= this.maxBytes) break;
      this.answers.delete(k);
      this.bytes -= v.body.byteLength;
    }
  }

  get size(): number {
    return this.answers.size;
  }

  private moveTo(mark: string): void {
    if (mark === this.mark) return;
    this.answers.clear();
    this.bytes = 0;
    this.mark = mark;
  }
}
