// What the coder knows about one article while reading it: sentences, actor mentions (with people resolved
// to the state they served), quotes and their speakers, and the date the story last named.
import type { Knowledge, Mention } from "../knowledge/types.ts";
import type { Article } from "../store/types.ts";
import { type Quote, findQuotes } from "../text/quotes.ts";
import { type Sentence, type Token, splitSentences } from "../text/sentences.ts";

export interface Actor {
  /** State or IGO id. */
  id: string;
  /** The person or body named, when it was one. */
  name: string | null;
  start: number;
  end: number;
  kind: Mention["kind"] | "surname" | "pronoun";
}

export interface ArticleContext {
  article: Article;
  sentences: Sentence[];
  /** Actors in each sentence, in text order. */
  actors: Actor[][];
  quotes: Quote[];
  /** For each quote, the actor who said it, when the text names one. */
  speakers: Map<Quote, Actor>;
  /** The state the story is filed from, when a dateline opens it ("Taipei, Taiwan –", "TAIPEI (CNA) —"). */
  dateline: string | null;
  /** Where the dateline ends (0 without one): what it names is where the story is filed, not a party. */
  datelineEnd: number;
  /** The state each actor appears with most (among those `keep` accepts): the article's partner of that actor. */
  partnerOf(id: string, keep?: (other: string) => boolean): string | null;
  knowledge: Knowledge;
}

function personState(k: Knowledge, personId: string, date: string | null): string | null {
  const terms = k.termsOf(personId, date);
  const all = terms.length ? terms : k.termsOf(personId, null);
  if (all.length === 0) return null;
  return [...all].sort((a, b) => (b.from > a.from ? 1 : -1))[0].state;
}

/** A short name after a full one ("Dlamini" after "Thamie Dlamini"): the surname the data gives, or a guess. */
function surnameOf(k: Knowledge, personId: string, name: string): string {
  return k.surnameOf?.(personId) ?? guessSurname(name);
}

/** "Thamie Dlamini" → Dlamini; "Lin Chia-lung" → Lin (a hyphenated given name follows the surname). */
function guessSurname(name: string): string {
  const parts = name
    .replace(/(?<!\s)\s*-\s*/g, "-")
    .split(/\s+/)
    .filter((p, i, all) => i === 0 || i < all.length - 1 || !/^(Jr|Sr|II|III|IV)\.?$/.test(p));
  return /-/.test(parts[parts.length - 1]) && parts.length === 2 ? parts[0] : parts[parts.length - 1];
}

const fold = (s: string): string => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;
/** A token folded as `fold` would: an ASCII token's lower case is already its folded form. */
const foldWord = (t: Token): string => (ASCII.test(t.text) ? t.norm : fold(t.text));

export interface ContextWords {
  /** Words before a demonym that make it a region ("South American"). */
  regionWords: string[];
  /** Words of an official's title ("Foreign Minister", "ambassador to"), for names the data does not know. */
  titleWords: string[];
  /** After "the two", words that stand for the last two parties named ("the two presidents"). */
  pairWords?: string[];
}

/**
 * What may stand before a person who opens a sentence as its subject: capitalized words and possessives
 * ("Taiwan's Foreign Minister"), not an opening phrase ("Meeting President Heine, he said…", "In Taipei, …").
 */
