// Sets status from the words before a cue (will, pledged → pledged; not, never → denied) and drops what the
// text only supposes (if, could, explore, persuading…) or recalls as habit (such as, typically…).
import type { Token } from "../../text/sentences.ts";
import type { Candidate, Refiner } from "../candidate.ts";
import { phrasesOf } from "../phrases.ts";

const WINDOW = 8;
/** A promise governs a long complement ("pledged to strengthen … and provide training"). */
const WIDE = 24;

const CLAUSE_END = new Set([";", "but", "while", "whereas", "although", "—", "–", ":"]);

/** "May" beside a number ("May 14", "14 May") names the month. */
const isMonthMay = (toks: readonly Token[], i: number): boolean =>
  toks[i].text === "May" && (/^\d/.test(toks[i + 1]?.text ?? "") || /^\d/.test(toks[i - 1]?.text ?? ""));

function windowBefore(c: Candidate, size = WINDOW): string[] {
  const toks = c.sentence.tokens;
  const words: string[] = [];
  for (let i = c.cue.first - 1; i >= 0 && words.length < size; i--) {
    if (CLAUSE_END.has(toks[i].norm)) break;
    if (isMonthMay(toks, i)) continue; // "May 14" is a date, not a supposition
    words.unshift(toks[i].norm);
  }
  return words;
}

export const ModalityRefiner: Refiner = {
  name: "ModalityRefiner",
  refine(cands, _ctx, lexicon, debug) {
    const m = lexicon.modality;
    // Compiled once per lexicon (kept beside its lists), not once per article or candidate.
    const pledged = phrasesOf(m.pledged);
    const negation = phrasesOf(m.negation);
    const hypothetical = phrasesOf(m.hypothetical);
    const background = phrasesOf(m.background);
    const backgroundAfter = phrasesOf(m.background_after);
    const cancelled = phrasesOf(m.cancelled);
    const pledgedAfter = phrasesOf(m.pledged_after);
    return cands.filter((c) => {
      const win = windowBefore(c);
      const cueWords = c.sentence.tokens.slice(c.cue.first, c.cue.end).map((t) => t.norm);
      const all = c.sentence.tokens.slice(0, c.cue.first).map((t) => t.norm);
      // Habit words before the cue anywhere in the sentence; a few ("several times") also in its own clause after.
      const after: string[] = [];
      for (const t of c.sentence.tokens.slice(c.cue.end)) {
        if (CLAUSE_END.has(t.norm) || t.norm === ",") break;
        after.push(t.norm);
      }
      if (background.inWords(all) || backgroundAfter.inWords(after)) {
        debug?.(c, "background or habit (such as, typically…)");
        return false;
      }
      // "said it would…" is reported future, a commitment; a bare "would" supposes.
      const reported = win.includes("would") && all.some((w) => m.reporting.includes(w));
      const doubt = hypothetical.inWords(reported ? win.filter((w) => w !== "would") : win);
      if (reported) c.statusMarked = true;
      // A condition reaches to the end of its clause group: "Whether X will attend … is unknown; his presence is…".
      const sinceSemicolon = all.slice(all.lastIndexOf(";") + 1);
      const conditional = sinceSemicolon.some((w) => w === "if" || w === "whether" || w === "unless");
      // "since X and Y agreed a pact in April": looked back on from a later act.
      if (windowBefore(c, WIDE).includes("since")) {
        debug?.(c, "recalled after 'since'");
        return false;
      }
      if (doubt || conditional) {
        debug?.(c, `hypothetical or attempted, not done (${win.join(" ")})`);
        return false;
      }
      // A cue that is itself negative ("not playing by the rules") is not a denial of anything.
      const plan = reported || pledged.inWords(windowBefore(c, WIDE)) || pledgedAfter.inWords(after);
      const negativeCue = negation.inWords(cueWords);
      const negatedCue =
        !negativeCue &&
        c.sentence.tokens.slice(c.cue.first, c.cue.end).some((t) => t.negated && t.norm !== "not");
      if (!negativeCue && (negation.inWords(win) || negatedCue)) {
        c.status = "denied";
        c.statusMarked = true;
      } else if (plan) {
        // A warning tells of what is to come: the telling is the act ("said Taiwan would pay a price").
        if (c.type !== "WARN") c.status = "pledged";
        c.statusMarked = true;
      }
      // A plan called off will not happen: "called off a meeting with…", "was due to fly …, but the trip was
      // cancelled".
      const calledOff =
        cancelled.inWords(win) ||
        (c.status === "pledged" && cancelled.inWords(c.sentence.tokens.slice(c.cue.end).map((t) => t.norm)));
      if (calledOff) {
        c.status = "denied";
        c.statusMarked = true;
      }
      // Infinitive governed by a verb that is not a commitment ("to switch" after "persuading"): no act.
      const prev = c.sentence.tokens[c.cue.first - 1]?.norm;
      const governor = c.sentence.tokens[c.cue.first - 2]?.norm ?? "";
      if (prev === "to" && !plan && c.status !== "pledged" && !m.stance_infinitive.includes(governor)) {
        debug?.(c, "infinitive without a commitment");
        return false;
      }
      return true;
    });
  },
};
