// A quick test that a text may hold a date, so chrono's two dozen patterns run only where one could match.
// It says no only when chrono (casual English) and findDates would find nothing in text whose words stand
// apart: no digit, and no date word of chrono's (months, weekdays, "today", "noon", time units) as a word of
// its own or glued to a word chrono lets stand before it ("lastmonth", "onMonday"), and no one-letter unit
// ("a d", "lasts") after a word that can count it. Forms chrono also reads with the next word glued on
// ("dayago", "Mayfirst") are not looked for. Saying yes too often only costs time.

const MONTHS = [
  ...["january", "february", "march", "april", "may", "june", "july", "august", "september"],
  ...["october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept"],
  ...["oct", "nov", "dec"],
];
const WEEKDAYS = [
  ...["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"],
  ...["sun", "mon", "tue", "wed", "thu", "thur", "thurs", "fri", "sat", "weekend", "weekday"],
];
const CASUAL = [
  ...["now", "today", "tonight", "tomorrow", "overmorrow", "tmr", "tmrw", "yesterday", "night"],
  ...["morning", "afternoon", "evening", "midnight", "midday", "noon"],
];
const UNITS = [
  ...["sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "hr", "hrs", "hour", "hours"],
  ...["day", "days", "week", "weeks", "mo", "mos", "month", "months", "qtr", "quarter", "quarters"],
  ...["yr", "yrs", "year", "years"],
];
/** Words chrono lets stand right before a date word, with or without a space. */
const BEFORE = ["this", "last", "past", "next", "after", "on", "in", "of", "within", "for"];
/** Words chrono reads as a count before a unit ("the", "few", "one" … "twelve"), and what may precede it. */
const COUNTS = [
  ...["the", "half", "few", "several", "couple", "of", "one", "two", "three", "four", "five", "six"],
  ...["seven", "eight", "nine", "ten", "eleven", "twelve", "an?\\b"],
];
const RELATIVE = ["this", "last", "past", "next", "after"];
const BEFORE_COUNT = [
  ...RELATIVE,
  "within",
  "in",
  "for",
  "about",
  "around",
  "roughly",
  "approximately",
  "just",
];
const SHORT_UNITS = ["s", "m", "h", "d", "w", "y"];

const any = (words: string[]): string => `(?:${words.join("|")})`;

const HINT = new RegExp(
  [
    "\\d",
    `\\b(?:${any(BEFORE)}\\s*)?${any([...MONTHS, ...WEEKDAYS, ...CASUAL, ...UNITS])}(?![a-z])`,
    `\\b(?:${any(BEFORE_COUNT)}\\s*)?${any(COUNTS)}\\s*${any(SHORT_UNITS)}(?=\\W|$)`,
    `\\b${any(RELATIVE)}\\s*${any(SHORT_UNITS)}(?=\\W|$)`,
    `[+-]\\s*(?:${any(COUNTS)}\\s*)?${any(SHORT_UNITS)}(?=\\W|$)`,
  ].join("|"),
  "i",
);

/** False only when the text holds no date that chrono or findDates would find (see above). */
export const mayHoldDate = (text: string): boolean => HINT.test(text);
