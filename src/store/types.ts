// The records every stage shares. Field names follow ../shared/PRODUCT.md ("Event record").

export type DatePrecision = "day" | "month" | "year";
export type DateSource = "front_matter" | "metadata" | "dateline" | "page_header" | "text" | "unknown";
export const EVENT_STATUSES = ["occurred", "pledged", "denied"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export type ArticleRole = "main" | "secondary";

export const EVENT_TYPES = [
  "ESTABLISH_RELATIONS",
  "SEVER_RELATIONS",
  "VISIT",
  "MEET",
  "PLEDGE_AID",
  "PROVIDE_AID",
  "LOAN",
  "SIGN_AGREEMENT",
  "UPGRADE_RELATIONS",
  "EXPRESS_SUPPORT",
  "CRITICIZE",
  "WARN",
  "REQUEST",
  "SECURITY_COOPERATION",
  "MIGRATION_COOPERATION",
  "TRADE_INVESTMENT",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const SYMMETRIC_TYPES: ReadonlySet<EventType> = new Set([
  "MEET",
  "SIGN_AGREEMENT",
  "UPGRADE_RELATIONS",
]);

/** A run of cleaned text copied verbatim from the original: clean[c, c+len) === original[o, o+len). */
export interface OffsetSegment {
  c: number;
  o: number;
  len: number;
}

export interface Article {
  /** Content hash of the cleaned text (hex). */
  id: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  /** ISO date of publication at `datePrecision`, or null when unknown. */
  published: string | null;
  datePrecision: DatePrecision | null;
  dateSource: DateSource;
  /** How sure the publication date is, 0 to 1. */
  dateConfidence: number;
  /** The text exactly as read (for HTML, the page source; for a feed item or JSON line, its own text). */
  original: string;
  /** The cleaned article text that extraction reads. */
  cleaned: string;
  /** Maps cleaned offsets back to `original`. */
  offsets: OffsetSegment[];
  role: ArticleRole;
  /** For a secondary story, the id of the page's main article. */
  parentId: string | null;
  /** The file (or URL, or "-") the article came from. */
  sourceName: string;
  format: string;
}

export interface Amount {
  text: string;
  value: number | null;
  unit: string | null;
}

export interface EventRecord {
  id: string;
  articleId: string;
  type: EventType;
  source: string;
  target: string | null;
  sourceActor: string | null;
  targetActor: string | null;
  date: string | null;
  datePrecision: DatePrecision | null;
  /** True when the date was read from the text, false when filled from the publication date. */
  dateStated: boolean;
  status: EventStatus;
  amount: Amount | null;
  location: string | null;
  quote: { text: string; speaker: string | null } | null;
  /** Evidence span as offsets into the article's original text. */
  span: { start: number; end: number };
  evidence: string;
  plover: { type: string; mode: string | null };
  confidence: number;
  rule: string;
}
