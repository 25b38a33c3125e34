// The event coder: extractors propose candidates, refiners (in this order) set status, fill and check
// parties, date, attach amounts and merge — one configuration, assembled here.
import { createHash } from "node:crypto";
import { toOriginal } from "../ingest/offsets.ts";
import type { EventCoder } from "../ingest/run.ts";
import { loadKnowledge } from "../knowledge/index.ts";
import type { Knowledge } from "../knowledge/types.ts";
import type { Article, EventRecord } from "../store/types.ts";
import type { Candidate, DebugSink, Extractor, Refiner } from "./candidate.ts";
import { buildContext } from "./context.ts";
import { CueExtractor } from "./extractors/cue-extractor.ts";
import { type Lexicon, loadLexicon } from "./lexicon.ts";
import { AmountRefiner } from "./refiners/amounts.ts";
import { DateRefiner } from "./refiners/dates.ts";
import { DeliveredAidRefiner, DenialRefiner } from "./refiners/denial.ts";
import { SameEventMergeRefiner } from "./refiners/merge.ts";
import { ModalityRefiner } from "./refiners/modality.ts";
import { PartiesRefiner, RecognitionRefiner } from "./refiners/parties.ts";

export interface CoderConfig {
  extractors: Extractor[];
  refiners: Refiner[];
}

export function createConfiguration(): CoderConfig {
  return {
    extractors: [CueExtractor],
    refiners: [
      ModalityRefiner, // status first: denials and hypotheticals decide what else is worth doing
      DenialRefiner, // a denied severance becomes support before parties are checked
      DateRefiner, // dates before parties: the ledger needs the act's date to name a missing party
      RecognitionRefiner, // recognition points at a claimant government; the ledger fills a missing one
      PartiesRefiner, // then drop what lacks two parties
      DeliveredAidRefiner, // aid told as handed over is PROVIDE_AID
      AmountRefiner,
      SameEventMergeRefiner, // last: merging needs parties, dates and status settled
    ],
  };
}

export interface CoderOptions {
  knowledge?: Knowledge;
  lexicon?: Lexicon;
  config?: CoderConfig;
  debug?: DebugSink;
}

const eventId = (articleId: string, c: Candidate): string =>
  createHash("sha256")
    .update([articleId, c.type, c.source!.id, c.target!.id, c.date ?? "", c.status].join("|"))
    .digest("hex")
    .slice(0, 16);

function toRecord(a: Article, c: Candidate, dataVersion: string): EventRecord {
  const span = toOriginal(a.offsets, c.sentence.start, c.sentence.end);
  return {
    id: eventId(a.id, c),
    articleId: a.id,
    type: c.type,
    source: c.source!.id,
    target: c.target!.id,
    sourceActor: c.source!.name,
    targetActor: c.target!.name,
    date: c.date,
    datePrecision: c.precision,
    dateStated: c.dateStated,
    status: c.status,
    amount: c.amount ? { text: c.amount.text, value: c.amount.value, unit: c.amount.unit } : null,
    location: c.location,
    quote: c.quote ? { text: c.quote.text, speaker: c.source?.name ?? null } : null,
    span,
    evidence: c.sentence.text,
    plover: { type: c.rule.plover[0], mode: c.rule.plover[1] },
    confidence:
      Math.round(
        Math.min(0.95, c.confidence + (c.dateStated ? 0.1 : 0) + (c.statusMarked ? 0.05 : 0)) * 100,
      ) / 100,
    rule: `${c.ruleId}@${dataVersion}`,
  };
}

/** Builds a coder once (knowledge and lexicon compiled), then codes any number of articles. */
export function createCoder(options: CoderOptions = {}): EventCoder {
  const knowledge = options.knowledge ?? loadKnowledge();
  const lexicon = options.lexicon ?? loadLexicon();
  const config = options.config ?? createConfiguration();
  const debug = options.debug ?? null;
  return (article: Article): EventRecord[] => {
    const ctx = buildContext(article, knowledge, {
      regionWords: lexicon.roles.region_words,
      titleWords: lexicon.roles.title_words,
      pairWords: lexicon.roles.pair_words,
    });
    let cands = config.extractors.flatMap((e) => e.extract(ctx, lexicon));
    for (const r of config.refiners) cands = r.refine(cands, ctx, lexicon, debug);
    return cands.map((c) => toRecord(article, c, knowledge.version));
  };
}
