// Every event has two parties: a missing target may come from the article's main partner of the source
// (where the rule allows); a candidate with one party, or the same party twice, is dropped.
import type { Knowledge, Recognition } from "../../knowledge/types.ts";
import type { EventType } from "../../store/types.ts";
import type { Candidate, Refiner } from "../candidate.ts";
import type { Actor, ArticleContext } from "../context.ts";

/** How far from a dated act the ledger's change of sides may lie: a switch is often announced, or takes
 * effect, a few days to a few weeks from the day the ledger gives it (Malawi: effective 28 Dec, told 14 Jan). */
const SWITCH_WINDOW_DAYS = 31;

/**
 * The government a state left (`before`) or took up (`after`) at the change of sides in the ledger nearest
 * to a day, within the window; null where the ledger has the state change sides at no time near it.
 */
function sideAtSwitch(
  k: Knowledge,
  state: string,
  day: string,
  side: "before" | "after",
): Recognition | null {
  const at = Date.parse(`${day}T12:00:00Z`);
  const periods = k.ledger(state);
  let best: { distance: number; side: Recognition } | null = null;
  for (let i = 1; i < periods.length; i++) {
    if (periods[i - 1].recognizes === periods[i].recognizes) continue; // a note in the ledger, not a switch
    const taken = side === "before" ? periods[i - 1].recognizes : periods[i].recognizes;
    if (taken === "NONE") continue;
    const distance = Math.abs(Date.parse(`${periods[i].from}T12:00:00Z`) - at);
    if (distance <= SWITCH_WINDOW_DAYS * 86400 * 1000 && (!best || distance < best.distance))
      best = { distance, side: taken };
  }
  return best?.side ?? null;
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
      // Where the ledger has the state change sides about then, it says whom a severance cut (the government
      // left) and whom new relations are with (the one taken up): "announced the break … recognizing the PRC"
      // cut Taipei; "Kiribati said it was cutting ties" names no one. Far from any switch, the text stands.
      if (!c.source || k.claimantOf(c.source.id) || !c.date || c.precision !== "day") continue;
      const side = sideAtSwitch(k, c.source.id, c.date, c.type === "SEVER_RELATIONS" ? "before" : "after");
      const id = side ? k.claimantState(side) : null;
      if (!id) continue;
      if (!c.target) c.target = { id, name: null, start: c.cueEnd, end: c.cueEnd, kind: "state" };
      else if (c.dateStated && k.claimantOf(c.target.id) && c.target.id !== id)
        c.target = { ...c.target, id };
    }
    return cands;
  },
};

/**
 * The state of an official the text does not name before the cue ("In Taipei, the foreign ministry said it
 * was breaking off relations with Malawi"): the state whose place opens the sentence, else the dateline's.
 */
function unnamedOfficial(ctx: ArticleContext, c: Candidate, officials: string[][]): Actor | null {
  const tokens = c.sentence.tokens.slice(0, c.cue.first).map((t) => t.norm);
  const official = officials.some((words) =>
    tokens.some((_, i) => words.every((w, j) => tokens[i + j] === w)),
  );
  if (!official) return null;
  const text = ctx.article.cleaned;
  const opener = ctx.actors[c.sentence.index].find((a) =>
    /^\s*In\s+$/.test(text.slice(c.sentence.start, a.start)),
  );
  const home = opener?.id ?? ctx.dateline;
  if (!home || home === c.target?.id || ctx.knowledge.state(home) === undefined) return null;
  return { id: home, name: null, start: c.cueStart, end: c.cueStart, kind: "state" };
}

const AID_TYPES: ReadonlySet<EventType> = new Set(["PLEDGE_AID", "PROVIDE_AID", "LOAN"]);

export const PartiesRefiner: Refiner = {
  name: "PartiesRefiner",
  refine(cands, ctx, lexicon, debug) {
    const officials = lexicon.roles.unnamed_officials.map((w) => w.split(" "));
    return cands.filter((c: Candidate) => {
      if (!c.source && c.target) c.source = unnamedOfficial(ctx, c, officials);
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
        // Nor is a third state's aid, told with no recipient, meant for a claimant the story names beside it
        // ("US$7 billion of American assistance" in a story about countering Beijing).
        const aid = AID_TYPES.has(c.type);
        const partner =
          inSentence?.id ??
          dateline ??
          leadActor ??
          ctx.partnerOf(c.source.id, (p) => !(claimant || aid) || !ctx.knowledge.claimantOf(p));
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
