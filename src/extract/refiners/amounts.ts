// Attaches the amount a sentence gives (a loan's sum, aid's value, a percentage) to the events it codes.
import { findAmounts } from "../../text/amounts.ts";
import type { Refiner } from "../candidate.ts";

export const AmountRefiner: Refiner = {
  name: "AmountRefiner",
  refine(cands) {
    for (const c of cands) {
      const found = findAmounts(c.sentence.text);
      if (found.length) {
        const best = found.find((a) => a.unit !== "percent") ?? found[0];
        c.amount = { ...best, start: best.start + c.sentence.start, end: best.end + c.sentence.start };
      }
    }
    return cands;
  },
};
