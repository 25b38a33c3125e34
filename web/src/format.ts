// How values read: event types and statuses in words, dates in a readable form, recognition labels.
import type { EventOut } from "../../src/query/schemas.ts";

export const TYPE_LABEL: Record<EventOut["type"], string> = {
  ESTABLISH_RELATIONS: "Establish relations",
  SEVER_RELATIONS: "Sever relations",
  VISIT: "Visit",
  MEET: "Meet",
  PLEDGE_AID: "Pledge aid",
  PROVIDE_AID: "Provide aid",
  LOAN: "Loan",
  SIGN_AGREEMENT: "Sign agreement",
  UPGRADE_RELATIONS: "Upgrade relations",
  EXPRESS_SUPPORT: "Express support",
  CRITICIZE: "Criticize",
  WARN: "Warn",
  REQUEST: "Request",
  SECURITY_COOPERATION: "Security cooperation",
  MIGRATION_COOPERATION: "Migration cooperation",
  TRADE_INVESTMENT: "Trade & investment",
};

export const typeLabel = (t: string): string => TYPE_LABEL[t as EventOut["type"]] ?? t;

/** Broad families, for colour: cooperation, contact, relations, conflict. */
export function typeFamily(t: string): "relations" | "contact" | "aid" | "coop" | "conflict" {
  if (t === "ESTABLISH_RELATIONS" || t === "SEVER_RELATIONS" || t === "UPGRADE_RELATIONS") return "relations";
  if (t === "VISIT" || t === "MEET") return "contact";
  if (t === "PLEDGE_AID" || t === "PROVIDE_AID" || t === "LOAN") return "aid";
  if (t === "CRITICIZE" || t === "WARN" || t === "REQUEST") return "conflict";
  return "coop";
}

export const RECOGNITION_LABEL = { ROC: "Taipei", PRC: "Beijing", NONE: "Neither" } as const;
export const RECOGNITION_LONG = {
  ROC: "recognizes Taipei (ROC)",
  PRC: "recognizes Beijing (PRC)",
  NONE: "recognizes neither",
} as const;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2025-06-05" → "5 Jun 2025"; "2025-06" → "Jun 2025"; "2025" → "2025"; null → "undated". */
export function fmtDate(d: string | null | undefined): string {
  if (!d) return "undated";
  const [y, m, day] = d.split("-");
  if (!m) return y;
  const month = MONTHS[Number(m) - 1] ?? m;
  return day ? `${Number(day)} ${month} ${y}` : `${month} ${y}`;
}

/** Only http(s) URLs become links; anything else is shown as text. */
export function safeUrl(u: string | null | undefined): string | null {
  if (!u) return null;
  try {
    const url = new URL(u);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** A total that may be a lower bound (the API's `totalIsLowerBound`): "1,000+". */
export const atLeast = (n: number, lowerBound = false): string =>
  `${n.toLocaleString("en")}${lowerBound ? "+" : ""}`;

// ---- days since the ledger begins, for the slider ----
export const LEDGER_START = "1949-10-01";
const DAY_MS = 86_400_000;
export const dayNumber = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
export const isoOfDay = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
export const todayIso = (): string => new Date().toISOString().slice(0, 10);
