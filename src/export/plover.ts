// Events as PLOVER JSON Lines: the fields the PLOVER specification (Open Event Data Alliance, "JSON Data
// Fields") defines — id, date, source, recipient, event, mode, context, quad_code, event_text, text_info,
// cite_info, coder — and everything else attache knows under the namespaced key "attache".
import type { ArticleSummary } from "../store/repository.ts";
import { type EventRecord, SYMMETRIC_TYPES } from "../store/types.ts";

/** PLOVER event categories with their quad code (1 verbal cooperation … 4 material conflict). */
export const PLOVER_QUAD: Readonly<Record<string, 1 | 2 | 3 | 4>> = {
  AGREE: 1,
  CONSULT: 1,
  SUPPORT: 1,
  CONCEDE: 1,
  COOPERATE: 2,
  AID: 2,
  RETREAT: 2,
  INVESTIGATE: 2,
  REQUEST: 3,
  DEMAND: 3,
  ACCUSE: 3,
  REJECT: 3,
  THREATEN: 3,
  SANCTION: 3,
  PROTEST: 4,
  MOBILIZE: 4,
  COERCE: 4,
  ASSAULT: 4,
  FIGHT: 4,
};
export const PLOVER_CATEGORIES = Object.keys(PLOVER_QUAD);

/** Names the lexicon may use that PLOVER spells differently (CAMEO's "reduce relations" is SANCTION). */
const CATEGORY_ALIASES: Record<string, string> = { REDUCE: "SANCTION", DISAPPROVE: "ACCUSE" };

/** The category for each attache type, when the event's own PLOVER type is not a PLOVER category. */
const BY_TYPE: Record<EventRecord["type"], string> = {
  ESTABLISH_RELATIONS: "SUPPORT",
  SEVER_RELATIONS: "SANCTION",
  VISIT: "CONSULT",
  MEET: "CONSULT",
  PLEDGE_AID: "AGREE",
  PROVIDE_AID: "AID",
  LOAN: "AID",
  SIGN_AGREEMENT: "SUPPORT",
  UPGRADE_RELATIONS: "SUPPORT",
  EXPRESS_SUPPORT: "SUPPORT",
  CRITICIZE: "ACCUSE",
  WARN: "THREATEN",
  REQUEST: "REQUEST",
  SECURITY_COOPERATION: "COOPERATE",
  MIGRATION_COOPERATION: "COOPERATE",
  TRADE_INVESTMENT: "COOPERATE",
};

export function ploverCategory(e: EventRecord): string {
  const own = e.plover.type.toUpperCase();
  const aliased = CATEGORY_ALIASES[own] ?? own;
  return aliased in PLOVER_QUAD ? aliased : BY_TYPE[e.type];
}

interface PloverActor {
  code: string;
  actor_text?: string;
}

/** PLOVER actor codes are three characters: a state's alpha-3, or IGO for an organization. */
function actor(id: string, text: string | null): PloverActor {
  const a: PloverActor = { code: id.startsWith("IGO:") ? "IGO" : id };
  if (text) a.actor_text = text;
  return a;
}

/** A full day for PLOVER's required YYYY-MM-DD: month and year precision take the first day. */
function fullDay(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

export interface PloverOptions {
  coder: string;
  /** When the record was coded (defaults to now). */
  codedDate?: string;
}

export type PloverRecord = Record<string, unknown>;

/** One PLOVER record, or null when neither the event nor its article has a date (PLOVER requires one). */
export function toPlover(
  e: EventRecord,
  article: ArticleSummary | undefined,
  o: PloverOptions,
): PloverRecord | null {
  const dateFrom = e.date ? "event" : article?.published ? "published" : null;
  const date = e.date ?? article?.published ?? null;
  if (!date || !dateFrom) return null;
  const category = ploverCategory(e);
  // PLOVER codes a meeting with no host/visitor distinction as all parties being sources, no recipient.
  const jointSources = SYMMETRIC_TYPES.has(e.type) && category === "CONSULT" && e.target;
  const record: PloverRecord = {
    id: e.id,
    date: fullDay(date),
    source: jointSources
      ? [actor(e.source, e.sourceActor), actor(e.target!, e.targetActor)]
      : [actor(e.source, e.sourceActor)],
  };
  if (e.target && !jointSources) record.recipient = [actor(e.target, e.targetActor)];
  record.event = [category];
  if (e.plover.mode) record.mode = [e.plover.mode];
  if (e.status !== "occurred") record.context = [e.status === "denied" ? "negation" : "future"];
  if (e.location) record.event_loc = { name: e.location };
  record.event_text = [e.evidence];
  record.quad_code = PLOVER_QUAD[category];
  record.text_info = { start: e.span.start, end: e.span.end };
  const cite: Record<string, string> = { coder: o.coder, codebook: "attache-plover" };
  if (article?.url) cite.url = article.url;
  if (article?.title) cite.title = article.title;
  if (article?.outlet) cite.publication = article.outlet;
  record.cite_info = cite;
  record.coder = o.coder;
  record.coded_date = (o.codedDate ?? new Date().toISOString()).slice(0, 10);
  record.attache = {
    type: e.type,
    status: e.status,
    source: e.source,
    target: e.target,
    date: e.date,
    date_precision: e.datePrecision,
    date_stated: e.dateStated,
    date_from: dateFrom,
    amount: e.amount,
    quote: e.quote,
    article: e.articleId,
    span: e.span,
    plover: e.plover,
    confidence: e.confidence,
    rule: e.rule,
  };
  return record;
}
