// What the rest of attache asks of the reference knowledge (data/ compiled at load). This is the contract
// between src/knowledge and src/extract, src/query, src/cli: change it only together with its callers.

export type Recognition = "ROC" | "PRC" | "NONE";

/** Offices as data/offices/*.yaml name them. */
export type Office =
  | "head_of_state"
  | "head_of_government"
  | "vice_president"
  | "foreign_minister"
  | "deputy_foreign_minister"
  | "mfa_spokesperson"
  | "defense_minister"
  | "speaker"
  | "president_elect"
  | "ambassador"
  | "representative";

export type MentionKind =
  | "state" // "Guatemala", "the U.S.", "Republic of China"
  | "demonym" // "Guatemalan", "Paraguayan"
  | "capital" // "Taipei", "Asuncion" used as a metonym for the state
  | "igo" // "Mercosur", "the WHO"
  | "body" // "AIT", "TECRO", "the US Army Corps of Engineers": acts for a state
  | "person" // "Tsai Ing-wen", "Joe Biden", "Fumio Kishida"
  | "place"; // "New York", "Osaka", "Hawaii": where an act happens (actor = the state it is in), never a party

export interface Mention {
  /** Offsets in the text given to findMentions. */
  start: number;
  end: number;
  kind: MentionKind;
  /** The actor the mention stands for: ISO alpha-3 ("TWN") or "IGO:NAME"; for a person, null (see personId). */
  actor: string | null;
  /** For kind "person": the person's id in data/offices. */
  personId?: string;
}

export interface Term {
  personId: string;
  name: string;
  /** ISO alpha-3 or IGO:NAME of the state or organization served. */
  state: string;
  office: Office;
  title: string;
  from: string;
  to: string | null;
  post?: string;
  toState?: string;
  source: string;
}

export interface StateInfo {
  id: string;
  iso2: string | null;
  name: string;
  officialName: string | null;
  unMember: boolean;
  capital: string | null;
  latlng: [number, number] | null;
  /** ISO 3166 numeric code as a string ("158"), for joining map shapes. */
  numeric: string | null;
}

export interface LedgerPeriod {
  recognizes: Recognition;
  from: string;
  /** The day before the next period starts, or null for the current one. */
  to: string | null;
  source: string;
  note?: string;
  dayConfirmed: boolean;
  disputed: boolean;
}

export interface Knowledge {
  /** A short hash of the data files, stamped on every event for provenance. */
  readonly version: string;
  /** Every known name in one pass over the text: leftmost-longest, whole words, case and accents folded where safe. */
  findMentions(text: string): Mention[];
  state(id: string): StateInfo | undefined;
  states(): StateInfo[];
  /** Resolves a name or id ("Guatemala", "gtm", "Taipei", "Mercosur") to an actor id, or null. */
  resolveActor(name: string): string | null;
  /** The terms a person held on a date (ISO day); all their terms when date is null. */
  termsOf(personId: string, date: string | null): Term[];
  /** Who held an office of a state on a date. */
  holderOf(state: string, office: Office, date: string): Term[];
  /** People whose name or alias matches (accents and case folded). */
  findPeople(name: string): Array<{ id: string; name: string }>;
  /** What a state recognized on a date (ISO day). */
  recognitionOf(state: string, date: string): Recognition;
  /** One entry per UN member state and the Holy See. */
  recognitionAsOf(date: string): Array<{ country: string; recognizes: Recognition }>;
  ledger(state: string): LedgerPeriod[];

  // Optional additions (src/knowledge implements them; other implementations may leave them out).

  /** The surname a person is called by after the first mention ("Lai"), or null. Surnames are not gazetteer names. */
  surnameOf?(personId: string): string | null;
  /** For the two governments that claim China (TWN, CHN), which one; null for every other state. */
  claimantOf(state: string): Recognition | null;
  /** The state that is a claimant ("CHN" for the PRC side), or null for a side no state claims. */
  claimantState(side: Recognition): string | null;
  /**
   * Mentions of these people's surnames (whole words, with a capital), as kind "person" with their personId:
   * for "Tsai said" once "Tsai Ing-wen" has appeared. A surname two of the people share is left out.
   */
  findSurnames?(text: string, personIds: string[]): Mention[];
}
