// Every event has two parties: a missing target may come from the article's main partner of the source
// (where the rule allows); a candidate with one party, or the same party twice, is dropped.
import type { Knowledge } from "../../knowledge/types.ts";
import type { Candidate, Refiner } from "../candidate.ts";

/** What a state recognized the day before (-1) or after (+1) a day. */
function recognitionAround(k: Knowledge, state: string, day: string, offset: number): string {
  const other = new Date(Date.parse(`${day}T12:00:00Z`) + offset * 86400 * 1000).toISOString().slice(0, 10);
  return k.recognitionOf(state, other);
}

/** How far from a dated act the ledger's change of sides may lie (reports come days before or after). */
const SWITCH_WINDOW_DAYS = 14;

/** Whether the ledger has the state start recognizing someone else within the window around a day. */
function switchedNear(k: Knowledge, state: string, day: string): boolean {
  const at = Date.parse(`${day}T12:00:00Z`);
  return k
    .ledger(state)
    .slice(1)
    .some((p) => Math.abs(Date.parse(`${p.from}T12:00:00Z`) - at) <= SWITCH_WINDOW_DAYS * 86400 * 1000);
}

/**
 * Recognition runs from a state to one of the two governments that claim China. Where the text leaves the
 * order open ("X and Beijing signed a communiqué establishing ties") the claimant is the target; where it
 * names no other party ("Kiribati said it was cutting ties"), the ledger says whom the state recognized
 * before (for a severance) or after (for new relations) the act's date.
 */
export const RecognitionRefiner: Refiner = {
  name: "RecognitionRefiner",
  refine(cands, ctx) {
    const k = ctx.knowledge;
    const claimantId = (r: string): string | null =>
      k.states().find((s) => k.claimantOf(s.id) === r)?.id ?? null;
    for (const c of cands) {
      if (c.type !== "ESTABLISH_RELATIONS" && c.type !== "SEVER_RELATIONS") continue;
      if (
        c.type === "ESTABLISH_RELATIONS" &&
        c.source &&
        c.target &&
        k.claimantOf(c.source.id) &&
        !k.claimantOf(c.target.id)
      )
        [c.source, c.target] = [c.target, c.source];
      // Neither claimant recognizes the other: "X's cabinet approved a resolution recognizing Beijing", told by
      // Taipei, names the switcher only as the article's partner of the claimants.
      if (c.source && c.target && k.claimantOf(c.source.id) && k.claimantOf(c.target.id)) {
        const switcher = [c.target.id, c.source.id]
          .map((id) => ctx.partnerOf(id, (p) => !k.claimantOf(p)))
          .find(Boolean);
        if (!switcher) continue;
        c.source = { id: switcher, name: null, start: c.cueStart, end: c.cueStart, kind: "state" };
        c.target = null;
      }
      // A severance from the government the state did not recognize, or relations with the one it already
      // did, is the other claimant: the ledger knows which ("announced the break … recognizing the PRC").
      if (
        c.source &&
        c.target &&
        c.dateStated &&
        !k.claimantOf(c.source.id) &&
        k.claimantOf(c.target.id) &&
        c.date &&
        c.precision === "day"
      ) {
        const held = recognitionAround(k, c.source.id, c.date, c.type === "SEVER_RELATIONS" ? -1 : 1);
        const id = held === "NONE" ? null : claimantId(held);
        if (id && id !== c.target.id) c.target = { ...c.target, id };
      }
      // Only where the ledger has the state changing sides about then: relations "established" by a state
      // that has recognized the same government for decades are relations with someone else.
      if (
        c.source &&
        !c.target &&
        !k.claimantOf(c.source.id) &&
        c.date &&
        c.precision === "day" &&
        switchedNear(k, c.source.id, c.date)
      ) {
        const r = recognitionAround(k, c.source.id, c.date, c.type === "SEVER_RELATIONS" ? -1 : 1);
        const id = r === "NONE" ? null : claimantId(r);
        if (id) c.target = { id, name: null, start: c.cueEnd, end: c.cueEnd, kind: "state" };
      }
    }
    return cands;
  },
};

export const PartiesRefiner: Refiner = {
  name: "PartiesRefiner",
  refine(cands, ctx, _lexicon, debug) {
    return cands.filter((c: Candidate) => {
      const fallback = c.rule.target_fallback;
      if (c.source && !c.target && fallback === "speaker" && c.quote) {
        const speaker = ctx.speakers.get(c.quote);
        if (speaker && speaker.id !== c.source.id) c.target = speaker;
      }
      if (c.source && !c.target && fallback === "place") {
        // A visit with no destination named: the place the story is filed from.
        const place = ctx.dateline && ctx.dateline !== c.source.id ? ctx.dateline : null;
        if (place) c.target = { id: place, name: null, start: c.cueEnd, end: c.cueEnd, kind: "state" };
      }
      if (c.source && !c.target && fallback === "context") {
        // First another party of the same sentence, else the article's main partner of the source.
        const text = ctx.article.cleaned;
        const tiedUp = (start: number): boolean =>
          !!c.rule.skip_with_objects &&
          /\b(with|from)\s+([\p{L}'’.-]+\s+){0,2}$/u.test(text.slice(Math.max(0, start - 30), start));
        const inSentence = ctx.actors[c.sentence.index].find(
          (a) => a.id !== c.source!.id && a.kind !== "place" && !tiedUp(a.start),
        );
        const dateline = ctx.dateline && ctx.dateline !== c.source.id ? ctx.dateline : null;
        // The article's first actor (the lede's subject) before its co-occurrence partner.
        const lede = ctx.actors.flat().find((a) => a.kind !== "place")?.id;
        const leadActor = lede && lede !== c.source.id && !ctx.knowledge.claimantOf(lede) ? lede : null;
        // A claimant's partner is not the other claimant (Beijing commending a switch commends the switcher).
        const claimant = ctx.knowledge.claimantOf(c.source.id);
        const partner =
          inSentence?.id ??
          dateline ??
          leadActor ??
          ctx.partnerOf(c.source.id, (p) => !claimant || !ctx.knowledge.claimantOf(p));
        if (partner) c.target = { id: partner, name: null, start: c.cueEnd, end: c.cueEnd, kind: "state" };
      }
      if (!c.source || !c.target) {
        debug?.(c, `missing ${c.source ? "target" : "source"}`);
        return false;
      }
      if (c.source.id === c.target.id) {
        debug?.(c, "source and target are the same actor");
        return false;
      }
      return true;
    });
  },
};
