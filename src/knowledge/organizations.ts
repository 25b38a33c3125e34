// Organizations: international organizations (actors of their own, IGO:NAME) and bodies that act for a
// state or an IGO (ministries, agencies, representative offices), as gazetteer names.
import type { DataFile } from "./load.ts";
import type { NameEntry } from "./names.ts";
import type { OrganizationsFile } from "./schema.ts";

export interface OrganizationInfo {
  id: string;
  name: string;
  kind: "igo" | "body";
  /** The actor it counts for: itself for an IGO. */
  actor: string;
}

export function buildOrganizations(file: DataFile<OrganizationsFile> | null): {
  organizations: OrganizationInfo[];
  names: NameEntry[];
} {
  if (!file) return { organizations: [], names: [] };
  const organizations: OrganizationInfo[] = [];
  const names: NameEntry[] = [];
  const add = (
    list: "igos" | "bodies",
    i: number,
    row: { id: string; name: string; aliases: string[] },
    actor: string,
  ): void => {
    const kind = list === "igos" ? "igo" : "body";
    organizations.push({ id: row.id, name: row.name, kind, actor });
    const origin = file.where([list, i]);
    for (const n of new Set([row.name, ...row.aliases]))
      names.push({ name: n, kind, actor, curated: true, primary: n === row.name, origin });
  };
  file.data.igos.forEach((row, i) => add("igos", i, row, row.id));
  file.data.bodies.forEach((row, i) => add("bodies", i, row, row.actor));
  return { organizations, names };
}
