// Reads one fixture or seed through the ingest stage, as `attache ingest` would.
import { readFileSync } from "node:fs";
import { decode } from "../../src/ingest/decode.ts";
import { type ReadResult, readDocument } from "../../src/ingest/document.ts";
import { decodeHTML } from "entities";
import { originalPieces } from "../../src/ingest/offsets.ts";
import type { Article } from "../../src/store/types.ts";

export async function readFile(path: string): Promise<ReadResult> {
  return readDocument(path, decode(readFileSync(path)).text);
}

const words = (s: string): string[] => s.match(/[\p{L}\p{N}]+/gu) ?? [];

/** The words of cleaned[start, end) and of the original at the mapped offsets (entities decoded). */
export function spanWords(a: Article, start: number, end: number): { cleaned: string[]; original: string[] } {
  const pieces = originalPieces(a.offsets, start, end, a.original);
  const orig = pieces
    .map((p, i) => (i > 0 && pieces[i - 1].end !== p.start ? " " : "") + a.original.slice(p.start, p.end))
    .join("");
  return { cleaned: words(a.cleaned.slice(start, end)), original: words(decodeHTML(orig)) };
}
