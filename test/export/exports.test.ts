// Exports read back with real parsers: PLOVER lines validated against a JSON schema that follows the PLOVER
// specification's fields, CSV through csv-parse, GraphML through fast-xml-parser; then the command itself.
import { Ajv } from "ajv";
import { parse as parseCsv } from "csv-parse/sync";
import { XMLParser } from "fast-xml-parser";
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { csvHeader, csvRows } from "../../src/export/csv.ts";
import { eventsToGraphml, xmlEscape } from "../../src/export/graphml.ts";
import { ploverCategory, toPlover } from "../../src/export/plover.ts";
import type { ArticleSummary } from "../../src/store/repository.ts";
import type { EventRecord } from "../../src/store/types.ts";
import { attache, tempDir } from "../support/cli.ts";
import { ROOT, fixture } from "../support/shared.ts";
import { TODAY, type World, buildWorld } from "../support/world.ts";

let w: World;
let articles: Map<string, ArticleSummary>;
before(async () => {
  w = await buildWorld();
  articles = new Map(
    (await w.ctx.repo.articleSummaries(w.events.map((e) => e.articleId))).map((a) => [a.id, a]),
  );
});
after(() => w.close());

const byId = (id: string): EventRecord => w.events.find((e) => e.id === id)!;

describe("PLOVER JSON Lines", () => {
  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(
    JSON.parse(readFileSync(fixture("export", "plover.schema.json"), "utf8")) as object,
  );
  const plover = (id: string) =>
    toPlover(byId(id), articles.get(byId(id).articleId), { coder: "attache test", codedDate: TODAY });

  test("every exportable event is a valid PLOVER record", () => {
    let n = 0;
    for (const e of w.events) {
      const rec = toPlover(e, articles.get(e.articleId), { coder: "attache test", codedDate: TODAY });
      if (!rec) continue;
      n++;
      const line = JSON.stringify(rec);
      assert.ok(!line.includes("\n"), "one line per record");
      assert.ok(validate(JSON.parse(line)), `${e.id}: ${ajv.errorsText(validate.errors)}`);
    }
    assert.equal(n, w.events.length - 1, "only the event with no date anywhere is left out");
  });

  test("a visit: source, recipient, category, mode, text offsets and citation", () => {
    const rec = plover("e-visit")!;
    assert.deepEqual(rec.source, [{ code: "GON", actor_text: "Aragorn Elessar" }]);
    assert.deepEqual(rec.recipient, [{ code: "ARN" }]);
    assert.deepEqual(
      [rec.event, rec.mode, rec.quad_code, rec.date],
      [["CONSULT"], ["visit"], 1, "2024-03-01"],
    );
    assert.deepEqual(rec.text_info, { start: byId("e-visit").span.start, end: byId("e-visit").span.end });
    assert.deepEqual(rec.cite_info, {
      coder: "attache test",
      codebook: "attache-plover",
      url: "https://example.org/news/a1-gondor-aid",
      title: "Gondor pledges aid to Arnor",
      publication: "The Gondor Gazette",
    });
    assert.equal((rec.attache as { type: string }).type, "VISIT");
  });

  test("a meeting with no host is all sources, no recipient (PLOVER's rule for CONSULT)", () => {
    const rec = plover("digest-00")!;
    assert.deepEqual(rec.source, [{ code: "GON" }, { code: "ROH" }]);
    assert.equal(rec.recipient, undefined);
  });

  test("status becomes context; partial dates take the first day; the event's own date wins", () => {
    assert.deepEqual(plover("e-pledge")!.context, ["future"]);
    assert.deepEqual(plover("e-denied")!.context, ["negation"]);
    assert.equal(plover("e-visit")!.context, undefined);
    assert.equal(plover("e-sign")!.date, "2024-03-01");
    assert.equal((plover("e-sign")!.attache as { date_precision: string }).date_precision, "month");
    assert.equal(plover("e-formula")!.date, "1999-01-01");
  });

  test("an undated event takes its article's date, and says so; with none at all it is left out", () => {
    const rec = plover("e-undated")!;
    assert.equal(rec.date, "2010-06-02");
    assert.equal((rec.attache as { date_from: string }).date_from, "published");
    assert.equal(plover("e-request"), null);
  });

  test("categories are PLOVER's: REDUCE is SANCTION; organizations are IGO", () => {
    assert.equal(ploverCategory(byId("e-sever")), "SANCTION");
    assert.deepEqual(plover("e-sever")!.event, ["SANCTION"]);
    assert.equal(ploverCategory({ ...byId("e-visit"), plover: { type: "MADE_UP", mode: null } }), "CONSULT");
    const igo = toPlover({ ...byId("e-request"), date: "2020" }, undefined, { coder: "x" })!;
    assert.deepEqual(igo.source, [{ code: "IGO" }]);
    assert.equal((igo.attache as { source: string }).source, "IGO:COUNCIL");
  });
});

