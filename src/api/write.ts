// POST /api/ingest — the one route that writes: one article as JSON, read and coded as `attache ingest` reads
// a JSON Lines record, and stored. app.ts lets it through only with the configured token.
import { z } from "zod";
import { readDocument } from "../ingest/document.ts";
import { MAX_ARTICLE_CHARS } from "../ingest/limits.ts";
import { AttacheError } from "../query/errors.ts";
import { PartialDate, components } from "../query/schemas.ts";
import type { Repository } from "../store/repository.ts";
import type { Article, EventRecord } from "../store/types.ts";

/** What an article stored over HTTP names as its source (the CLI names the file). */
export const API_SOURCE = "POST /api/ingest";

const text = (max: number) => z.string().max(max);

export const IngestRequest = z
  .object({
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional()
      .meta({ description: "Where the article was published (http or https only)." }),
    title: text(1000).optional(),
    source: text(200).optional().meta({ description: "The outlet." }),
    date: PartialDate.optional().meta({ description: "Publication date; else found in the text." }),
    text: text(MAX_ARTICLE_CHARS).optional().meta({ description: "The article as plain text." }),
    html: text(MAX_ARTICLE_CHARS).optional().meta({ description: "The article as HTML (its text is kept)." }),
  })
  .strict()
  .refine((b) => Boolean(b.text?.trim() || b.html?.trim()), {
    message: "text or html is required",
    path: ["text"],
  });
components.add(IngestRequest, { id: "IngestRequest", description: "One article to read, code and store." });

export const IngestResult = z.object({
  stored: z.array(z.object({ id: z.string(), title: z.string().nullable(), events: z.int() })),
  duplicates: z
    .array(z.string())
    .meta({ description: "Ids of articles already in the store (nothing changed)." }),
});
components.add(IngestResult, { id: "IngestResult", description: "What was stored." });
export type IngestResultOut = z.infer<typeof IngestResult>;

/** Reads, codes and stores one validated request. */
export async function ingestOne(
  body: z.output<typeof IngestRequest>,
  repo: Repository,
  code: (a: Article) => EventRecord[],
): Promise<IngestResultOut> {
  const record = {
    url: body.url,
    title: body.title,
    source: body.source,
    date: body.date,
    text: body.text,
    html: body.html,
  };
  const { articles, problems } = await readDocument("request.jsonl", JSON.stringify(record));
  if (articles.length === 0)
    throw new AttacheError(
      422,
      "no_article",
      `no article in the request: ${problems[0]?.why ?? "no article text found"}`,
      problems.map((p) => ({ path: body.html ? "html" : "text", message: p.why })),
    );
  const out: IngestResultOut = { stored: [], duplicates: [] };
  for (const a of articles) {
    const article = { ...a, sourceName: API_SOURCE };
    if (await repo.hasArticle(article.id)) {
      out.duplicates.push(article.id);
      continue;
    }
    const events = code(article);
    if (await repo.saveArticle(article, events))
      out.stored.push({ id: article.id, title: article.title, events: events.length });
    else out.duplicates.push(article.id);
  }
  return out;
}

/** The OpenAPI operation of POST /api/ingest. */
export function ingestOperation(errorRef: (description: string) => object): object {
  const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
  return {
    post: {
      operationId: "ingestArticle",
      summary: "Read, code and store one article (needs the server's token)",
      description:
        "The one write. The server accepts it only when started with a token (ATTACHE_TOKEN or " +
        "--token-file), sent as `Authorization: Bearer TOKEN`. An article already stored is left as it is.",
      tags: ["articles"],
      security: [{ token: [] }],
      requestBody: { required: true, content: { "application/json": { schema: ref("IngestRequest") } } },
      responses: {
        "201": {
          description: "Stored (or already there)",
          content: { "application/json": { schema: ref("IngestResult") } },
        },
        "400": errorRef("Not JSON, or not a valid request"),
        "401": errorRef("No token, or the wrong one"),
        "403": errorRef("The server is read-only (started without a token)"),
        "413": errorRef("Body over the size limit"),
        "415": errorRef("Body not sent as application/json"),
        "422": errorRef("No article text in the request"),
        "500": errorRef("Unexpected error"),
      },
    },
  };
}
