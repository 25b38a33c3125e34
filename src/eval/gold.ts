// Gold files (PRODUCT.md, "Fixed interfaces"): JSON Lines, one event a line, checked as they load.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { EVENT_STATUSES, EVENT_TYPES } from "../store/types.ts";

const GoldSchema = z.object({
  article: z.string().min(1),
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .nullable(),
  source: z.string().min(1),
  type: z.enum(EVENT_TYPES),
  target: z.string().min(1).nullable().optional(),
  status: z.enum(EVENT_STATUSES).optional(),
  optional: z.boolean().optional(),
  note: z.string().optional(),
});
export type GoldEvent = z.infer<typeof GoldSchema> & { line: number };

export function loadGold(path: string): GoldEvent[] {
  const out: GoldEvent[] = [];
  readFileSync(path, "utf8")
    .split("\n")
    .forEach((raw, i) => {
      if (!raw.trim()) return;
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        throw new Error(`${path}: line ${i + 1}: not JSON`);
      }
      const parsed = GoldSchema.safeParse(json);
      if (!parsed.success)
        throw new Error(
          `${path}: line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".")} ${x.message}`).join("; ")}`,
        );
      out.push({ ...parsed.data, line: i + 1 });
    });
  return out;
}
