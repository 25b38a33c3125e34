// Proposes one candidate per cue found in a sentence, with its parties placed as the rule says: the doer
// is the clause's subject (or the owner of a noun cue: "Japan's loan", "the U.S. arms sale", "a visit …
// by X"), the other party the nearest actor after the cue; places ("in Tokyo") are locations, not parties.
import { SYMMETRIC_TYPES } from "../../store/types.ts";
import type { Candidate, Extractor } from "../candidate.ts";
import type { Actor, ArticleContext } from "../context.ts";
import { type CueMatch, findCues } from "../cues.ts";
import type { Lexicon, Rule } from "../lexicon.ts";

const REPORTED = new Set(["said", "says", "told", "announced", "stated", "added", "insisted", "stressed"]);
const FIRST_PERSON = new Set(["we", "our", "i", "us", "my"]);
const STANCES = new Set(["EXPRESS_SUPPORT", "CRITICIZE", "WARN", "REQUEST"]);

const CLAUSE_BREAK = new Set([
  ";",
  ":",
  ",",
  "but",
  "while",
  "whereas",
  "although",
  "who",
  "which",
  "that",
  "—",
  "–",
  "(",
  ")",
]);

/** Offsets where the clauses before the cue begin, nearest first (each after a clause break). */
function clauseStarts(ctx: ArticleContext, sentenceIndex: number, firstToken: number): number[] {
  const toks = ctx.sentences[sentenceIndex].tokens;
  const starts: number[] = [];
  // "Gonsalves said Taiwan would give…": what follows a reporting verb is a clause with its own subject.
  for (let i = firstToken - 1; i >= 0; i--)
    if (CLAUSE_BREAK.has(toks[i].norm) || REPORTED.has(toks[i].norm)) starts.push(toks[i].end);
  starts.push(toks[0].start);
  return starts;
}

interface Sides {
  slot: Actor | null;
  before: Actor[]; // nearest first
  after: Actor[];
  inside: Actor[];
  places: Actor[];
}

