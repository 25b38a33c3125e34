// The writer thread of a parallel ingest into a SQLite file (writer-thread.ts starts it): stores each batch it
// is sent in one transaction, on a connection of its own, and answers which of its articles were new.
import { parentPort, workerData } from "node:worker_threads";
import { openSqlite } from "../store/sqlite/sqlite-repository.ts";
import type { Article, EventRecord } from "../store/types.ts";

export type ToWriter =
  { t: "save"; n: number; items: Array<{ article: Article; events: EventRecord[] }> } | { t: "close" };

/** For each batch, in the order sent: whether each article was new (stored), or why the transaction failed. */
export type FromWriter =
  { t: "saved"; n: number; saved: boolean[] } | { t: "failed"; n: number; why: string };

const port = parentPort;
if (!port) throw new Error("write-worker.ts runs only as a worker thread");
const repo = openSqlite((workerData as { path: string }).path);
const send = (m: FromWriter): void => port.postMessage(m);

port.on("message", (m: ToWriter) => {
  if (m.t === "close") {
    repo.db.close();
    port.close();
    return;
  }
  try {
    send({
      t: "saved",
      n: m.n,
      saved: repo.transaction(() => m.items.map((i) => repo.saveArticleSync(i.article, i.events))),
    });
  } catch (err) {
    send({ t: "failed", n: m.n, why: (err as Error).message });
  }
});
