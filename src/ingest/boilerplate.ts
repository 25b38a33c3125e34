// Line rules for the chrome that plain-text scrapes carry: comment prompts, share and subscribe lines,
// app banners, widget headings, photo captions and credits. Each rule names what a reader would call it.
import { wordCount } from "./lines.ts";

export interface LineRule {
  id: string;
  test: (line: string) => boolean;
}

const short = (s: string, n: number): boolean => wordCount(s) <= n;
const CREDIT_WORDS =
  /\b(REUTERS|AFP|AP|GETTY( IMAGES)?|EPA|KYODO|BLOOMBERG|XINHUA|POOL|VIA|PHOTO|FILE|STAFF|CNA|ANADOLU|SHUTTERSTOCK)\b/;

/** A short line all in capitals with no sentence punctuation: a credit, or a name in a caption's place. */
export const isCapsLine = (l: string): boolean =>
  short(l, 6) && /^[A-Z][A-Z .'/&-]+$/.test(l) && !/[.:!?]$/.test(l) && /[A-Z]{2}/.test(l);

export const LINE_RULES: readonly LineRule[] = [
  {
    id: "comment-prompt",
    test: (l) =>
      /^(leave a (reply|comment)|post a comment|add (a|your) comment|comments?|no comments yet\W*|\d+ comments?|please enter your (comment|name|email)( address)?( here)?\W*|you must be logged in to post a comment\.?|cancel reply)$/i.test(
        l,
      ),
  },
  {
    id: "widget-heading",
    test: (l) =>
      /^(related (posts|articles|stories|news|content)|popular (articles|posts|stories)|most (read|popular|viewed|shared)|top \d+ this (week|month)|trending( now)?|recommended( for you)?|you (may|might) also like|read (more|next|also)|more (stories|news) from .{1,40}|latest (news|posts|stories)|editor'?s picks|tags?:.*|categories?:.*)\W*$/i.test(
        l,
      ),
  },
  {
    id: "share-subscribe",
    test: (l) =>
      (short(l, 12) &&
        /^(share|tweet|email|print|copy link|follow us|like us)(\s+(this|on|via|the|article|story|post)\b.*|\s*:.*)?$/i.test(
          l,
        )) ||
      (short(l, 30) &&
        /^(subscribe|sign up|join our|get the latest|discover more from|stay (ahead|informed|updated)|don'?t miss)\b/i.test(
          l,
        )),
  },
  {
    id: "promo",
    test: (l) =>
      short(l, 40) &&
      /(for the latest (news|posts|updates|stories)|sent (straight )?to your (email|inbox)|download (the|our) app|get started now|app[- ]store|play[- ]store|google play|try our .{0,20}features|explore what .{1,30} can do)/i.test(
        l,
      ),
  },
  { id: "time-ago", test: (l) => /^(time)?\s*(an?|\d+) (second|minute|hour|day|week)s? ago$/i.test(l) },
  { id: "bullet-label", test: (l) => /^[•·▪●]\s*\S.{0,40}$/.test(l) },
  { id: "caption-bar", test: (l) => /\|\s*$/.test(l) || /\s\|\s+[A-Z][A-Z .'/&-]{2,60}$/.test(l) },
  {
    id: "credit",
    // A photo credit on its own line: capitals naming an agency or photographer ("POOL / VIA REUTERS").
    test: (l) => isCapsLine(l) && CREDIT_WORDS.test(l),
  },
  {
    id: "image-label",
    test: (l) => /^(logo|image|photo|video|advertisement|ad|orange background|background)$/i.test(l),
  },
];

/** The id of the first rule a (trimmed) line breaks, or null for a line to keep. */
export function boilerplateRule(line: string): string | null {
  for (const r of LINE_RULES) if (r.test(line)) return r.id;
  return null;
}

/** Headings that open a block of other stories (the page's sidebar of related articles). */
export const RELATED_HEADING =
  /^(related (articles|stories|news|content|posts)|more (stories|news|articles)|you (may|might) also like|read (more|next|also)|recommended( for you)?|most read|popular (articles|posts|stories)|top stories|also in (the )?news)\W*$/i;
