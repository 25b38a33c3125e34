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
  refine(cands, _ctx, lexicon) {
    const handedOver = new Set(lexicon.modality.delivery);
    for (const c of cands) {
      if (c.status !== "occurred" || !c.rule.occurred_as) continue;
      if (c.sentence.tokens.slice(0, c.cue.end).some((t) => handedOver.has(t.norm)))
        c.type = c.rule.occurred_as;
      else c.status = "pledged"; // aid announced, approved or on offer is a promise until handed over
    }
    return cands;
  },
};
