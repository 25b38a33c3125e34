// The shape of every file under data/, checked with zod when it is read. Field names are the files' own
// (snake_case); load.ts turns them into the camelCase records the rest of src/knowledge uses.
import { z } from "zod";
import { DAY, PARTIAL_DATE, isRealDay } from "./dates.ts";

export const OFFICES = [
  "head_of_state",
  "head_of_government",
  "vice_president",
  "foreign_minister",
  "deputy_foreign_minister",
  "mfa_spokesperson",
  "defense_minister",
  "speaker",
  "president_elect",
  "ambassador",
  "representative",
] as const;

const STATE_ID = /^[A-Z]{3}$/;
const ACTOR_ID = /^([A-Z]{3}|IGO:[A-Z0-9_]+)$/;

const url = z.string().regex(/^https?:\/\/\S+$/, "must be an http(s) URL");
const text = z.string().trim().min(1, "must not be empty");
const stateId = z.string().regex(STATE_ID, "must be an ISO 3166-1 alpha-3 code like TWN");
const actorId = z.string().regex(ACTOR_ID, "must be an ISO alpha-3 code or IGO:NAME");
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens");

/** YYYY-MM-DD, YYYY-MM or YYYY; a bare year written without quotes arrives as a number. */
const partialDate = z.preprocess(
  (v) => (typeof v === "number" ? String(v) : v),
  z
    .string()
    .regex(PARTIAL_DATE, "must be YYYY-MM-DD, YYYY-MM or YYYY")
    .refine((d) => d.length < 10 || isRealDay(d), "is not a real day"),
);
const day = z
  .string()
  .regex(DAY, "must be YYYY-MM-DD")
  .refine((d) => isRealDay(d), "is not a real day");

const header = {
  reviewed: day,
  sources: z.array(z.strictObject({ title: text, url })).min(1, "needs at least one source"),
  note: z.string().optional(),
};

const names = z.array(text).optional();

/** One state: a full row in states.yaml, or a patch on the package's row in overrides.yaml. */
export const StateRow = z.strictObject({
  id: stateId,
  /** The package's id this row replaces (the package writes UNK for Kosovo). */
  rename_from: stateId.optional(),
  name: text.optional(),
  official_name: text.nullable().optional(),
  iso2: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable()
    .optional(),
  numeric: z
    .string()
    .regex(/^\d{3}$/)
    .nullable()
    .optional(),
  un_member: z.boolean().optional(),
  /** Listed beside the UN members in recognition tables (the Holy See). */
  recognition_table: z.boolean().optional(),
  /** One of the two governments the ledger is about: it recognizes itself and has no ledger periods. */
  claimant: z.enum(["ROC", "PRC"]).optional(),
  /** Cities, provinces and islands inside the state: where acts happen, never actors themselves. */
  places: z.array(text).optional(),
  /** The capital shown for the state (display only; metonyms go in `capitals`). */
  capital: text.nullable().optional(),
  latlng: z.tuple([z.number(), z.number()]).nullable().optional(),
  /** Names and aliases that stand for the state. */
  names,
  demonyms: names,
  /** Capitals and seats of government used as metonyms. */
  capitals: names,
  /** Names the package gives that must not be matched (unsafe or ambiguous). */
  drop: names,
  source: url,
  note: z.string().optional(),
});
export type StateRow = z.infer<typeof StateRow>;

/** Phrases that contain a name but stand for no actor ("New Mexico", "Taipei Times"). */
export const NotNamesRow = z.strictObject({ names: z.array(text).min(1), note: z.string().optional() });

export const StatesFile = z.strictObject({
  ...header,
  states: z.array(StateRow),
  not_names: z.array(NotNamesRow).optional(),
});
export type StatesFile = z.infer<typeof StatesFile>;

const orgRow = {
  name: text,
  aliases: z.array(text).default([]),
  source: url,
  note: z.string().optional(),
};

export const OrganizationsFile = z.strictObject({
  ...header,
  igos: z.array(z.strictObject({ id: z.string().regex(/^IGO:[A-Z0-9_]+$/, "must be IGO:NAME"), ...orgRow })),
  /** Bodies that act for a state or an IGO: ministries, agencies, representative offices. */
  bodies: z.array(z.strictObject({ id: slug, actor: actorId, ...orgRow })),
});
export type OrganizationsFile = z.infer<typeof OrganizationsFile>;

export const OfficesFile = z.strictObject({
  ...header,
  state: actorId,
  people: z.array(
    z.strictObject({
      id: slug,
      name: text,
      aliases: z.array(text).nullable().default([]),
      surname: text,
      note: z.string().optional(),
    }),
  ),
  terms: z.array(
    z.strictObject({
      person: slug,
      office: z.enum(OFFICES),
      title: text,
      from: partialDate,
      to: partialDate.nullable(),
      source: url,
      post: text.optional(),
      to_state: actorId.optional(),
      note: z.string().optional(),
    }),
  ),
});
export type OfficesFile = z.infer<typeof OfficesFile>;

export const LedgerFile = z.strictObject({
  ...header,
  states: z.array(
    z.strictObject({
      country: stateId,
      periods: z
        .array(
          z.strictObject({
            recognizes: z.enum(["ROC", "PRC", "NONE"]),
            from: day,
            source: url,
            note: z.string().optional(),
            day_confirmed: z.boolean().optional(),
            disputed: z.boolean().optional(),
          }),
        )
        .min(1, "needs at least one period"),
      note: z.string().optional(),
    }),
  ),
});
export type LedgerFile = z.infer<typeof LedgerFile>;
