// The write token: where it comes from (ATTACHE_TOKEN, or --token-file), and how a request's is checked —
// hashed on both sides, so the comparison takes the same time whatever the lengths, and compared with
// crypto.timingSafeEqual, so it takes the same time wherever the first wrong character is.
import { createHash, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";

/** Shorter tokens are refused at start-up: a token is a password that scripts send, so it can be long. */
export const MIN_TOKEN_LENGTH = 16;

const digest = (s: string): Buffer => createHash("sha256").update(s, "utf8").digest();

/** Whether `given` is the token, in time that does not depend on where they differ. */
export function tokenMatches(expected: string, given: string): boolean {
  return timingSafeEqual(digest(expected), digest(given));
}

/** The token from an `Authorization: Bearer …` header, or null. */
export function bearer(header: string | undefined): string | null {
  const m = /^Bearer[ \t]+(\S{1,1024})[ \t]*$/i.exec(header ?? "");
  return m ? m[1] : null;
}

export class TokenError extends Error {}

/**
 * The configured token: the file's first line when a token file is named, else $ATTACHE_TOKEN, else null
 * (the server is then read-only). Throws TokenError naming the source when the token is unusable.
 */
export function loadToken(
  tokenFile: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  let token: string;
  let from: string;
  if (tokenFile) {
    try {
      token = readFileSync(tokenFile, "utf8").split(/\r?\n/)[0].trim();
    } catch (err) {
      throw new TokenError(
        `--token-file ${tokenFile}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
    }
    from = `--token-file ${tokenFile}`;
  } else if (env.ATTACHE_TOKEN !== undefined && env.ATTACHE_TOKEN !== "") {
    token = env.ATTACHE_TOKEN.trim();
    from = "ATTACHE_TOKEN";
  } else return null;
  if (token.length < MIN_TOKEN_LENGTH)
    throw new TokenError(
      `${from}: the token must be at least ${MIN_TOKEN_LENGTH} characters (try: openssl rand -hex 32)`,
    );
  if (/\s/.test(token)) throw new TokenError(`${from}: the token must not contain white space`);
  return token;
}
