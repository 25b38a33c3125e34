// Codes a short text as an article published on a given date, with the real knowledge and lexicons.
import { readDocument } from "../../src/ingest/document.ts";
import { createCoder } from "../../src/extract/coder.ts";
import type { CoderOptions } from "../../src/extract/coder.ts";
import type { EventCoder } from "../../src/ingest/run.ts";
import { SYMMETRIC_TYPES, type EventRecord } from "../../src/store/types.ts";

const coders = new Map<string, EventCoder>();

export async function codeText(
  text: string,
  published = "2025-05-23",
  options?: CoderOptions,
  key = "real",
): Promise<EventRecord[]> {
  let coder = coders.get(key);
  if (!coder) {
    coder = createCoder(options);
    coders.set(key, coder);
  }
  const { articles } = await readDocument("test.txt", `DATE: ${published}\n\n${text}\n`);
  return articles.flatMap((a) => coder(a));
}

/** "TYPE SRC>TGT status date"; symmetric types list their parties in alphabetical order. */
export const brief = (events: EventRecord[]): string[] =>
  events.map((e) => {
    const pair = SYMMETRIC_TYPES.has(e.type) ? [e.source, e.target ?? ""].sort() : [e.source, e.target ?? ""];
    return `${e.type} ${pair[0]}>${pair[1]} ${e.status}${e.date ? ` ${e.date}` : ""}`;
  });
