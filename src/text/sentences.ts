// Sentences and tokens with negation, from wink-nlp; offsets into the text given.
/* eslint-disable @typescript-eslint/unbound-method -- wink's its.* helpers are plain functions, not methods */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

export interface Token {
  /** The token as written. */
  text: string;
  /** Lower case, for matching. */
  norm: string;
  start: number;
  end: number;
  negated: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  /** Index of the sentence in its article. */
  index: number;
}

// No "pos": nothing reads a part of speech, and tagging took about a sixth of wink's time.
const nlp = winkNLP(model, ["sbd", "negation"]);
const its = nlp.its;

/**
 * Splits text into sentences. A line break always ends a sentence (wink joins lines, and cleaned text keeps
 * one paragraph per line), so each line goes to the library on its own.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim()) sentencesOfLine(line, lineStart, out);
    lineStart = lineEnd + 1;
  }
  return out;
}

/**
 * Runs of more than 200 non-space characters are not given to wink as words. Its model tests each unknown word with
 * /[a-z].*\.$/i, which takes time in the square of the word's length: a page with no spaces (base64, a
 * mangled scrape) of 200,000 characters took a minute. Such runs are not words: wink gets spaces of the same
 * length in their place (so every offset holds), and they have no tokens.
 */
const LONG_RUN = /(?<!\S)\S{201,}/g;

/**
 * Tokens in one sentence at most; a longer run (a page with no full stops) is cut into sentences of this
 * many. News sentences stay under 150 tokens, and the coder compares the names within a sentence pairwise:
 * a "sentence" of 40,000 tokens took it minutes.
 */
const MAX_SENTENCE_TOKENS = 400;

/** A hyphen between two letters inside a token, and the parts such a token is cut into. */
const INNER_HYPHEN = /\p{L}-\p{L}/u;
const HYPHEN_PARTS = /[^-]+|-/g;

function sentencesOfLine(line: string, base: number, out: Sentence[]): void {
  // A line of 200 characters or fewer has no room for such a run: spare it the regex.
  const read = line.length > 200 ? line.replace(LONG_RUN, (m) => " ".repeat(m.length)) : line;
  const doc = nlp.readDoc(read);
  // Whole columns at once: wink builds an item object per token for each(), which cost more than reading.
  const column = doc.tokens();
  const values = column.out();
  const negated = column.out(its.negationFlag) as boolean[];
  const tokens: Token[] = [];
  // Where each of wink's tokens begins among ours: a word wink keeps whole with a hyphen inside
  // ("re-established") is three of ours, as the lexicon's cues are written ("re - establish*").
  const firstOf = new Array<number>(values.length + 1);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    // wink keeps the text as written; find each token from where the last one ended.
    const at = read.indexOf(value, cursor);
    const start = at < 0 ? cursor : at;
    cursor = start + value.length;
    firstOf[i] = tokens.length;
    const neg = negated[i] === true;
    if (value.length > 2 && value.includes("-") && INNER_HYPHEN.test(value)) {
      for (const m of value.matchAll(HYPHEN_PARTS)) {
        const part = m[0];
        const from = base + start + m.index;
        tokens.push({
          text: part,
          norm: part.toLowerCase(),
          start: from,
          end: from + part.length,
          negated: neg,
        });
      }
    } else
      tokens.push({
        text: value,
        norm: value.toLowerCase(),
        start: base + start,
        end: base + cursor,
        negated: neg,
      });
  }
  firstOf[values.length] = tokens.length;
  for (const [winkFirst, winkLast] of doc.sentences().out(its.span) as Array<[number, number]>) {
    const toks = tokens.slice(firstOf[winkFirst], firstOf[winkLast + 1]);
    if (toks.length === 0) continue;
    // No sentence of news begins in lower case: "(R-Calif.) hosted…" is the same sentence, cut at an abbreviation.
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.end >= base &&
      /^\p{Ll}/u.test(toks[0].text) &&
      prev.tokens.length + toks.length <= MAX_SENTENCE_TOKENS
    ) {
      const end = toks[toks.length - 1].end;
      prev.tokens.push(...toks);
      prev.end = end;
      prev.text = line.slice(prev.start - base, end - base);
      continue;
    }
    for (let i = 0; i < toks.length; i += MAX_SENTENCE_TOKENS) {
      const part = toks.slice(i, i + MAX_SENTENCE_TOKENS);
      const start = part[0].start;
      const end = part[part.length - 1].end;
      out.push({ start, end, text: line.slice(start - base, end - base), tokens: part, index: out.length });
    }
  }
}
