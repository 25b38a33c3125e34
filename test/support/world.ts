// A small store over the fictional world (test/fixtures/knowledge/fictional): Gondor plays Taipei (ROC),
// Harad plays Beijing (PRC). Articles are built the way ingest builds them (CleanTextBuilder keeps the
// offsets), stored through the real SQLite repository and its migrations, in memory.
import { CleanTextBuilder } from "../../src/ingest/offsets.ts";
import { loadKnowledge } from "../../src/knowledge/index.ts";
import type { Knowledge } from "../../src/knowledge/types.ts";
import type { QueryContext } from "../../src/query/context.ts";
import type { Repository } from "../../src/store/repository.ts";
import { openSqlite } from "../../src/store/sqlite/sqlite-repository.ts";
import type { Article, EventRecord } from "../../src/store/types.ts";
import { fixture } from "./shared.ts";

export const TODAY = "2026-11-25";

let knowledge: Knowledge | null = null;
export function fictionalKnowledge(): Knowledge {
  return (knowledge ??= loadKnowledge(fixture("knowledge", "fictional")));
}

/** An article whose cleaned text is the given pieces of the original (by substring), joined by blank lines. */
export function article(id: string, original: string, keep: string[], extra: Partial<Article> = {}): Article {
  const b = new CleanTextBuilder();
  keep.forEach((piece, i) => {
    const at = original.indexOf(piece);
    if (at < 0) throw new Error(`"${piece}" is not in the original of ${id}`);
    if (i > 0) b.insert("\n\n");
    b.copy(at, at + piece.length, original);
  });
  const { cleaned, offsets } = b.build();
  return {
    id,
    url: `https://example.org/news/${id}`,
    title: null,
    outlet: "The Gondor Gazette",
    published: null,
    datePrecision: "day",
    dateSource: "front_matter",
    dateConfidence: 1,
    original,
    cleaned,
    offsets,
    role: "main",
    parentId: null,
    sourceName: `${id}.txt`,
    format: "text",
    ...extra,
  };
}

/** An event whose evidence is `sentence`, found in the article's original text. */
export function event(a: Article, id: string, sentence: string, fields: Partial<EventRecord>): EventRecord {
  const start = a.original.indexOf(sentence);
  if (start < 0) throw new Error(`evidence "${sentence}" is not in ${a.id}`);
  return {
    id,
    articleId: a.id,
    type: "MEET",
    source: "GON",
    target: "ARN",
    sourceActor: null,
    targetActor: null,
    date: null,
    datePrecision: null,
    dateStated: true,
    status: "occurred",
    amount: null,
    location: null,
    quote: null,
    span: { start, end: start + sentence.length },
    evidence: sentence,
    plover: { type: "CONSULT", mode: null },
    confidence: 0.8,
    rule: "test/hand-made",
    ...fields,
  };
}

const A1 = `URL: https://example.org/news/a1
TITLE: Gondor pledges aid to Arnor

Minas Tirith, 3 March 2024 — King Elessar of Gondor arrived in Fornost on Friday. Gondor pledged $5 million to Arnor for its roads, Steward Faramir said. Arnor and Gondor signed a trade accord, and Arnor did not praise Harad.
LEAVE A REPLY
`;

const A2 = `<html><head><title>Arnor breaks with Gondor</title></head><body><h1>Arnor breaks with Gondor</h1>
<p>Arnor cut its ties with Gondor on 21 May 2010.</p><p>Arnor &amp; Harad set up ties on 1 June 2010.</p>
<p>Gondor said it regretted the decision.</p><aside>Popular articles</aside></body></html>`;

const A3 = `The White Council asked Rohan, "please, send riders", said Théoden.
=HYPERLINK("http://evil.example"), a line with a comma, "quotes" and a <script>alert(1)</script> tag.
`;

/** Thirty meetings on ten days, three a day: enough for paging and ties on the sort key. */
function digest(): { article: Article; events: EventRecord[] } {
  const lines = Array.from(
    { length: 30 },
    (_, i) => `Digest item ${String(i).padStart(2, "0")}: Rohan and Gondor met.`,
  );
  const a = article("a4-digest", lines.join("\n"), [lines.join("\n")], {
    title: "Digest",
    published: "2022-02-01",
  });
  const events = lines.map((line, i) =>
    event(a, `digest-${String(i).padStart(2, "0")}`, line, {
      type: i % 3 === 0 ? "MEET" : i % 3 === 1 ? "VISIT" : "TRADE_INVESTMENT",
      source: i % 2 ? "ROH" : "GON",
      target: i % 2 ? "GON" : "ROH",
      date: `2022-01-${String(10 + Math.floor(i / 3)).padStart(2, "0")}`,
      datePrecision: "day",
      confidence: 0.5 + (i % 5) / 10,
    }),
  );
  return { article: a, events };
}

export interface World {
  ctx: QueryContext;
  articles: Record<"a1" | "a2" | "a3" | "a4", Article>;
  events: EventRecord[];
  close(): Promise<void>;
}

