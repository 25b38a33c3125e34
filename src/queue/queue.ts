// Distributed ingest: a job queue in the store's own PostgreSQL database, kept by pg-boss (its tables live in
// the `pgboss` schema). One job is one input — a file, a feed, a JSON Lines file — carried whole in the job
// (as base64 bytes, so a worker on another machine needs no shared disk and decodes it exactly as a local
// ingest would). Jobs are idempotent: an article is stored at most once (its id is its content hash), so a
// job that runs twice changes nothing the second time. A failed job is retried with exponential backoff; a
// job whose worker died stays active until its time runs out, then pg-boss's maintenance fails it over to a
// retry, and another worker runs it.
import PgBoss from "pg-boss";
import pg from "pg";
import type { Input } from "../ingest/sources.ts";
import { isPostgresUrl, redactUrl } from "../store/postgres/postgres-repository.ts";

export const INGEST_QUEUE = "attache-ingest";

/** What a job carries: the input's name (to report it) and its bytes. */
export interface IngestJob {
  name: string;
  bytes: string;
}

export interface QueueSettings {
  /** A job still active after this long is taken as lost (its worker died) and retried. */
  jobTimeoutSeconds: number;
  /** Retries after the first run. */
  retries: number;
  /** First wait before a retry; it doubles each time (with jitter). */
  retryDelaySeconds: number;
  /** How often a worker looks for lost jobs (one worker at a time does). */
  maintenanceSeconds: number;
}

const positive = (v: string | undefined, fallback: number, name: string): number => {
  if (v === undefined || v === "") return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 1) throw new Error(`${name} must be a number of seconds ≥ 1, not "${v}"`);
  return n;
};

/** Defaults, each overridable from the environment (ATTACHE_QUEUE_*), e.g. to test lost jobs quickly. */
export function queueSettings(env: NodeJS.ProcessEnv = process.env): QueueSettings {
  return {
    jobTimeoutSeconds: positive(env.ATTACHE_QUEUE_JOB_TIMEOUT, 300, "ATTACHE_QUEUE_JOB_TIMEOUT"),
    retries: Math.floor(positive(env.ATTACHE_QUEUE_RETRIES, 4, "ATTACHE_QUEUE_RETRIES")),
    retryDelaySeconds: positive(env.ATTACHE_QUEUE_RETRY_DELAY, 5, "ATTACHE_QUEUE_RETRY_DELAY"),
    maintenanceSeconds: positive(env.ATTACHE_QUEUE_MAINTENANCE, 30, "ATTACHE_QUEUE_MAINTENANCE"),
  };
}

export function assertQueueUrl(url: string): void {
  if (!isPostgresUrl(url))
    throw new Error(`the job queue lives in PostgreSQL: --db must be a postgres:// URL, not "${url}"`);
}

/** Starts pg-boss on the database (creating or upgrading its schema) and makes sure the ingest queue exists. */
export async function openQueue(url: string, settings = queueSettings()): Promise<PgBoss> {
  assertQueueUrl(url);
  const boss = new PgBoss({
    connectionString: url,
    application_name: "attache-queue",
    max: 4,
    maintenanceIntervalSeconds: settings.maintenanceSeconds,
    schedule: false,
  });
  // Errors of its background maintenance: worth a line, never a crash (the next round tries again).
  boss.on("error", (err: Error) => process.stderr.write(`attache: queue: ${err.message}\n`));
  try {
    await boss.start();
    await boss.createQueue(INGEST_QUEUE, {
      name: INGEST_QUEUE,
      retryLimit: settings.retries,
      retryDelay: settings.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: settings.jobTimeoutSeconds,
    });
  } catch (err) {
    await boss.stop({ graceful: false, wait: false }).catch(() => undefined);
    throw new Error(`job queue at ${redactUrl(url)}: ${(err as Error).message}`, { cause: err });
  }
  return boss;
}

/**
 * Puts every input on the queue, a hundred jobs per insert. An input that cannot be read here is reported and
 * left out. This is what `attache ingest --queue` needs (see the README): it reads the same inputs as ingest.
 */
export async function enqueueInputs(
  boss: PgBoss,
  inputs: AsyncIterable<Input>,
  onError: (name: string, why: string) => void,
  settings = queueSettings(),
): Promise<{ queued: number; failed: number }> {
  let queued = 0;
  let failed = 0;
  let batch: PgBoss.JobInsert<IngestJob>[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await boss.insert(batch);
    queued += batch.length;
    batch = [];
  };
  for await (const input of inputs) {
    let bytes: Buffer;
    try {
      bytes = await input.load();
    } catch (err) {
      failed++;
      onError(input.name, (err as Error).message);
      continue;
    }
    batch.push({
      name: INGEST_QUEUE,
      data: { name: input.name, bytes: bytes.toString("base64") },
      retryLimit: settings.retries,
      retryDelay: settings.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: settings.jobTimeoutSeconds,
    });
    if (batch.length >= 100) await flush();
  }
  await flush();
  return { queued, failed };
}

export interface QueueStatus {
  pending: number;
  running: number;
  retrying: number;
  failed: number;
  done: number;
  /** The latest failed jobs: the input, the last error, how many times it ran. */
  failures: Array<{ input: string; error: string; runs: number }>;
}

const errorText = (output: unknown): string => {
  const o = output as { message?: string; value?: { message?: string } } | null;
  return o?.message ?? o?.value?.message ?? (output ? JSON.stringify(output) : "unknown error");
};

/** Counts by state (done includes jobs pg-boss has archived) and the errors of failed jobs. */
export async function queueStatus(url: string, failuresShown = 20): Promise<QueueStatus> {
  assertQueueUrl(url);
  const client = new pg.Client({ connectionString: url, application_name: "attache-queue" });
  await client.connect();
  try {
    const out: QueueStatus = { pending: 0, running: 0, retrying: 0, failed: 0, done: 0, failures: [] };
    const { rows: exists } = await client.query<{ t: string | null }>(
      "SELECT to_regclass('pgboss.job') AS t",
    );
    if (!exists[0].t) return out;
    const all = `(SELECT state, data, output, retry_count, completed_on FROM pgboss.job WHERE name = $1
      UNION ALL SELECT state, data, output, retry_count, completed_on FROM pgboss.archive WHERE name = $1) j`;
    const { rows } = await client.query<{ state: string; n: number }>(
      `SELECT state, CAST(count(*) AS INTEGER) AS n FROM ${all} GROUP BY state`,
      [INGEST_QUEUE],
    );
    for (const r of rows) {
      if (r.state === "created") out.pending += r.n;
      else if (r.state === "active") out.running += r.n;
      else if (r.state === "retry") out.retrying += r.n;
      else if (r.state === "failed") out.failed += r.n;
      else if (r.state === "completed") out.done += r.n;
    }
    const failed = await client.query<{ data: IngestJob; output: unknown; retry_count: number }>(
      `SELECT data, output, retry_count FROM ${all} WHERE state = 'failed'
       ORDER BY completed_on DESC NULLS LAST LIMIT $2`,
      [INGEST_QUEUE, failuresShown],
    );
    out.failures = failed.rows.map((r) => ({
      input: r.data?.name ?? "?",
      error: errorText(r.output),
      runs: r.retry_count + 1,
    }));
    return out;
  } finally {
    await client.end();
  }
}