const OPENING_NAME =
  /^(?!(?:\p{Lu}\p{Ll}+ing|In|At|On|After|Before|During|With|For|From|To|Meeting|Speaking|Welcoming)\b)(?:[\p{Lu}][\p{L}.-]*(?:['’]s)?\s+)*$/u;

/** "the two presidents|leaders|…", compiled once per word list (the coder passes the lexicon's own). */
const pairPatterns = new WeakMap<readonly string[], RegExp>();
function pairPattern(words: readonly string[]): RegExp {
  let re = pairPatterns.get(words);
  if (!re) pairPatterns.set(words, (re = new RegExp(`\\bthe two (${words.join("|")})\\b`, "gi")));
  return re;
}

/** How many sentences back "the two presidents" may reach for the two it means. */
const PAIR_REACH = 3;

/**
 * "The two presidents", "the two sides": the last two different parties (not places) named before, in this
 * sentence or the few before it; [] where fewer than two are.
 */
function lastTwo(actors: Actor[][], sentence: number, before: number): string[] {
  const ids: string[] = [];
  for (let i = sentence; i >= Math.max(0, sentence - PAIR_REACH) && ids.length < 2; i--) {
    const list = actors[i].filter((a) => a.kind !== "place" && (i < sentence || a.end <= before));
    for (let k = list.length - 1; k >= 0 && ids.length < 2; k--)
      if (!ids.includes(list[k].id)) ids.push(list[k].id);
  }
  return ids.length === 2 ? ids : [];
}

/**
 * Officials the reference data does not know, named with a state and a title: "Swazi Ambassador to Taiwan
 * Thamie Dlamini", "Chinese Foreign Minister Wang Yi". Their names are added as that state's people.
 */
function titledPeople(
  s: Sentence,
  list: Actor[],
  titles: Set<string>,
  taken: (a: number, b: number) => boolean,
): Actor[] {
  const found: Actor[] = [];
  for (const m of list) {
    if (m.kind !== "state" && m.kind !== "demonym" && m.kind !== "body") continue;
    let i = s.tokens.findIndex((t) => t.start >= m.end);
    let sawTitle = false;
    for (;;) {
      const t = s.tokens[i];
      if (i < 0 || !t) break;
      if (titles.has(t.norm) || (sawTitle && /^[’']s$/.test(t.norm))) {
        sawTitle = true;
        i++;
        continue;
      }
      // "Ambassador to Taiwan", "Minister of Foreign Affairs of Japan": a name inside the title.
      const inner = list.find((a) => a.start === t.start);
      if (sawTitle && inner && ["to", "of", "in"].includes(s.tokens[i - 1]?.norm ?? "")) {
        while (s.tokens[i] && s.tokens[i].start < inner.end) i++;
        continue;
      }
      break;
    }
    if (!sawTitle || i < 0) continue;
    const run: Token[] = [];
    while (i < s.tokens.length && run.length < 5) {
      const t = s.tokens[i];
      const name = /^\p{Lu}[\p{L}’'.]*$/u.test(t.text) || (t.text === "-" && run.length > 0);
      if (!name || titles.has(t.norm) || taken(t.start, t.end)) break;
      run.push(t);
      i++;
    }
    while (run.length && run[run.length - 1].text === "-") run.pop();
    if (run.filter((t) => t.text !== "-").length < 2) continue;
    const start = run[0].start;
    const end = run[run.length - 1].end;
    found.push({ id: m.id, name: s.text.slice(start - s.start, end - s.start), start, end, kind: "person" });
  }
  return found;
}

/**
 * "Dominican Prime Minister Roosevelt Skerrit": where the data knows the person, the state they serve on the
 * day is the one meant, and a demonym before their title that reads as another state (Dominica and the
 * Dominican Republic share "Dominican") is dropped rather than counted as a second party.
 */
function dropDemonymsOfPeople(text: string, list: Actor[], titles: Set<string>): void {
  for (const p of list.filter((a) => a.kind === "person")) {
    const i = list.findIndex(
      (d) =>
        d.kind === "demonym" &&
        d.id !== p.id &&
        d.end <= p.start &&
        text
          .slice(d.end, p.start)
          .split(/\s+/)
          .every((w) => w === "" || titles.has(w.toLowerCase())),
    );
    if (i >= 0) list.splice(i, 1);
  }
}

export function buildContext(
  article: Article,
  knowledge: Knowledge,
  words: ContextWords = { regionWords: [], titleWords: [] },
): ArticleContext {
  const { regionWords } = words;
  const pairPhrase = words.pairWords?.length ? pairPattern(words.pairWords) : null;
  const titles = new Set(words.titleWords.map((w) => w.toLowerCase()));
  const text = article.cleaned;
  const sentences = splitSentences(text);
  // "South American country" names a region, not the United States.
  const region = new RegExp(`\\b(${regionWords.join("|") || "(?!)"})[\\s-]$`, "i");
  const mentions = knowledge
    .findMentions(text)
    .filter((m) => m.kind !== "demonym" || !region.test(text.slice(Math.max(0, m.start - 8), m.start)))
    .filter((m) => text[m.end] !== "$") // "US$300,000" is money, not the United States
    .filter((m) => !/\bone-$/i.test(text.slice(Math.max(0, m.start - 4), m.start))) // "the one-China principle"
    .filter((m) => !/^-\p{Ll}/u.test(text.slice(m.end, m.end + 2))); // "UN-centered", "US-led": a modifier
  const surnames = new Map<string, { id: string; name: string }>();
  const actors: Actor[][] = sentences.map(() => []);
  let mi = 0;
  let lastPerson: Actor | null = null;
  for (const s of sentences) {
    const list = actors[s.index];
    while (mi < mentions.length && mentions[mi].start < s.start) mi++;
    const here: Mention[] = [];
    while (mi < mentions.length && mentions[mi].start < s.end) here.push(mentions[mi++]);
    const covered = (a: number, b: number): boolean => here.some((m) => m.start < b && a < m.end);
    for (const m of here) {
      const name = text.slice(m.start, m.end);
      if (m.kind === "person" && m.personId) {
        const state = personState(knowledge, m.personId, article.published);
        if (!state) continue;
        surnames.set(fold(surnameOf(knowledge, m.personId, name)), { id: state, name });
        list.push({ id: state, name, start: m.start, end: m.end, kind: "person" });
      } else if (m.actor) list.push({ id: m.actor, name: null, start: m.start, end: m.end, kind: m.kind });
    }
    dropDemonymsOfPeople(text, list, titles);
    for (const p of titledPeople(s, [...list], titles, covered)) {
      list.push(p);
      surnames.set(fold(guessSurname(p.name!)), { id: p.id, name: p.name! });
    }
    const seen = (a: number, b: number): boolean =>
      covered(a, b) || list.some((x) => x.start < b && a < x.end);
    // Short references to people already named in full, and "he"/"she" for the last person named. Only the
    // few tokens that could be one are checked against the names already found.
    for (let ti = 0; ti < s.tokens.length; ti++) {
      const t = s.tokens[ti];
      const known = surnames.size && /^\p{Lu}/u.test(t.text) ? surnames.get(foldWord(t)) : undefined;
      // "It said…", or after an opening phrase: "In a statement, it said…".
      const it =
        !known &&
        (t.text === "It" ||
          t.text === "They" ||
          ((t.text === "it" || t.text === "they") && s.tokens[ti - 1]?.text === "," && ti <= 6));
      const pronoun =
        !known &&
        !it &&
        (t.norm === "he" ||
          t.norm === "she" ||
          t.text === "His" ||
          t.text === "Her" ||
          (t.norm === "president" && s.tokens[ti - 1]?.norm === "the"));
      if (!known && !it && !pronoun) continue;
      if (seen(t.start, t.end)) continue;
      if (known) list.push({ id: known.id, name: known.name, start: t.start, end: t.end, kind: "surname" });
      else if (it) {
        // "It said…": the body or state that spoke in the sentence before.
        const next = s.tokens[ti + 1]?.norm ?? "";
        const before = actors[s.index - 1]?.find((a) => a.kind !== "place");
        if (before && /^(said|says|added|stressed|warned|told|noted|stated|called)$/.test(next))
          list.push({ ...before, start: t.start, end: t.end, kind: "pronoun" });
      } else {
        // "Pena said he…": a person who speaks earlier in the sentence; else the last person of the sentences
        // before ("Meeting President Heine, he said…" is not Heine).
        const earlier = [...list]
          .reverse()
          .find((a) => a.end <= t.start && (a.kind === "person" || a.kind === "surname"));
        const spoke =
          earlier &&
          /\b(said|says|told|added|adding|stressed|noted)\b/.test(text.slice(earlier.end, t.start));
        // "Taiwan's Foreign Minister James Huang flew in …, and on Tuesday he…": the sentence's own subject.
        const opensSentence =
          earlier &&
          OPENING_NAME.test(text.slice(s.start, earlier.start)) &&
          !/[.;:]/.test(text.slice(earlier.end, t.start));
        const who = (spoke || opensSentence ? earlier : null) ?? lastPerson ?? earlier;
        if (who) list.push({ ...who, start: t.start, end: t.end, kind: "pronoun" });
      }
    }
    if (pairPhrase && /\btwo\b/i.test(s.text))
      for (const m of s.text.matchAll(pairPhrase)) {
        const start = s.start + m.index;
        const end = start + m[0].length;
        if (seen(start, end)) continue;
        for (const id of lastTwo(actors, s.index, start))
          list.push({ id, name: null, start, end, kind: "pronoun" });
      }
    list.sort((a, b) => a.start - b.start);
    // "He and his delegation will attend Pena's inauguration": a "he" who opens the sentence stays the one
    // followed, before a person named later in it.
    const people = list.filter(
      (a) => a.kind === "person" || a.kind === "surname" || (a.kind === "pronoun" && a.name !== null),
    );
    if (people.length) lastPerson = people[0];
  }
  const quotes = findQuotes(text);
  const speakers = attributeQuotes(text, quotes, actors.flat());
  const pairs = new Map<string, Map<string, number>>();
  for (const list of actors) {
    const ids = [...new Set(list.filter((a) => a.kind !== "place").map((a) => a.id))];
    for (const a of ids)
      for (const b of ids) {
        if (a === b) continue;
        const m = pairs.get(a) ?? new Map<string, number>();
        m.set(b, (m.get(b) ?? 0) + 1);
        pairs.set(a, m);
      }
  }
  const partnerOf = (id: string, keep: (other: string) => boolean = () => true): string | null => {
    const m = pairs.get(id);
    if (!m) return null;
    const ranked = [...m.entries()]
      .filter(([other]) => keep(other))
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    return ranked[0]?.[0] ?? null;
  };

  const first = actors[0]?.[0];
  const opening =
    first && first.start < 40
      ? /^[^.!?]{0,40}?\s[-–—]{1,2}\s|^[^.!?]{0,40}\)\s*[-–—]\s*/.exec(text.slice(0, first.end + 45))
      : null;
  const dateline = opening && first ? first.id : null;
  const datelineEnd = opening ? opening[0].length : 0;
  return { article, sentences, actors, quotes, speakers, partnerOf, dateline, datelineEnd, knowledge };
}

const SAID =
  /^\W{0,3}\s*(?:[\p{L}\s.'’-]{0,60}?)\b(said|says|stated|told|added|noted|stressed|warned|wrote|emphasized|declared)\b/u;
const SAID_BEFORE = /\b(said|says|stated|told [\p{L} ]{1,30}|added|declared)[,:]?\s*$/u;

/** Who said each quote: the actor in "…," X said / X said, "…" next to it; a quote that follows an
 * attributed one closely, with no speaker of its own, continues it. */
function attributeQuotes(text: string, quotes: Quote[], actors: Actor[]): Map<Quote, Actor> {
  const out = new Map<Quote, Actor>();
  let prev: { quote: Quote; speaker: Actor } | null = null;
  for (const q of quotes) {
    const found = speakerOf(text, q, actors);
    if (found) {
      out.set(q, found);
      prev = { quote: q, speaker: found };
    } else if (prev && q.start - prev.quote.end < 60) out.set(q, prev.speaker);
  }
  return out;
}

function speakerOf(text: string, q: Quote, actors: Actor[]): Actor | null {
  {
    const after = text.slice(q.end, q.end + 80);
    const m = SAID.exec(after);
    if (m) {
      const speaker = actors.find(
        (a) => a.start >= q.end && a.start < q.end + m.index + m[0].length + 40 && a.kind !== "state",
      );
      if (speaker) return speaker;
    }
    const before = text.slice(Math.max(0, q.start - 80), q.start);
    if (SAID_BEFORE.test(before))
      return [...actors].reverse().find((a) => a.end <= q.start && a.end > q.start - 80) ?? null;
  }
  return null;
}