describe("CSV", () => {
  const read = (text: string): Array<Record<string, string>> =>
    parseCsv<Record<string, string>>(text, { columns: true, bom: true });

  test("a spreadsheet-clean file: BOM, header, CRLF, one row per event", () => {
    const text = "\uFEFF" + csvHeader(true) + csvRows(w.events, articles);
    assert.ok(text.startsWith("\uFEFFid,date,date_precision,type,"));
    assert.ok(text.endsWith("\r\n"));
    const rows = read(text);
    assert.equal(rows.length, w.events.length);
    assert.deepEqual(Object.keys(rows[0]).slice(-3), ["article_title", "article_url", "article_published"]);
  });

  test("commas, quotes, line breaks and accents survive; formulas are neutralised", () => {
    const rows = read(csvHeader(true) + csvRows(w.events, articles));
    const formula = rows.find((r) => r.id === "e-formula")!;
    assert.equal(formula.evidence, `'${byId("e-formula").evidence}`);
    const request = rows.find((r) => r.id === "e-request")!;
    assert.equal(request.evidence, byId("e-request").evidence);
    assert.match(request.evidence, /Théoden/);
    const pledge = rows.find((r) => r.id === "e-pledge")!;
    assert.deepEqual(
      [pledge.amount, pledge.amount_value, pledge.quote],
      ["$5 million", "5000000", "for its roads"],
    );
    assert.equal(pledge.article_title, "Gondor pledges aid to Arnor");
    assert.equal(rows.find((r) => r.id === "e-undated")!.date, "");
  });
});

describe("GraphML", () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    isArray: (name, _path, _leaf, isAttribute) =>
      !isAttribute && ["key", "node", "edge", "data"].includes(name),
  });
  type Data = { key: string; "#text": string | number };
  type El = { id: string; source?: string; target?: string; directed?: string; data: Data[] };
  const graph = () => {
    const doc = parser.parse(eventsToGraphml(w.events, w.ctx.knowledge, TODAY)) as {
      graphml: {
        xmlns: string;
        key: Array<Record<string, string>>;
        graph: { edgedefault: string; node: El[]; edge: El[] };
      };
    };
    return doc.graphml;
  };
  const field = (el: El, key: string): string | undefined => {
    const d = el.data.find((x) => x.key === key);
    return d === undefined ? undefined : String(d["#text"]);
  };

  test("declares its keys, typed, for nodes and edges", () => {
    const g = graph();
    assert.equal(g.xmlns, "http://graphml.graphdrawing.org/xmlns");
    const keys = new Map(g.key.map((k) => [k.id, k]));
    for (const [id, target, type] of [
      ["label", "node", "string"],
      ["lat", "node", "double"],
      ["type", "edge", "string"],
      ["weight", "edge", "double"],
      ["first_date", "edge", "string"],
      ["count", "edge", "int"],
    ])
      assert.deepEqual([keys.get(id)?.for, keys.get(id)?.["attr.type"]], [target, type], id);
    const used = [...g.graph.node, ...g.graph.edge].flatMap((el) => el.data.map((d) => d.key));
    for (const k of used) assert.ok(keys.has(k), `data key ${k} is declared`);
  });

  test("states are nodes with names, recognition and coordinates", () => {
    const g = graph();
    assert.equal(g.graph.edgedefault, "directed");
    const nodes = new Map(g.graph.node.map((n) => [n.id, n]));
    assert.deepEqual([...nodes.keys()].sort(), ["ARN", "GON", "HAR", "IGO:COUNCIL", "ROH"]);
    const arn = nodes.get("ARN")!;
    assert.deepEqual(
      [field(arn, "label"), field(arn, "kind"), field(arn, "recognizes"), field(arn, "lat")],
      ["Arnor", "state", "PRC", "55.1"],
    );
    assert.equal(field(nodes.get("IGO:COUNCIL")!, "kind"), "igo");
  });

  test("edges are typed, dated and weighted; symmetric types are undirected and merged", () => {
    const g = graph();
    const edges = g.graph.edge;
    const ids = new Set(g.graph.node.map((n) => n.id));
    for (const e of edges) assert.ok(ids.has(e.source!) && ids.has(e.target!), "edges join declared nodes");
    const meet = edges.find(
      (e) => field(e, "type") === "MEET" && [e.source, e.target].sort().join() === "GON,ROH",
    )!;
    assert.equal(meet.directed, "false");
    assert.equal(field(meet, "weight"), "10", "ten digest meetings, either direction, one edge");
    assert.equal(field(meet, "first_date"), "2022-01-10");
    assert.equal(field(meet, "last_date"), "2022-01-19");
    const visits = edges.filter((e) => field(e, "type") === "VISIT");
    assert.ok(visits.every((e) => e.directed === "true"));
    const total = edges.reduce((n, e) => n + Number(field(e, "count")), 0);
    assert.equal(total, w.events.filter((e) => e.target).length, "every event with a target is on one edge");
  });

  test("text is escaped for XML, control characters dropped", () => {
    assert.equal(xmlEscape(`a<b>&"c"'\u0001`), "a&lt;b&gt;&amp;&quot;c&quot;&apos;");
  });
});

