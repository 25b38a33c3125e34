// Worker threads that run this project's TypeScript: a worker does not inherit the tsx loader, so each one
// registers it, then loads its module.
import { Worker } from "node:worker_threads";

const TSX = JSON.stringify(import.meta.resolve("tsx/esm/api"));

/** Starts a worker thread running `module` (a .ts file), with `workerData` as it is given. */
export function tsWorker(module: URL, workerData?: unknown): Worker {
  const boot = `import(${TSX}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
