// A fictional world (test/fixtures/knowledge/fictional): the knowledge code knows no real names, so the
// gazetteer, offices and ledger must work from these files alone, without the world-countries package.
import assert from "node:assert/strict";
import { test } from "node:test";
import { checkDataDir, loadKnowledge, type Mention } from "../../src/knowledge/index.ts";
import { fixture } from "../support/shared.ts";

const DIR = fixture("knowledge", "fictional");
const k = loadKnowledge(DIR);

type Hit = [string, Mention["kind"], string];
const found = (text: string): Hit[] =>
  k.findMentions(text).map((m) => [text.slice(m.start, m.end), m.kind, m.personId ?? m.actor ?? ""]);

test("fictional: the folder's states replace the package", () => {
  assert.deepEqual(
    k.states().map((s) => s.id),
    ["ARN", "GON", "HAR", "RIV", "ROH", "SHI"],
  );
  assert.deepEqual(k.state("arn"), {
    id: "ARN",
    iso2: "AR",
    name: "Arnor",
    officialName: "Kingdom of Arnor",
    unMember: true,
    capital: "Fornost",
    latlng: [55.1, -3.2],
    numeric: "901",
  });
  assert.equal(k.resolveActor("France"), null);
});

test("fictional: the data is clean", () => {
  assert.deepEqual(checkDataDir(DIR).problems, []);
});

const CASES: Array<{ text: string; hits: Hit[] }> = [
  {
    text: "Arnor and the Kingdom of Arnor",
    hits: [
      ["Arnor", "state", "ARN"],
      ["Kingdom of Arnor", "state", "ARN"],
    ],
  },
  {
    text: "Gondor's envoy met Rohirrim riders in Edoras",
    hits: [
      ["Gondor", "state", "GON"],
      ["Rohirrim", "demonym", "ROH"],
      ["Edoras", "capital", "ROH"],
    ],
  },
  {
    text: "Minas Tirith and Annuminas",
    hits: [
      ["Minas Tirith", "capital", "GON"],
      ["Annuminas", "capital", "ARN"],
    ],
  },
  { text: "the UKG, not the ukg", hits: [["UKG", "state", "GON"]] },
  {
    text: "Arnor-Harad talks",
    hits: [
      ["Arnor", "state", "ARN"],
      ["Harad", "state", "HAR"],
    ],
  },
  {
    text: "the White Council (WC) and the wc",
    hits: [
      ["White Council", "igo", "IGO:COUNCIL"],
      ["WC", "igo", "IGO:COUNCIL"],
    ],
  },
  {
    text: "The GTO and the Dunedain Rangers",
    hits: [
      ["GTO", "body", "GON"],
      ["Dunedain Rangers", "body", "ARN"],
    ],
  },
  {
    text: "King Elessar and Theoden Thengling",
    hits: [
      ["King Elessar", "person", "aragorn"],
      ["Theoden Thengling", "person", "theoden"],
    ],
  },
  { text: "ÉOMER ÉOMUND", hits: [["ÉOMER ÉOMUND", "person", "eomer"]] },
  { text: "the Gondor Gazette on Rohan Road", hits: [] },
  { text: "Aragorn said", hits: [] }, // one-word names are not gazetteer names
];

for (const c of CASES) {
  test(`fictional gazetteer: ${c.text}`, () => assert.deepEqual(found(c.text), c.hits));
}

test("fictional: surnames resolve within an article, and a shared surname is left out", () => {
  const text = "Aragorn Elessar arrived. Elessar said Black and Serpent agreed.";
  const ms = k.findSurnames!(text, ["aragorn", "suladan", "herumor", "fuinur"]);
  assert.deepEqual(
    ms.map((m) => [text.slice(m.start, m.end), m.personId]),
    [
      ["Elessar", "aragorn"],
      ["Elessar", "aragorn"],
      ["Serpent", "suladan"],
    ],
  );
});

