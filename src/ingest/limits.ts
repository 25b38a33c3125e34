// How much one input may ask of an ingest: the bounds that keep a strange page from taking all the memory or
// all the time. Inputs past them are refused with one line naming the bound, never cut short in silence.

/** Characters of text in one article (a text file, a page's visible text, a record's text): 2 MB, several
 * times the longest report a news page carries. Coding runs at about 1 MB/s, so no one article
 * holds an ingest for more than a few seconds. */
export const MAX_ARTICLE_CHARS = 2 * 1048576;

/** Elements nested deeper than this are flattened into their ancestor at this depth before readability runs:
 * it recurses, and its time grows with depth × text (Chromium's parser stops nesting at 512 for the same
 * reason). Text below the limit is kept; only its inner structure is lost. */
export const MAX_HTML_DEPTH = 128;

/** As the input limits count: 1 MB is 1,048,576 (bytes there, characters here). */
export const megabytes = (chars: number): string => `${(chars / 1048576).toFixed(1)} MB`;

/** The line for an article over MAX_ARTICLE_CHARS. */
export const tooLong = (chars: number, what: string): string =>
  `too long for one article: ${megabytes(chars)} of ${what} (at most ${megabytes(MAX_ARTICLE_CHARS)}; ` +
  "many articles in one file go in JSON Lines, one a line)";