/** The store in memory, or in a SQLite file (for tests that run the `attache` command on it). */
export function buildWorld(location = ":memory:"): Promise<World> {
  return fillWorld(openSqlite(location));
}

/** Stores the world's articles and events in a store of any kind (test/store runs it on both). */
export async function fillWorld(repo: Repository): Promise<World> {
  const a1 = article(
    "a1-gondor-aid",
    A1,
    [
      "Minas Tirith, 3 March 2024 — King Elessar of Gondor arrived in Fornost on Friday. Gondor pledged $5 million to Arnor for its roads, Steward Faramir said. Arnor and Gondor signed a trade accord, and Arnor did not praise Harad.",
    ],
    { title: "Gondor pledges aid to Arnor", published: "2024-03-03" },
  );
  const a1Events = [
    event(a1, "e-visit", "King Elessar of Gondor arrived in Fornost on Friday.", {
      type: "VISIT",
      source: "GON",
      target: "ARN",
      sourceActor: "Aragorn Elessar",
      date: "2024-03-01",
      datePrecision: "day",
      plover: { type: "CONSULT", mode: "visit" },
    }),
    event(a1, "e-pledge", "Gondor pledged $5 million to Arnor for its roads, Steward Faramir said.", {
      type: "PLEDGE_AID",
      source: "GON",
      target: "ARN",
      status: "pledged",
      amount: { text: "$5 million", value: 5_000_000, unit: "USD" },
      quote: { text: "for its roads", speaker: "Faramir Hurin" },
      date: "2024-03-01",
      datePrecision: "day",
      dateStated: false,
      plover: { type: "AGREE", mode: null },
    }),
    event(a1, "e-sign", "Arnor and Gondor signed a trade accord, and Arnor did not praise Harad.", {
      type: "SIGN_AGREEMENT",
      source: "ARN",
      target: "GON",
      date: "2024-03",
      datePrecision: "month",
      plover: { type: "COOPERATE", mode: "economic" },
    }),
    // Shares words with e-sign: the highlights must split around the overlap.
    event(a1, "e-denied", "Arnor did not praise Harad.", {
      type: "EXPRESS_SUPPORT",
      source: "ARN",
      target: "HAR",
      status: "denied",
      date: "2024-03-01",
      datePrecision: "day",
      plover: { type: "SUPPORT", mode: null },
    }),
  ];

  const a2 = article(
    "a2-arnor-switch",
    A2,
    [
      "Arnor cut its ties with Gondor on 21 May 2010.",
      "Arnor &amp; Harad set up ties on 1 June 2010.",
      "Gondor said it regretted the decision.",
    ],
    { title: "Arnor breaks with Gondor", published: "2010-06-02", format: "html", outlet: null },
  );
  const a2Events = [
    event(a2, "e-sever", "Arnor cut its ties with Gondor on 21 May 2010.", {
      type: "SEVER_RELATIONS",
      source: "ARN",
      target: "GON",
      date: "2010-05-21",
      datePrecision: "day",
      plover: { type: "REDUCE", mode: "diplomatic" },
    }),
    event(a2, "e-establish", "Arnor &amp; Harad set up ties on 1 June 2010.", {
      type: "ESTABLISH_RELATIONS",
      source: "ARN",
      target: "HAR",
      date: "2010-06-01",
      datePrecision: "day",
      plover: { type: "SUPPORT", mode: null },
    }),
    event(a2, "e-undated", "Gondor said it regretted the decision.", {
      type: "CRITICIZE",
      source: "GON",
      target: "ARN",
      date: null,
      datePrecision: null,
      plover: { type: "ACCUSE", mode: null },
    }),
  ];

  const a3 = article("a3-council", A3, [A3.trim()], { title: null, published: null, outlet: null });
  const a3Events = [
    event(a3, "e-request", `The White Council asked Rohan, "please, send riders", said Théoden.`, {
      type: "REQUEST",
      source: "IGO:COUNCIL",
      target: "ROH",
      date: null,
      datePrecision: null,
      plover: { type: "REQUEST", mode: null },
    }),
    event(
      a3,
      "e-formula",
      `=HYPERLINK("http://evil.example"), a line with a comma, "quotes" and a <script>alert(1)</script> tag.`,
      {
        type: "WARN",
        source: "ROH",
        target: null,
        date: "1999",
        datePrecision: "year",
        plover: { type: "THREATEN", mode: null },
      },
    ),
  ];

  const d = digest();
  await repo.saveArticle(a1, a1Events);
  await repo.saveArticle(a2, a2Events);
  await repo.saveArticle(a3, a3Events);
  await repo.saveArticle(d.article, d.events);
  return {
    ctx: { repo, knowledge: fictionalKnowledge(), today: () => TODAY },
    articles: { a1, a2, a3, a4: d.article },
    events: [...a1Events, ...a2Events, ...a3Events, ...d.events],
    close: () => repo.close(),
  };
}
