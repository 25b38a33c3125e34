// The recognition ledger: for each state, the periods in which it recognized the ROC, the PRC or neither,
// each from a day until the day before the next. Before its first period a state recognizes NONE.
import type { DataFile } from "./load.ts";
import { dayBefore } from "./dates.ts";
import type { LedgerFile } from "./schema.ts";
import type { LedgerPeriod, Recognition } from "./types.ts";

export class Ledger {
  private readonly periods = new Map<string, LedgerPeriod[]>();

  constructor(file: DataFile<LedgerFile> | null) {
    for (const s of file?.data.states ?? []) {
      const sorted = [...s.periods].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
      this.periods.set(
        s.country,
        sorted.map((p, i) => {
          const next = sorted[i + 1];
          const period: LedgerPeriod = {
            recognizes: p.recognizes,
            from: p.from,
            to: next ? dayBefore(next.from) : null,
            source: p.source,
            dayConfirmed: p.day_confirmed ?? true,
            disputed: p.disputed ?? false,
          };
          if (p.note) period.note = p.note;
          return period;
        }),
      );
    }
  }

  countries(): string[] {
    return [...this.periods.keys()];
  }

  ledger(state: string): LedgerPeriod[] {
    return (this.periods.get(state) ?? []).map((p) => ({ ...p }));
  }

  recognitionOf(state: string, date: string): Recognition {
    let found: Recognition = "NONE";
    for (const p of this.periods.get(state) ?? []) {
      if (p.from > date) break;
      found = p.recognizes;
    }
    return found;
  }
}
