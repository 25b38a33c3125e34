// Office holders on the repo's data: who held an office on a date, and what a person held.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadKnowledge, type Office } from "../../src/knowledge/index.ts";
import { attache } from "../support/cli.ts";

const k = loadKnowledge();
const idOf = (name: string): string => {
  const hits = k.findPeople(name);
  assert.equal(hits.length, 1, `one person named ${name}`);
  return hits[0].id;
};

const HOLDERS: Array<{ state: string; office: Office; day: string; ids: string[] }> = [
  { state: "JPN", office: "head_of_government", day: "2024-06-01", ids: ["fumio-kishida"] },
  { state: "JPN", office: "head_of_government", day: "2025-05-21", ids: ["shigeru-ishiba"] },
  // handover day: the incoming holder alone
  { state: "JPN", office: "head_of_government", day: "2024-10-01", ids: ["shigeru-ishiba"] },
  // a multi-seat office: Beijing's foreign-ministry spokespeople after Wang Wenbin left in May 2024
  { state: "CHN", office: "mfa_spokesperson", day: "2024-06-01", ids: ["lin-jian", "mao-ning"] },
  { state: "TWN", office: "head_of_state", day: "2025-06-05", ids: ["lai-ching-te"] },
  { state: "PRY", office: "head_of_state", day: "2023-10-29", ids: ["santiago-pena"] },
];

for (const h of HOLDERS) {
  test(`offices: ${h.state} ${h.office} on ${h.day}`, () => {
    assert.deepEqual(
      k
        .holderOf(h.state, h.office, h.day)
        .map((t) => t.personId)
        .sort(),
      h.ids,
    );
  });
}

test("offices: Kishida was prime minister on 2024-06-01 and not on 2025-05-21", () => {
  const id = idOf("Fumio Kishida");
  assert.ok(k.termsOf(id, "2024-06-01").some((t) => t.office === "head_of_government" && t.state === "JPN"));
  assert.ok(!k.termsOf(id, "2025-05-21").some((t) => t.office === "head_of_government"));
  const all = k.termsOf(id, null);
  assert.ok(all.length >= 2, "foreign minister, then prime minister");
  assert.deepEqual(
    all.map((t) => t.from),
    [...all.map((t) => t.from)].sort(),
    "in date order",
  );
});

test("offices: a term carries its name, title, dates and source", () => {
  const [t] = k.holderOf("JPN", "head_of_government", "2024-06-01");
  assert.equal(t.name, "Fumio Kishida");
  assert.equal(t.state, "JPN");
  assert.ok(t.title && t.from && t.source.startsWith("http"));
});

test("findPeople: exact names and aliases, accents and case folded; else whole words of a name", () => {
  assert.deepEqual(k.findPeople("william lai"), [{ id: "lai-ching-te", name: "Lai Ching-te" }]);
  assert.deepEqual(k.findPeople("SANTIAGO PENA"), [{ id: "santiago-pena", name: "Santiago Peña" }]);
  assert.deepEqual(
    k.findPeople("Kishida").map((p) => p.id),
    ["fumio-kishida"],
  );
  assert.deepEqual(k.findPeople("Nobody Atall"), []);
  assert.deepEqual(k.findPeople(""), []);
});

test("attache whois: offices on a date; an unknown name exits 1", () => {
  const run = attache(["whois", "kishida", "--on", "2024-06-01", "--json"]);
  assert.equal(run.status, 0, run.stderr);
  const people = JSON.parse(run.stdout) as Array<{ id: string; terms: Array<{ office: string }> }>;
  assert.deepEqual(
    people.map((p) => [p.id, p.terms.map((t) => t.office)]),
    [["fumio-kishida", ["head_of_government"]]],
  );
  const missing = attache(["whois", "Nobody Atall"]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /Nobody Atall/);
});
