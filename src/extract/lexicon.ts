// Event lexicons (data/lexicon/*.yaml): validated at load, compiled into one token trie of every cue.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";
import { EVENT_TYPES, type EventType } from "../store/types.ts";
import { type CueIndex, indexCues } from "./cue-index.ts";

const RuleSchema = z.object({
  id: z.string().regex(/^[a-z]+\/[a-z-]+$/),
  type: z.enum(EVENT_TYPES),
  cues: z.array(z.string().min(1)).min(1),
  source: z.enum(["before", "after"]),
  target: z.enum(["before", "after"]),
  target_fallback: z.enum(["context", "place", "speaker"]).optional(),
  only_if_next: z.array(z.enum(["demonym", "person", "state", "capital"])).optional(),
  needs_owner: z.boolean().optional(),
  target_claimant: z.boolean().optional(),
  skip_with_objects: z.boolean().optional(),
  unless_followed_by: z.array(z.string()).optional(),
  unless_preceded_by: z.array(z.string()).optional(),
  needs_verb: z.array(z.string()).optional(),
  unless_next: z.array(z.enum(["demonym", "person", "state"])).optional(),
  target_between: z.boolean().optional(),
  target_inside: z.boolean().optional(),
  compound_pair: z.boolean().optional(),
  compound_host: z.boolean().optional(),
  needs_object: z.boolean().optional(),
  subject_is_target: z.array(z.string()).optional(),
  when_denied: z.enum(EVENT_TYPES).optional(),
  occurred_as: z.enum(EVENT_TYPES).optional(),
  plover: z.tuple([z.string(), z.string().nullable()]),
});
const FamilySchema = z.object({
  family: z.string(),
  reviewed: z.string(),
  sources: z.array(z.string()).min(1),
  rules: z.array(RuleSchema).min(1),
});
const ModalitySchema = z.object({
  reviewed: z.string(),
  sources: z.array(z.string()).min(1),
  pledged: z.array(z.string()),
  negation: z.array(z.string()),
  hypothetical: z.array(z.string()),
  background: z.array(z.string()),
  stance_infinitive: z.array(z.string()),
  reporting: z.array(z.string()),
  background_after: z.array(z.string()),
  delivery: z.array(z.string()),
  cancelled: z.array(z.string()),
  pledged_after: z.array(z.string()),
});

const RolesSchema = z.object({
  reviewed: z.string(),
  sources: z.array(z.string()).min(1),
  titles: z.array(z.string()).min(1),
  region_words: z.array(z.string()),
  title_words: z.array(z.string()).min(1),
  unnamed_officials: z.array(z.string()).min(1),
  pair_words: z.array(z.string()).min(1),
});

export type Rule = z.infer<typeof RuleSchema>;
export type Roles = z.infer<typeof RolesSchema>;
export type Modality = z.infer<typeof ModalitySchema>;

/** One cue phrase as tokens: a literal, a prefix (`word*`), or a gap (`…`). */
export type CueToken = { kind: "word"; value: string } | { kind: "prefix"; value: string } | { kind: "gap" };
export interface Cue {
  rule: Rule;
  phrase: string;
  tokens: CueToken[];
}

export interface Lexicon {
  rules: Rule[];
  /** Cues indexed by their first token (literal) or first letters (prefix), so matching is one pass. */
  cues: CueIndex;
  modality: Modality;
  roles: Roles;
}

export const cueTokens = (phrase: string): string[] =>
  phrase
    .toLowerCase()
    .replace(/(\S)('s)\b/g, "$1 $2")
    .replace(/(\p{L})-(\p{L})/gu, "$1 - $2")
    .split(/\s+/)
    .filter(Boolean);

export const DATA_DIR = join(fileURLToPath(new URL("../..", import.meta.url)), "data");

export function loadLexicon(dir = join(DATA_DIR, "lexicon")): Lexicon {
  const rules: Rule[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".yaml") && f !== "modality.yaml" && f !== "roles.yaml")
    .sort()) {
    const parsed = FamilySchema.safeParse(parse(readFileSync(join(dir, file), "utf8")));
    if (!parsed.success)
      throw new Error(
        `${join(dir, file)}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
    rules.push(...parsed.data.rules);
  }
  const ids = new Set<string>();
  for (const r of rules) {
    if (ids.has(r.id)) throw new Error(`lexicon: rule id ${r.id} is used twice`);
    ids.add(r.id);
  }
  const modality = ModalitySchema.parse(parse(readFileSync(join(dir, "modality.yaml"), "utf8")));
  const cues: Cue[] = [];
  for (const rule of rules) {
    for (const phrase of rule.cues) {
      const tokens: CueToken[] = cueTokens(phrase).map((t) =>
        t === "…"
          ? { kind: "gap" }
          : t.endsWith("*")
            ? { kind: "prefix", value: t.slice(0, -1) }
            : { kind: "word", value: t },
      );
      cues.push({ rule, phrase, tokens });
    }
  }
  const roles = RolesSchema.parse(parse(readFileSync(join(dir, "roles.yaml"), "utf8")));
  return { rules, cues: indexCues(cues), modality, roles };
}

export const isType = (t: string): t is EventType => (EVENT_TYPES as readonly string[]).includes(t);
