// The inputs of an ingest with the problems met while listing them (a missing file, a link loop) kept in their
// place, so a listing can be read ahead — to see how much there is to do — and then replayed in order.
import type { Input } from "./sources.ts";

export type Listed = { input: Input } | { problem: { name: string; why: string } };

/** Turns a source that reports problems through a callback into one stream, problems in their place. */
export async function* listed(
  expand: (onSkip: (name: string, why: string) => void) => AsyncIterable<Input>,
): AsyncGenerator<Listed> {
  const problems: Listed[] = [];
  for await (const input of expand((name, why) => problems.push({ problem: { name, why } }))) {
    yield* problems.splice(0);
    yield { input };
  }
  yield* problems.splice(0);
}

/** The inputs of a listing; each problem goes to `onProblem` when the listing reaches it. */
export async function* inputsOf(
  items: AsyncIterable<Listed>,
  onProblem: (name: string, why: string) => void,
): AsyncGenerator<Input> {
  for await (const item of items) {
    if ("input" in item) yield item.input;
    else onProblem(item.problem.name, item.problem.why);
  }
}

export interface ReadAhead {
  /** Bytes of the inputs read ahead (inputs of unknown size, such as URLs, count as `unknownSize`). */
  bytes: number;
  /** Whether the whole listing was read (so `bytes` is all there is). */
  complete: boolean;
  /** The whole listing, from its start. */
  items: AsyncIterable<Listed>;
}

/** Lists ahead until more than `limit` bytes of input are known or the listing ends. Nothing is loaded. */
export async function readAhead(
  listing: AsyncIterable<Listed>,
  limit: number,
  unknownSize = 256 * 1024,
): Promise<ReadAhead> {
  const it = listing[Symbol.asyncIterator]();
  const seen: Listed[] = [];
  let bytes = 0;
  let complete = false;
  while (bytes <= limit) {
    const next = await it.next();
    if (next.done) {
      complete = true;
      break;
    }
    seen.push(next.value);
    if ("input" in next.value) bytes += next.value.input.size ?? unknownSize;
  }
  async function* items(): AsyncGenerator<Listed> {
    yield* seen;
    if (complete) return;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  }
  return { bytes, complete, items: items() };
}
