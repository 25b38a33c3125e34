// A denied act is not the act: "will not sever ties" is coded as what the rule says a denial means
// (support), beside the denied record itself.
import type { Refiner } from "../candidate.ts";

export const DenialRefiner: Refiner = {
  name: "DenialRefiner",
  refine(cands) {
    const extra = cands
      .filter((c) => c.status === "denied" && c.rule.when_denied)
      .map((c) => ({
        ...c,
        type: c.rule.when_denied!,
        ruleId: `${c.ruleId}/denied`,
        status: "occurred" as const,
      }));
    return [...cands, ...extra];
  },
};

/** Aid told as done rather than promised is PROVIDE_AID. */
export const DeliveredAidRefiner: Refiner = {
  name: "DeliveredAidRefiner",
  refine(cands) {
    for (const c of cands) if (c.status === "occurred" && c.rule.occurred_as) c.type = c.rule.occurred_as;
    return cands;
  },
};
