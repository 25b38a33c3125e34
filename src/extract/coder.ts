// The event coder: extractors propose candidates, refiners merge, filter and set status (one configuration).
import type { EventCoder } from "../ingest/run.ts";

export function createCoder(): EventCoder {
  return () => [];
}
