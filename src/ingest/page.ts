// A plain-text page → its main story and any secondary stories, each as cleaned text with offsets.
import type { OffsetSegment } from "../store/types.ts";
import { RELATED_HEADING, boilerplateRule, isCapsLine } from "./boilerplate.ts";
import { type Line, splitLines, wordCount } from "./lines.ts";
import { CleanTextBuilder } from "./offsets.ts";
import { type FoundDate, findDateline, findPublicationDate } from "./pubdate.ts";

export interface Story {
  cleaned: string;
  offsets: OffsetSegment[];
  title: string | null;
  outlet: string | null;
}

export interface CleanedPage {
  main: Story;
  secondary: Story[];
  /** The publication date the page's first lines give, if any. */
  found: FoundDate | null;
  /** What was dropped and why, for `--explain` style debugging. */
  dropped: Array<{ rule: string; text: string }>;
}

const LONG = 25;
/** Each line's word count, counted once (the passes below ask for it several times). */
const counted = new WeakMap<Line, number>();
const wordsOf = (l: Line): number => {
  let n = counted.get(l);
  if (n === undefined) counted.set(l, (n = wordCount(l.text)));
  return n;
};
const isParagraph = (l: Line): boolean => wordsOf(l) >= LONG;
const isSentence = (l: Line): boolean => wordsOf(l) >= 5 && /[.!?"'”’)]$/.test(l.text);
const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
/** A line's text normalized for comparison, once per line (the title and repeat checks both ask). */
const normalized = new WeakMap<Line, string>();
const normOf = (l: Line): string => {
  let n = normalized.get(l);
  if (n === undefined) normalized.set(l, (n = norm(l.text)));
  return n;
};

const FIRST_LETTER = /[\p{L}\p{N}]/u;
/** The first character of a text's normalized form: its first letter or digit, normalized ("" for none). */
const leadOf = (text: string): string => {
  const m = FIRST_LETTER.exec(text);
  return m ? norm(m[0]) : "";
};
/**
 * Whether a line normalizes to the same text as another line, or as a normalized text. The first letters
 * are compared first: most lines differ there, and are spared normalizing the whole line.
 */
function readsAs(l: Line, other: Line | string): boolean {
  const lead = leadOf(l.text);
  if (typeof other === "string" ? !other.startsWith(lead) : leadOf(other.text) !== lead) return false;
  return normOf(l) === (typeof other === "string" ? other : normOf(other));
}

/** Index of the heading that opens a sidebar of other stories: after the main text began, before more long text. */
function relatedStart(lines: Line[]): number {
  let seenBody = false;
  for (let i = 0; i < lines.length; i++) {
    if (isParagraph(lines[i])) seenBody = true;
    else if (seenBody && RELATED_HEADING.test(lines[i].text) && lines.slice(i + 1).some(isParagraph))
      return i;
  }
  return -1;
}

function buildStory(
  lines: Line[],
  original: string,
  dropped: CleanedPage["dropped"],
  skip: (l: Line) => string | null,
): Story {
  const b = new CleanTextBuilder();
  let lastKept: Line | string = ""; // nothing kept yet reads as an empty line
  let lastRule: string | null = null;
  let lastContent = -1;
  lines.forEach((l, i) => {
    if (l.text !== "" && (isSentence(l) || isParagraph(l))) lastContent = i;
  });
  lines.forEach((l, i) => {
    if (l.text === "") return;
    const why =
      skip(l) ??
      boilerplateRule(l.text) ??
      (lastRule === "caption-bar" && isCapsLine(l.text) ? "credit" : null) ??
      (readsAs(l, lastKept) ? "repeated-line" : null) ??
      (lastContent >= 0 && i > lastContent && !isSentence(l) ? "trailing-chrome" : null);
    lastRule = why;
    if (why) {
      dropped.push({ rule: why, text: l.text });
      return;
    }
    if (b.length > 0) b.insert("\n");
    b.copy(l.textStart, l.textStart + l.text.length, original);
    lastKept = l;
  });
  const { cleaned, offsets } = b.build();
  return { cleaned, offsets, title: null, outlet: null };
}

/** Splits the sidebar region into stories: a cluster of short lines (headline, outlet, time) then paragraphs. */
function secondaryStories(lines: Line[], original: string, dropped: CleanedPage["dropped"]): Story[] {
  const stories: Story[] = [];
  let header: Line[] = [];
  let body: Line[] = [];
  const flush = (): void => {
    if (body.length === 0) return;
    const labels = header
      .filter((l) => l.text !== "" && !/ago$/i.test(l.text))
      .map((l) => l.text.replace(/^[•·▪●]\s*/, ""));
    const story = buildStory(body, original, dropped, () => null);
    const title = labels[0] ?? null;
    story.title = title;
    story.outlet = labels.find((t) => norm(t) !== norm(title ?? "") && wordCount(t) <= 4) ?? null;
    if (story.cleaned) stories.push(story);
    header = [];
    body = [];
  };
  for (const l of lines) {
    if (l.text === "") continue;
    if (isParagraph(l)) body.push(l);
    else {
      flush();
      header.push(l);
    }
  }
  flush();
  return stories;
}

export function cleanPage(original: string, bodyStart: number, title: string | null): CleanedPage {
  const lines = splitLines(original, bodyStart);
  const found = findPublicationDate(lines) ?? findDateline(lines, original);
  const dropped: CleanedPage["dropped"] = [];
  const cut = relatedStart(lines);
  const mainLines = cut >= 0 ? lines.slice(0, cut) : lines;
  const titleNorm = title ? norm(title) : null;
  const main = buildStory(
    found && !found.wholeLine && found.end > found.start && found.source === "dateline"
      ? trimDate(mainLines, found, original)
      : mainLines,
    original,
    dropped,
    (l) => {
      if (found && l.textStart === found.start && (found.wholeLine || found.source === "page_header"))
        return "date-line";
      if (titleNorm && readsAs(l, titleNorm)) return "title";
      return null;
    },
  );
  const secondary = cut >= 0 ? secondaryStories(lines.slice(cut + 1), original, dropped) : [];
  if (cut >= 0) dropped.push({ rule: "related-heading", text: lines[cut].text });
  return { main, secondary, found, dropped };
}

/** Removes a date that opens or closes a line ("date 2023-10-29 TAIPEI…", "Japan Times23-05-2025"). */
function trimDate(lines: Line[], found: FoundDate, original: string): Line[] {
  return lines.flatMap((l) => {
    if (found.start < l.textStart || found.start >= l.textStart + l.text.length) return [l];
    const before = original.slice(l.textStart, found.start);
    const after = original.slice(found.end, l.textStart + l.text.length);
    if (wordCount(after) === 0 && wordCount(before) <= 4) return []; // the line is an outlet and a date
    if (wordCount(before) === 0) {
      const lead = after.length - after.trimStart().length;
      const text = after.trim();
      return [{ ...l, text, textStart: found.end + lead }];
    }
    return [l];
  });
}
