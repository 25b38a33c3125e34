// Dates each candidate from its own sentence when the sentence names a date, else from the date the story
// last named, else from the publication date (then marked as inferred, not stated).
import { anchorDate, anchorEnd, findDates, type DateMatch } from "../../text/dates.ts";
import type { Candidate, Refiner } from "../candidate.ts";

export const DateRefiner: Refiner = {
  name: "DateRefiner",
  refine(cands, ctx, _lexicon, debug) {
    if (cands.length === 0) return cands;
    // The story's date only matters up to the last sentence with a candidate: read no further.
    const last = Math.max(...cands.map((c) => c.sentence.index));
    const published = ctx.article.published;
    const anchor = anchorDate(published);
    const end = anchorEnd(published);
    const bySentence: DateMatch[][] = [];
    const storyAt: Array<{ date: string; precision: DateMatch["precision"] } | null> = [];
    // The story's date: a day it names holds until another is named; a month or year ("in July") only
    // carries into the next sentence, since it is more often a look back than the story's own time.
    type Dated = { date: string; precision: DateMatch["precision"] };
    let story: Dated | null = null;
    let storyDay: Date | null = null; // story's date as a Date, parsed once per change
    let local: (Dated & { sentence: number }) | null = null;
    for (const s of ctx.sentences.slice(0, last + 1)) {
      storyAt[s.index] = local && local.sentence === s.index - 1 ? local : story;
      // Dates inside quotations are rhetoric more often than record ("Tomorrow, it could be Japan").
      const found: DateMatch[] = findDates(s.text, anchor, storyDay, end)
        .map((d) => ({ ...d, start: d.start + s.start, end: d.end + s.start }))
        .filter((d) => !ctx.quotes.some((q) => q.start <= d.start && d.end <= q.end));
      bySentence[s.index] = found;
      const named: DateMatch | undefined = found.find((d) => !d.anaphoric && d.precision !== "year");
      // A day far from the page's date is a look back ("after Pelosi visited on Aug. 2"): it dates its own
      // sentence and the next, but does not become the story's date.
      const unsure = ctx.article.dateConfidence < 0.6; // a page header may be the day the page was read
      const near =
        named &&
        (!anchor ||
          unsure ||
          Math.abs(anchorDate(named.date)!.getTime() - anchor.getTime()) <= 21 * 86400 * 1000);
      if (named?.precision === "day" && near) {
        story = { date: named.date, precision: named.precision };
        storyDay = anchorDate(story.date);
      } else if (named && named.precision !== "day")
        local = { date: named.date, precision: named.precision, sentence: s.index };
    }
    const text = ctx.article.cleaned;
    // A date after the cue counts only inside the cue's clause: "donated … to help victims of the quake that
    // struck late last month" dates the quake, not the gift.
    const sameClause = (c: Candidate, d: DateMatch): boolean =>
      d.start < c.cueStart ||
      !/;|\b(that|which|who|when|after|before|since|following)\b/.test(text.slice(c.cueEnd, d.start));
    // An act told as what comes after or before the main clause's ("landed in New York on March 29 … ahead
    // of visits to Guatemala and Belize", "signed on Wednesday, nine days after the island broke with
    // Taiwan") is not dated by that clause; a date of its own, after the cue, still counts.
    const otherTime =
      /\b(ahead of|prior to|in preparation for|before|after|since|following)\s+([^\s,;]+\s+){0,4}$/i;
    // An undated act told as what came before the main clause ("after the two sides struck a deal") is
    // background recalled in passing, not news.
    const looksBack = /\b(after|since|following)\s+([^\s,;]+\s+){0,4}$/i;
    const background = new Set<Candidate>();
    for (const c of cands) {
      const lead = text.slice(Math.max(c.sentence.start, c.cueStart - 60), c.cueStart);
      const ahead = otherTime.test(lead);
      const here = bySentence[c.sentence.index].filter(
        (d) => sameClause(c, d) && (!ahead || d.start > c.cueStart),
      );
      if (ahead && !here.length) {
        // undated: the story's date is the main clause's
        if (looksBack.test(lead)) background.add(c);
        continue;
      }
      if (here.length) {
        const nearest = [...here].sort(
          (a, b) => Math.abs(a.start - c.cueStart) - Math.abs(b.start - c.cueStart),
        )[0];
        c.date = nearest.date;
        c.precision = nearest.precision;
        c.dateStated = true;
      } else if (storyAt[c.sentence.index]) {
        c.date = storyAt[c.sentence.index]!.date;
        c.precision = storyAt[c.sentence.index]!.precision;
      } else if (published) {
        c.date = published;
        c.precision = ctx.article.datePrecision;
      }
    }
    if (background.size === 0) return cands;
    return cands.filter((c) => {
      if (background.has(c)) debug?.(c, "undated act looked back on (after, since, following)");
      return !background.has(c);
    });
  },
};
