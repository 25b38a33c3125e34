// Typed reads from attache's own JSON API (same origin only). Responses are described by the zod schemas
// in src/query/schemas.ts; only their types come in here, so the bundle carries no zod.
import { useEffect, useState } from "preact/hooks";
import type { ApiErrorOut } from "../../src/query/schemas.ts";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const cache = new Map<string, unknown>();

/** Builds /api/PATH?query, leaving out empty values. */
export function apiPath(
  path: string,
  query: Record<string, string | number | undefined | null> = {},
): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return `/api/${path}${s ? `?${s}` : ""}`;
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  if (cache.has(url)) return cache.get(url) as T;
  const res = await fetch(url, { signal, headers: { Accept: "application/json" } });
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const err = (body as ApiErrorOut | null)?.error;
    throw new ApiError(res.status, err?.code ?? "http_error", err?.message ?? `HTTP ${res.status}`);
  }
  cache.set(url, body);
  return body as T;
}

export type Load<T> =
  { state: "loading" } | { state: "error"; error: ApiError | Error } | { state: "ok"; data: T };

/** Loads a URL (null: nothing to load) and reloads when it changes. */
export function useApi<T>(url: string | null): Load<T> {
  const [load, setLoad] = useState<Load<T>>(() =>
    url && cache.has(url) ? { state: "ok", data: cache.get(url) as T } : { state: "loading" },
  );
  useEffect(() => {
    if (!url) return;
    if (cache.has(url)) {
      setLoad({ state: "ok", data: cache.get(url) as T });
      return;
    }
    const ctl = new AbortController();
    setLoad({ state: "loading" });
    getJson<T>(url, ctl.signal).then(
      (data) => setLoad({ state: "ok", data }),
      (error: Error) => {
        if (error.name !== "AbortError") setLoad({ state: "error", error });
      },
    );
    return () => ctl.abort();
  }, [url]);
  return load;
}
