// Third-party articles stay in ../shared; tests read them from there. In CI a missing folder is a failure;
// elsewhere the tests that need it are skipped by name, with the reason.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const SHARED = resolve(ROOT, "..", "shared");
export const HAVE_SHARED = existsSync(join(SHARED, "seeds"));

if (!HAVE_SHARED && process.env.CI)
  throw new Error(`../shared is missing (looked in ${SHARED}); CI needs it`);

/** Pass as the `skip` option of a test that reads ../shared. */
export const needsShared: string | false = HAVE_SHARED ? false : `../shared not found at ${SHARED}`;

export const sharedPath = (...parts: string[]): string => join(SHARED, ...parts);
export const fixture = (...parts: string[]): string => join(ROOT, "test", "fixtures", ...parts);