function sides(ctx: ArticleContext, actors: Actor[], cueStart: number, cueEnd: number): Sides {
  const text = ctx.article.cleaned;
  // "in Tokyo", "at the UN": a state or city after "in"/"at" is where, not who ("in Taiwanese lending" is who).
  const isPlace = (a: Actor): boolean =>
    a.kind === "place" ||
    ((a.kind === "state" || a.kind === "capital") &&
      (a.start < cueStart || a.start >= cueEnd) &&
      (/\b(in|at)\s+(the\s+)?$/i.test(text.slice(Math.max(0, a.start - 8), a.start)) ||
        /\bFrom\s+$/.test(text.slice(Math.max(0, a.start - 6), a.start))) && // "From Majuro he flew…"
      // "at the U.S. House speaker's meeting": an owner, not a place
      !/^(\s+[\p{L}.-]+){0,3}['’]s\b/u.test(text.slice(a.end, a.end + 40)));
  const places = actors.filter(isPlace);
  const parties = actors.filter((a) => !isPlace(a));
  // What fills a cue's own slot ("landed in New York", "visit to Taiwan"): the name right after it.
  const slot =
    actors.find((a) => a.start >= cueEnd && /^\s*(the\s+)?$/i.test(text.slice(cueEnd, a.start))) ?? null;
  return {
    slot,
    before: parties.filter((a) => a.end <= cueStart).reverse(),
    after: parties.filter((a) => a.start >= cueEnd),
    inside: parties.filter((a) => a.start >= cueStart && a.end <= cueEnd),
    places,
  };
}

function nextKindOk(rule: Rule, s: Sides, text: string, cueEnd: number, titles: string[]): boolean {
  const next = s.after[0];
  // Close: right after the cue, or after a title ("meeting President Hilda Heine").
  const close =
    next !== undefined && /^\s*(the\s+)?(\p{Lu}[\p{L}.-]*\s+){0,3}$/u.test(text.slice(cueEnd, next.start));
  // "visiting Guatemala President": a state named before a title stands for its official.
  const titled =
    close &&
    next.kind === "state" &&
    titles.some((t) => text.slice(next.end + 1, next.end + 1 + t.length).toLowerCase() === t);
  // A surname or pronoun for a person counts as the person.
  const kind = titled
    ? "demonym"
    : close
      ? next.kind === "surname" || next.kind === "pronoun"
        ? "person"
        : next.kind
      : null;
  if (rule.only_if_next && !(kind && (rule.only_if_next as string[]).includes(kind))) return false;
  if (rule.unless_next && kind && (rule.unless_next as string[]).includes(kind)) return false;
  return true;
}

function parties(
  ctx: ArticleContext,
  rule: Rule,
  s: Sides,
  cue: CueMatch,
  cueStart: number,
  sentenceIndex: number,
): [Actor | null, Actor | null] {
  const text = ctx.article.cleaned;
  const gap = (a: Actor): string => text.slice(a.end, cueStart);
  const near = s.before[0];
  // The owner of a noun cue: "Japan's loan", "the U.S. House speaker's meeting", "Burkina Faso's move to sever",
  // "Tsai's promise of assistance".
  const possessive =
    near &&
    /^(\s*\([^)]{1,20}\))?(\s+[\p{L}.-]+){0,3}['’]s\s+(\([^)]{1,20}\)\s+)?((decision|move|step|bid|plan|vote|announcement|promise|pledge|offer)\s+(to|of)\s+)?$/u.test(
      gap(near),
    )
      ? near
      : near && /^['’]s\s*$/.test(gap(near))
        ? near
        : null;
  const adjacent = near && /^\s*(-\s*)?$/.test(gap(near)) ? near : null;
  // "thanked Nauru for promising to back…", "praised X for breaking ties": the one thanked did the act.
  const forDoing = near && /^\s+for\s+(\p{Ll}+ing\s+(to\s+)?)?$/u.test(gap(near)) ? near : null;
  // "a visit … by X", "the decision by X to cut ties": the agent named after "by".
  const byBefore = (a: Actor, floor: number): boolean =>
    /\bby\s+([\p{L}.-]+\s+){0,3}$/u.test(text.slice(Math.max(floor, a.start - 40), a.start));
  // Only acts told as nouns or decisions take an agent so; a stance's "by X" belongs to another noun.
  const takesAgent = !STANCES.has(rule.type) && rule.type !== "MEET";
  const agent = takesAgent
    ? (s.after.find((a) => byBefore(a, cueStart)) ??
      s.before.find((a) => byBefore(a, 0) && cueStart - a.end < 60) ??
      null)
    : null;
  const subject = subjectBefore(ctx, sentenceIndex, s.before, cue.first) ?? s.inside[0] ?? null;
  const cueEnd = ctx.sentences[sentenceIndex].tokens[cue.end - 1].end;

  // A stance told in the passive ("a session … denounced in advance by Beijing", "was criticized by Tokyo"):
  // the one after "by" holds the stance; the one it is about stands before.
  if (STANCES.has(rule.type) && /ed$/.test(text.slice(cueStart, cueEnd)) && s.after[0]) {
    const byAgent = /^\s+([\p{Ll}-]+\s+){0,3}by\s+(the\s+)?$/u.test(text.slice(cueEnd, s.after[0].start));
    if (byAgent) return [s.after[0], subject ?? s.before[0] ?? null];
  }

  // "a framework between Japan and Mercosur", "talks between Chinese Foreign Minister Li and his Grenadian
  // counterpart Nimrod": the two named after "between" (titles may stand before each) are the parties.
  // A demonym and the person it names ("Chinese … Li Zhaoxing") are one party.
  const a = s.after[0];
  const bi = a ? s.after.findIndex((x) => x.id !== a.id) : -1;
  if (
    a &&
    bi > 0 &&
    /^\s*([\p{L}-]+\s+){0,2}between\s+(the\s+)?([\p{L}.'’-]+\s+){0,3}$/u.test(text.slice(cueEnd, a.start)) &&
    /^\s*and\s+(the\s+|his\s+|her\s+|its\s+)?([\p{L}.'’-]+\s+){0,3}$/u.test(
      text.slice(s.after[bi - 1].end, s.after[bi].start),
    )
  )
    return [s.after[bi - 1], s.after[bi]];

  if (rule.compound_pair) {
    // "the Putin-Trump summit": two names joined right before the noun, or nothing.
    const other = s.before[1];
    if (!adjacent || !other || !/^\s*(-|and|&)\s*$/.test(text.slice(other.end, adjacent.start)))
      return [null, null];
    return [other, adjacent];
  }
  // A cue that names its object's slot ("met with", "visit to") takes its other party from there only.
  const slotted = /\b(with|to|in)$/.test(cue.cue.phrase);
  let source: Actor | null;
  let target: Actor | null = null;
  if (rule.source === "after") source = s.after[0] ?? s.inside[0] ?? null;
  else if (rule.compound_host && adjacent) {
    target = adjacent; // "Pena's Japan visit": the name against the noun is the host
    source = s.before.find((a) => a.id !== adjacent.id) ?? null;
  } else source = possessive ?? adjacent ?? forDoing ?? agent ?? subject;
  const other = (a: Actor): boolean => a.id !== source?.id && a !== agent;
  if (
    !target &&
    rule.target === "after" &&
    slotted &&
    s.slot &&
    s.slot.id !== source?.id &&
    rule.type === "VISIT"
  ) {
    target = s.slot; // "landed in New York": the city's state hosts, whatever names follow
  }
  if (!target && rule.target === "after") {
    // "welcomed the move to cut ties with Taiwan": the one after "with" is not the one welcomed.
    // …nor one named inside a relative clause after it ("a visit by Lai that has angered Beijing").
    const eligible = (a: Actor): boolean =>
      other(a) &&
      !(
        a.start > cueEnd &&
        /\b(that|which|who|whom)\s+(\S+\s+)?(has|have|had|is|are|was|were|will|would|angered|drew)\b/i.test(
          text.slice(cueEnd, a.start),
        )
      ) &&
      !(
        rule.skip_with_objects &&
        /\b(with|from)\s+([\p{L}'’.-]+\s+){0,2}$/u.test(text.slice(Math.max(0, a.start - 30), a.start))
      );
    target =
      (rule.target_inside ? s.inside.find(eligible) : undefined) ??
      s.after.find(eligible) ??
      s.inside.find(eligible) ??
      null;
    // "Tokyo will provide Asuncion with a loan": the receiver may stand between giver and gift.
    if (!target && rule.target_between && source)
      target = s.before.find((a) => other(a) && a.start > source!.end) ?? null;
  } else if (!target) target = s.before.find(other) ?? null;
  if (SYMMETRIC_TYPES.has(rule.type)) {
    // "China and Nauru on Wednesday signed…", "Wang Yi and Kiribati President Taneti Maamau signed…": two
    // subjects joined by "and" right before the cue are the two parties, whatever is named after it.
    const pair = joinedSubjects(text, s.before, cueStart);
    if (pair && !slotted) return pair;
    if (!slotted) target ??= s.before.find(other) ?? null;
    // "During a meeting with X, Y said…": the other party may be the subject of the main clause after it.
    if (target) source ??= s.after.find((a) => a.id !== target?.id) ?? null;
  }
  if (rule.type === "ESTABLISH_RELATIONS" && source && !target) target = s.before.find(other) ?? null;
  if (rule.needs_owner && !possessive && !adjacent && !agent) return [null, null];
  if (rule.type === "VISIT" && source && !target) target = s.places.find((a) => a.id !== source.id) ?? null;
  return [source, target];
}

/**
 * Two different actors joined by "and" (or "&") as the subject right before a cue, with nothing but a time
 * or a title between the second and the cue: [first, second]; else null.
 */
function joinedSubjects(text: string, before: Actor[], cueStart: number): [Actor, Actor] | null {
  const last = before[0];
  if (!last || /[,;:]|\b(that|which|who|when|after|before|while)\b/i.test(text.slice(last.end, cueStart)))
    return null;
  for (let i = 0; i < Math.min(before.length - 1, 3); i++) {
    const [second, first] = [before[i], before[i + 1]];
    if (!/^\s*(and|&)\s*$/i.test(text.slice(first.end, second.start))) continue;
    return first.id !== last.id ? [first, last] : null;
  }
  return null;
}

/** The subject of the word at `token`: the first actor of its clause, else of the nearest clause before it. */
const GOVERNED = /\b(from|in|to|at|into|toward|towards|via|near|across|through|during)\s+(the\s+)?$/i;

function subjectBefore(
  ctx: ArticleContext,
  sentenceIndex: number,
  before: Actor[],
  token: number,
): Actor | null {
  let end = ctx.sentences[sentenceIndex].tokens[token]?.start ?? Infinity;
  const tokens = ctx.sentences[sentenceIndex].tokens;
  const text = ctx.article.cleaned;
  // The object of a preposition is no subject ("On her way home from Belize she stopped…"), unless the clause
  // names no other.
  const governed = (a: Actor): boolean => GOVERNED.test(text.slice(Math.max(0, a.start - 12), a.start));
  for (const from of clauseStarts(ctx, sentenceIndex, token)) {
    // A clause that opens with a participle or a relative pronoun is an aside ("X, having met Y, said…").
    const opener = tokens.find((t) => t.start >= from)?.text ?? "";
    const aside =
      /^\p{Ll}\p{L}{2,}ing$/u.test(opener) || ["who", "which", "whose", "whom", "having"].includes(opener);
    const inClause = aside ? [] : before.filter((a) => a.start >= from && a.end <= end);
    const subject = inClause.filter((a) => !governed(a)).pop() ?? inClause.pop();
    if (subject) return subject;
    end = from;
  }
  return null;
}

function lastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}

/** The names joined to `first` by "and" or commas ("Guatemala and Belize", "X, Y and Z"). */
function coordinated(text: string, actors: Actor[], first: Actor | null): Actor[] {
  if (!first) return [];
  const out: Actor[] = [];
  let last = first;
  let closed = false; // a list joined by commas alone is no list ("to Taiwan, China's top diplomat said")
  for (const a of actors) {
    if (a.start < last.end) continue;
    const join = text.slice(last.end, a.start);
    if (!/^\s*(,(\s*and( then)?)?|and( then)?|&)\s*$/.test(join)) break;
    out.push(a);
    last = a;
    if (/and|&/.test(join)) closed = true;
  }
  return closed ? out : [];
}

export const CueExtractor: Extractor = {
  name: "CueExtractor",
  extract(ctx: ArticleContext, lexicon: Lexicon): Candidate[] {
    const out: Candidate[] = [];
    const text = ctx.article.cleaned;
    for (const s of ctx.sentences) {
      const all = ctx.actors[s.index];
      const actors = s.start < ctx.datelineEnd ? all.filter((a) => a.start >= ctx.datelineEnd) : all;
      if (actors.length === 0) continue; // no party, no event: skip the cue search
      for (const cue of findCues(s.tokens, lexicon)) {
        const rule = cue.cue.rule;
        const cueStart = s.tokens[cue.first].start;
        const cueEnd = s.tokens[cue.end - 1].end;
        const sd = sides(ctx, actors, cueStart, cueEnd);
        if (!nextKindOk(rule, sd, text, cueEnd, lexicon.roles.titles)) continue;
        const following = s.tokens[cue.end]?.norm;
        if (following && rule.unless_followed_by?.includes(following)) continue; // "signed off on"
        const preceding = s.tokens[cue.first - 1]?.norm;
        if (preceding && rule.unless_preceded_by?.includes(preceding)) continue; // "will be met with"
        // A noun cue ("scholarships", "donation") is an act only with a verb that gives it, or an owner.
        const verbs = rule.needs_verb;
        if (verbs && !s.tokens.slice(0, cue.first).some((t) => verbs.some((v) => t.norm.startsWith(v))))
          continue;
        const object = sd.inside[0] ?? sd.after[0];
        if (rule.target_claimant && !(object && ctx.knowledge.claimantOf(object.id))) continue;
        if (rule.needs_object && (!object || object.start - cueEnd > 25)) continue;
        let [source, target] = parties(ctx, rule, sd, cue, cueStart, s.index);
        // A stance reported in speech ("X said it was disappointed that…") is the speaker's.
        if (STANCES.has(rule.type) && rule.source === "before") {
          const say = lastIndex(s.tokens.slice(0, cue.first), (t) =>
            lexicon.modality.reporting.includes(t.norm),
          );
          // "X said … but stressed that…": a reporting verb joined by "but"/"and" shares the sentence's subject.
          const joined = say > 0 && ["but", "and"].includes(s.tokens[say - 1].norm);
          // "what Lin called …", "Wu said": a person named right before the reporting verb is its subject.
          const namedSayer =
            say > 0
              ? sd.before.find(
                  (a) =>
                    (a.kind === "person" || a.kind === "surname") &&
                    a.end <= s.tokens[say].start &&
                    /^\s*$/.test(text.slice(a.end, s.tokens[say].start)),
                )
              : undefined;
          const sayer =
            say <= 0
              ? null
              : (namedSayer ??
                (joined
                  ? (sd.before[sd.before.length - 1] ?? null)
                  : subjectBefore(ctx, s.index, sd.before, say)));
          // "It called Taiwan a reliable partner": the one named right after "called" is spoken of.
          const named =
            say >= 0 && s.tokens[say].norm === "called"
              ? sd.after.concat(sd.before).find((a) => /^\s*$/.test(text.slice(s.tokens[say].end, a.start)))
              : undefined;
          if (named && sayer && named.id !== sayer.id) target = named;
          if (sayer) {
            // "Wu said Beijing had lured Kiribati": the reported doer is the one the stance is about.
            const doer =
              sd.before
                .filter((a) => a.start >= s.tokens[say].end && a.end <= cueStart && a.id !== sayer.id)
                .pop() ?? null;
            if (doer && rule.type === "CRITICIZE") target = doer;
            else if (target?.id === sayer.id) target = source?.id !== sayer.id ? source : null;
            source = sayer;
          }
        }
        const quote = ctx.quotes.find((q) => q.start <= cueStart && cueEnd <= q.end) ?? null;
        const speaker = quote ? (ctx.speakers.get(quote) ?? null) : null;
        if (rule.subject_is_target?.includes(cue.cue.phrase)) {
          // "they are not playing by the rules," X said: the one spoken of is the target, the speaker the source.
          // Told as reported speech ("Chen told legislators that Senegal had cheated Taiwan"), the teller is the
          // first actor of the sentence.
          target = sd.before[0] ?? null;
          const teller = sd.before.at(-1);
          // "…will pay a heavy price, China's top diplomat said": the one who says so after the cue.
          const sayerAfter = sd.after.find(
            (a) =>
              a.id !== target?.id &&
              /^[\s\p{L}'’.-]{0,40}?\b(said|says|told|warned|stated|added)\b/u.test(
                text.slice(a.end, a.end + 50),
              ),
          );
          source =
            speaker ??
            sayerAfter ??
            (source && source.id !== target?.id ? source : null) ??
            (teller && teller.id !== target?.id ? teller : null);
        } else if (quote && speaker) {
          // Inside a quotation, "we"/"our"/"I" before the cue is the speaker: "We deeply appreciate X," the minister said.
          const firstPerson = s.tokens.some(
            (t) => t.start >= quote.start && t.end <= cueStart && FIRST_PERSON.has(t.norm),
          );
          if (!source || (firstPerson && (!source || source.start >= quote.start))) {
            if (target?.id === speaker.id) target = source;
            source = speaker;
          }
        }
        const base: Candidate = {
          rule,
          ruleId: rule.id,
          type: rule.type,
          sentence: s,
          cue,
          cueStart,
          cueEnd,
          source,
          target,
          location: sd.places[0] ? text.slice(sd.places[0].start, sd.places[0].end) : null,
          status: "occurred",
          statusMarked: false,
          date: null,
          precision: null,
          dateStated: false,
          amount: null,
          quote,
          confidence: 0.6,
        };
        out.push(base);
        // "visits to Guatemala and Belize": one act with each of the parties named together.
        for (const sibling of coordinated(text, actors, target)) {
          if (sibling.id !== source?.id && sibling.id !== target?.id) out.push({ ...base, target: sibling });
        }
      }
    }
    return out;
  },
};
