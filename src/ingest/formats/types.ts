import type { DatePrecision, DateSource } from "../../store/types.ts";
import type { Story } from "../page.ts";
import type { FoundDate } from "../pubdate.ts";

export interface PageMeta {
  url: string | null;
  title: string | null;
  outlet: string | null;
  /** A date as the page's metadata wrote it (ISO, RFC 822…), resolved later. */
  publishedRaw: string | null;
  /** A date already known with its provenance (front matter). */
  date?: { date: string; precision: DatePrecision; source: DateSource; confidence: number };
}

/** One page (or feed item, or JSON line) read: its text as read, its stories, what it says about itself. */
export interface PageResult {
  original: string;
  main: Story;
  secondary: Story[];
  meta: PageMeta;
  found: FoundDate | null;
  dropped: Array<{ rule: string; text: string }>;
}
