// Sentences and tokens with part of speech and negation, from wink-nlp; offsets into the text given.
/* eslint-disable @typescript-eslint/unbound-method -- wink's its.* helpers are plain functions, not methods */
import winkNLP, { type ItemToken } from "wink-nlp";
import model from "wink-eng-lite-web-model";

export interface Token {
  /** The token as written. */
  text: string;
  /** Lower case, for matching. */
  norm: string;
  start: number;
  end: number;
  pos: string;
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

const nlp = winkNLP(model, ["sbd", "negation", "pos"]);
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

function sentencesOfLine(line: string, base: number, out: Sentence[]): void {
  const doc = nlp.readDoc(line);
  const tokens: Token[] = [];
  let cursor = 0;
  doc.tokens().each((t: ItemToken) => {
    const value = t.out(its.value);
    // wink keeps the text as written; find each token from where the last one ended.
    const at = line.indexOf(value, cursor);
    const start = at < 0 ? cursor : at;
    const end = start + value.length;
    cursor = end;
    tokens.push({
      text: value,
      norm: value.toLowerCase(),
      start: base + start,
      end: base + end,
      pos: t.out(its.pos),
      negated: t.out(its.negationFlag) === true,
    });
  });
  doc.sentences().each((s: { out: (f: unknown) => unknown }) => {
    const [first, last] = s.out(its.span) as [number, number];
    const toks = tokens.slice(first, last + 1);
    if (toks.length === 0) return;
    const start = toks[0].start;
    const end = toks[toks.length - 1].end;
    // No sentence of news begins in lower case: "(R-Calif.) hosted…" is the same sentence, cut at an abbreviation.
    const prev = out[out.length - 1];
    if (prev && prev.end >= base && /^\p{Ll}/u.test(toks[0].text)) {
      prev.tokens.push(...toks);
      prev.end = end;
      prev.text = line.slice(prev.start - base, end - base);
      return;
    }
    out.push({ start, end, text: line.slice(start - base, end - base), tokens: toks, index: out.length });
  });
}