test("fictional ledger: Arnor switches, with eleven days of neither", () => {
  const cases: Array<[string, string, string]> = [
    ["ARN", "1989-12-31", "NONE"],
    ["ARN", "1990-01-01", "ROC"],
    ["ARN", "2010-05-20", "ROC"],
    ["ARN", "2010-05-21", "NONE"],
    ["ARN", "2010-05-31", "NONE"],
    ["ARN", "2010-06-01", "PRC"],
    ["ROH", "1985-09-08", "NONE"],
    ["ROH", "1985-09-09", "ROC"],
    ["GON", "2000-01-01", "ROC"],
    ["HAR", "2000-01-01", "PRC"],
    ["SHI", "2000-01-01", "NONE"],
  ];
  for (const [id, day, r] of cases) assert.equal(k.recognitionOf(id, day), r, `${id} ${day}`);
});

test("fictional ledger: the table lists UN members and states marked for it, not territories", () => {
  assert.deepEqual(k.recognitionAsOf("2010-05-25"), [
    { country: "ARN", recognizes: "NONE" },
    { country: "HAR", recognizes: "PRC" },
    { country: "RIV", recognizes: "ROC" },
    { country: "ROH", recognizes: "ROC" },
  ]);
});

test("fictional ledger: periods with their ends, notes and flags", () => {
  assert.deepEqual(k.ledger("ARN"), [
    {
      recognizes: "ROC",
      from: "1990-01-01",
      to: "2010-05-20",
      source: "https://example.org/fictional/ledger/arn-1",
      dayConfirmed: true,
      disputed: false,
    },
    {
      recognizes: "NONE",
      from: "2010-05-21",
      to: "2010-05-31",
      source: "https://example.org/fictional/ledger/arn-2",
      dayConfirmed: true,
      disputed: false,
      note: "Broke with Gondor; eleven days without either.",
    },
    {
      recognizes: "PRC",
      from: "2010-06-01",
      to: null,
      source: "https://example.org/fictional/ledger/arn-3",
      dayConfirmed: false,
      disputed: false,
    },
  ]);
  assert.equal(k.ledger("ROH")[1].disputed, true);
  assert.deepEqual(k.ledger("SHI"), []);
});

const HOLDERS: Array<[string, "head_of_state" | "mfa_spokesperson" | "representative", string, string[]]> = [
  ["GON", "head_of_state", "2010-01-01", ["denethor"]],
  ["GON", "head_of_state", "2019-04-01", []], // the interregnum
  ["GON", "head_of_state", "2019-05-01", ["aragorn"]],
  ["ROH", "head_of_state", "2019-03-15", ["eomer"]], // handover day: the incoming king
  ["ARN", "head_of_state", "2000-06-30", ["arvedui"]], // from "1990": any day of 1990 on
  ["HAR", "mfa_spokesperson", "2019-01-01", ["herumor", "suladan"]], // multi-seat
  ["HAR", "mfa_spokesperson", "2021-12-31", ["herumor", "suladan"]], // to "2021-12": all of December
  ["HAR", "mfa_spokesperson", "2022-01-01", ["herumor"]],
  ["GON", "representative", "2015-01-01", ["faramir"]],
];

for (const [state, office, day, ids] of HOLDERS) {
  test(`fictional offices: ${state} ${office} on ${day}`, () => {
    assert.deepEqual(
      k
        .holderOf(state, office, day)
        .map((t) => t.personId)
        .sort(),
      ids,
    );
  });
}

test("fictional offices: a person's terms, all or on a date, with post and receiving state", () => {
  assert.deepEqual(
    k.termsOf("faramir", null).map((t) => [t.office, t.from, t.to]),
    [
      ["representative", "2010-01", "2019-05-01"],
      ["head_of_government", "2019-05-01", null],
    ],
  );
  const [rep] = k.termsOf("faramir", "2012-02-02");
  assert.equal(rep.post, "Gondor Trade Office in Rohan");
  assert.equal(rep.toState, "ROH");
  assert.equal(rep.name, "Faramir Hurin");
  assert.deepEqual(k.termsOf("faramir", "2009-12-31"), []);
  assert.deepEqual(k.findPeople("theoden thengling"), [{ id: "theoden", name: "Théoden Thengling" }]);
});

test("fictional: version is a short hash that changes with the data", () => {
  assert.match(k.version, /^[0-9a-f]{12}$/);
  assert.notEqual(k.version, loadKnowledge().version);
});
