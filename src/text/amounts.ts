// Money and percentages as news writes them: "$240 million", "US$300,000", "NT$1.2 billion", "40%", "25 percent".

export interface AmountMatch {
  start: number;
  end: number;
  text: string;
  value: number | null;
  unit: string | null;
}

const CURRENCY: Record<string, string> = {
  $: "USD",
  us$: "USD",
  usd: "USD",
  nt$: "TWD",
  twd: "TWD",
  "€": "EUR",
  eur: "EUR",
  "£": "GBP",
  "¥": "JPY",
  yen: "JPY",
  yuan: "CNY",
  rmb: "CNY",
  euros: "EUR",
  dollars: "USD",
};
const SCALE: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  m: 1e6,
  bn: 1e9,
  k: 1e3,
};

// Bounded quantifiers only: no nested repetition, so no catastrophic backtracking. A number is the whole run
// of digits ("$1000" is a thousand, not $100 and a 0): grouped by commas or not, never followed by a digit,
// and not begun inside another number.
const AMOUNT =
  /(?<cur>US\$|NT\$|USD|TWD|EUR|\$|€|£|¥)\s?(?<num>(?:\d{1,3}(?:,\d{3}){1,5}|\d{1,15})(?:\.\d{1,4})?(?!\d))(?:\s?(?<scale>thousand|million|billion|trillion|bn|m|k)\b)?|(?<![\d.,])(?<num2>(?:\d{1,3}(?:,\d{3}){1,5}|\d{1,15})(?:\.\d{1,4})?(?!\d))\s?(?<scale2>thousand|million|billion|trillion)?\s?(?<cur2>yen|yuan|euros|dollars|RMB)\b|(?<![\d.,])(?<pct>\d{1,3}(?:\.\d{1,2})?)\s?(?:%|percent\b|per cent\b)/gi;

export function findAmounts(text: string): AmountMatch[] {
  const out: AmountMatch[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const g = m.groups!;
    let value: number | null;
    let unit: string | null;
    if (g.pct) {
      value = Number(g.pct);
      unit = "percent";
    } else {
      const num = Number((g.num ?? g.num2).replace(/,/g, ""));
      const scale = SCALE[(g.scale ?? g.scale2 ?? "").toLowerCase()] ?? 1;
      value = Number.isFinite(num) ? num * scale : null;
      unit = CURRENCY[(g.cur ?? g.cur2).toLowerCase()] ?? null;
    }
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], value, unit });
  }
  return out;
}
