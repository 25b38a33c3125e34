// The built dashboard (web/dist): hashed assets cached for good, every other path answered with index.html
// so the dashboard's own router can take it. Nothing outside the folder is ever read: the path is decoded once,
// resolved, and must stay inside the folder, and so must the file a link inside it points to.
import { readFile, realpath, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

export const DEFAULT_WEB_ROOT = resolve(import.meta.dirname, "..", "..", "web", "dist");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json",
  ".woff2": "font/woff2",
};

export interface StaticFile {
  body: Uint8Array;
  type: string;
  cache: string;
}

async function readIfFile(path: string): Promise<Uint8Array | null> {
  try {
    if (!(await stat(path)).isFile()) return null;
    return new Uint8Array(await readFile(path));
  } catch {
    return null;
  }
}

/** The file under root, its real path (links followed) still inside root; else null. */
async function readInside(root: string, path: string): Promise<Uint8Array | null> {
  try {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(path)]);
    if (!real.startsWith(realRoot + sep)) return null;
    return await readIfFile(real);
  } catch {
    return null;
  }
}

/** The file for a URL path, the index page for any other page path, or null when the dashboard is not built. */
export async function staticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    rel = "/";
  }
  const path = normalize(join(root, rel));
  const inside = path.startsWith(root + sep) && !rel.includes("\0");
  if (inside && extname(path)) {
    const body = await readInside(root, path);
    if (body) {
      const hashed = rel.startsWith("/assets/");
      return {
        body,
        type: TYPES[extname(path)] ?? "application/octet-stream",
        cache: hashed ? "public, max-age=31536000, immutable" : "no-cache",
      };
    }
    if (rel.startsWith("/assets/")) return null;
  }
  const index = await readIfFile(join(root, "index.html"));
  return index ? { body: index, type: TYPES[".html"], cache: "no-cache" } : null;
}

export async function isBuilt(root: string): Promise<boolean> {
  return (await readIfFile(join(root, "index.html"))) !== null;
}
