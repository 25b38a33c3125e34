// A proposed event while the coder works on it, and the two kinds of unit that make and refine them.
import type { DatePrecision, EventStatus, EventType } from "../store/types.ts";
import type { AmountMatch } from "../text/amounts.ts";
import type { Quote } from "../text/quotes.ts";
import type { Sentence } from "../text/sentences.ts";
import type { ArticleContext, Actor } from "./context.ts";
import type { CueMatch } from "./cues.ts";
import type { Lexicon, Rule } from "./lexicon.ts";

export interface Candidate {
  rule: Rule;
  ruleId: string;
  type: EventType;
  sentence: Sentence;
  cue: CueMatch;
  /** Character offsets of the cue in the cleaned text. */
  cueStart: number;
  cueEnd: number;
  source: Actor | null;
  target: Actor | null;
  /** A place the sentence names for the act ("in Tokyo"). */
  location: string | null;
  status: EventStatus;
  /** True when a word in the text set the status (not the default). */
  statusMarked: boolean;
  date: string | null;
  precision: DatePrecision | null;
  dateStated: boolean;
  amount: AmountMatch | null;
  quote: Quote | null;
  confidence: number;
}

/** Why a candidate was dropped, for `attache eval --explain`; costs nothing when nobody listens. */
export type DebugSink = ((candidate: Candidate, reason: string) => void) | null;

export interface Extractor {
  readonly name: string;
  extract(ctx: ArticleContext, lexicon: Lexicon): Candidate[];
}

export interface Refiner {
  readonly name: string;
  refine(candidates: Candidate[], ctx: ArticleContext, lexicon: Lexicon, debug: DebugSink): Candidate[];
}
