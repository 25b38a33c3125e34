// A worker: takes ingest jobs from the queue, reads, codes and stores each one with the same steps as a local
// ingest (ingestInputs: decode, split, date, code, one transaction), and tells the queue how it went. A job
// whose input could not be read or stored fails, and pg-boss retries it with backoff; one that ran before
// finds its articles stored and adds nothing.
import { Readable } from "node:stream";
import type PgBoss from "pg-boss";
import { type EventCoder, type IngestSummary, ingestInputs } from "../ingest/run.ts";
import type { Input } from "../ingest/sources.ts";
import type { Repository } from "../store/repository.ts";
import { INGEST_QUEUE, type IngestJob } from "./queue.ts";

export interface WorkerOptions {
  /** Jobs worked on at once in this process. */
  concurrency: number;
  /** Seconds between fetches (at least 0.5). */
  pollSeconds?: number;
  /** Jobs fetched at once by each poller (default 10). */
  batchSize?: number;
  /** After each job: its input, what was stored, or why it failed. */
  onJob?(input: string, result: IngestSummary | Error): void;
}

/** Codes and stores one job's input; throws (so the job is retried) when anything in it failed. */
export async function runJob(job: IngestJob, repo: Repository, code: EventCoder): Promise<IngestSummary> {
  const bytes = Buffer.from(job.bytes, "base64");
  const input: Input = { name: job.name, size: bytes.length, load: () => Promise.resolve(bytes) };
  const problems: string[] = [];
  const sum = await ingestInputs(Readable.from([input]) as AsyncIterable<Input>, repo, {
    code,
    onError: (name, why) => problems.push(`${name}: ${why}`),
  });
  if (sum.failed > 0) throw new Error(problems.join("; ") || `${job.name}: could not be ingested`);
  return sum;
}

/**
 * Starts `concurrency` pollers on the ingest queue; resolves once they run (stop them with boss.stop). Each
 * poller fetches a few jobs at a time (pg-boss waits its polling interval between fetches, so one job a fetch
 * would cap a poller at one job a second) and settles each job as soon as it is done, so a worker that dies
 * loses only the job in hand: the ones fetched but not started time out and are retried like it.
 */
export async function startWorker(
  boss: PgBoss,
  repo: Repository,
  code: EventCoder,
  options: WorkerOptions,
): Promise<void> {
  for (let i = 0; i < options.concurrency; i++)
    await boss.work<IngestJob>(
      INGEST_QUEUE,
      { batchSize: options.batchSize ?? 10, pollingIntervalSeconds: options.pollSeconds ?? 0.5 },
      async (jobs) => {
        for (const job of jobs) {
          try {
            const sum = await runJob(job.data, repo, code);
            await boss.complete(INGEST_QUEUE, job.id, {
              stored: sum.stored,
              duplicates: sum.duplicates,
              events: sum.events,
            });
            options.onJob?.(job.data.name, sum);
          } catch (err) {
            await boss.fail(INGEST_QUEUE, job.id, { message: (err as Error).message });
            options.onJob?.(job.data.name, err as Error);
          }
        }
      },
    );
}
