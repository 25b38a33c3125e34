// Parallel ingest keeps memory bounded: an input's bytes move to the worker thread that reads them (not
// copied), and inputs read but not yet stored never come to more than twice the largest input allowed.
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { test } from "node:test";
import { ParallelIngest } from "../../src/ingest/parallel.ts";
import type { Input } from "../../src/ingest/sources.ts";
import { openSqlite } from "../../src/store/sqlite/sqlite-repository.ts";
import { tempDir } from "../support/cli.ts";

const MAX = 1 << 20;

test("parallel ingest: buffers move to the workers; at most twice the largest input is held", async () => {
  // Large and small inputs, some of unknown size (as URLs and standard input are); the first eight alone
  // (the window of inputs two workers may have in flight) come to twice the cap.
  const sizes = Array.from({ length: 15 }, (_, i) => [MAX, MAX / 2, 100, 3000, MAX - 1][i % 5]);
  assert.ok(sizes.slice(0, 8).reduce((a, b) => a + b) > 2 * 2 * MAX);
  const given: Buffer[] = [];
  let read = 0;
  let stored = 0;
  let worst = 0;
  const list: Input[] = sizes.map((size, i) => ({
    name: `input-${i}.bin`,
    size: i % 3 === 0 ? null : size,
    load: () => {
      // As a read makes them: a small one is a slice of Node's shared pool, a large one owns its memory.
      const buf = Buffer.allocUnsafe(size).fill(0);
      given.push(buf);
      read += size;
      worst = Math.max(worst, read - stored);
      return Promise.resolve(buf);
    },
  }));
  const inputs = Readable.from(list) as AsyncIterable<Input>;
  const dir = tempDir();
  const repo = openSqlite(join(dir, "store.db"));
  const errors: string[] = [];
  try {
    const run = new ParallelIngest(repo, {
      jobs: 2,
      maxInputBytes: MAX,
      onError: (name, why) => void errors.push(`${name}: ${why}`),
      onProgress: (s) => void (stored = s.bytes),
    });
    const sum = await run.run(inputs);
    assert.equal(sum.inputs, sizes.length);
    assert.equal(
      sum.bytes,
      sizes.reduce((a, b) => a + b),
    );
    // Every input was read by a worker (and found binary), none lost.
    assert.equal(errors.length, sizes.length, errors.join("\n"));
    assert.ok(worst <= 2 * MAX, `held ${worst} bytes of read inputs at once, over ${2 * MAX}`);
    assert.ok(run.peakHeldBytes <= 2 * MAX, `counted ${run.peakHeldBytes}`);
    assert.ok(worst > MAX, "two large inputs were in flight together");
    // Moved, not copied: a buffer that owned its memory is empty here now; a pool slice was copied.
    for (const [i, buf] of given.entries()) {
      if (sizes[i] >= 4096) assert.equal(buf.byteLength, 0, `input ${i} (${sizes[i]} bytes) was copied`);
      else assert.equal(buf.byteLength, sizes[i], `input ${i}: a pool slice is left as it was`);
    }
  } finally {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