describe("attache export", () => {
  let dir: string;
  let db: string;
  before(async () => {
    dir = tempDir();
    db = join(dir, "world.db");
    await (await buildWorld(db)).close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("--format plover to standard output, one record a line", () => {
    const r = attache(["export", "--format", "plover", "--db", db, "--type", "VISIT"]);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split("\n");
    assert.equal(lines.length, 11);
    assert.ok(lines.every((l) => (JSON.parse(l) as { event: string[] }).event[0] === "CONSULT"));
  });

  test("--format csv --out FILE writes a BOM and says how many", () => {
    const out = join(dir, "events.csv");
    const r = attache(["export", "--format", "csv", "--db", db, "--out", out, "--from", "2024"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /wrote 4 events/);
    const rows = parseCsv<Record<string, string>>(readFileSync(out, "utf8"), { columns: true, bom: true });
    assert.equal(rows.length, 4);
  });

  test("--format graphml leaves denied events out unless asked", () => {
    const r = attache(["export", "--format", "graphml", "--db", db]);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /e-denied/);
    assert.match(
      attache(["export", "--format", "graphml", "--db", db, "--status", "denied"]).stdout,
      /e-denied/,
    );
  });

  test("bad usage exits 2 naming the argument", () => {
    const r = attache(["export", "--format", "xml", "--db", db]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--format/);
    const bad = attache([
      "export",
      "--format",
      "csv",
      "--db",
      db,
      "--out",
      join(dir, "no", "such", "dir.csv"),
    ]);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /--out/);
  });
});

describe("attache events and attache export filter alike", () => {
  let dir: string;
  let db: string;
  before(() => {
    dir = tempDir();
    db = join(dir, "demo.db");
    const r = attache(["ingest", "--quiet", "--db", db, join(ROOT, "corpus", "demo")]);
    assert.equal(r.status, 0, r.stderr);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const idsOf = (args: string[]): string[] => {
    const r = attache(["events", "--db", db, "--json", "--limit", "1000", ...args]);
    assert.equal(r.status, 0, r.stderr);
    return (JSON.parse(r.stdout) as EventRecord[]).map((e) => e.id).sort();
  };

  test("an actor named in words is the same filter as its id, in both commands", () => {
    const byCode = idsOf(["--actor", "GTM"]);
    assert.ok(byCode.length > 0);
    assert.deepEqual(idsOf(["--actor", "Guatemala"]), byCode);
    const r = attache(["export", "--format", "csv", "--db", db, "--actor", "guatemala"]);
    assert.equal(r.status, 0, r.stderr);
    const rows = parseCsv<Record<string, string>>(r.stdout, { columns: true, bom: true });
    assert.deepEqual(rows.map((row) => row.id).sort(), byCode);
  });

  test("the same bad values are refused the same way, exit 2 naming the option", () => {
    for (const [flag, value] of [
      ["--status", "maybe"],
      ["--type", "HUG"],
      ["--pair", "TWN"],
      ["--from", "last week"],
      ["--actor", "Atlantis"],
    ]) {
      for (const cmd of [["events"], ["export", "--format", "csv"]]) {
        const r = attache([...cmd, "--db", db, flag, value]);
        assert.equal(r.status, 2, `${cmd[0]} ${flag} ${value}: ${r.stderr}`);
        assert.match(r.stderr, new RegExp(flag === "--actor" ? "Atlantis" : flag), r.stderr);
      }
    }
  });
});
