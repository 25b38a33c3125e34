// The one error type queries and routes throw: an HTTP status and a stable machine code, handled in one place
// (the API's onError; the CLI maps 4xx to a usage error). Tests assert on `code`, never on the message.
export type ErrorCode =
  | "invalid_request"
  | "unknown_actor"
  | "not_a_state"
  | "not_found"
  | "method_not_allowed"
  | "internal"
  // the write endpoint and the server's own limits (src/api)
  | "read_only"
  | "unauthorized"
  | "forbidden_host"
  | "payload_too_large"
  | "unsupported_media_type"
  | "no_article"
  | "timeout";

export interface ErrorDetail {
  path: string;
  message: string;
}

export class AttacheError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 413 | 415 | 421 | 422 | 500 | 503,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = "AttacheError";
  }
}

export const notFound = (what: string): AttacheError => new AttacheError(404, "not_found", what);
export const badRequest = (message: string, details?: ErrorDetail[]): AttacheError =>
  new AttacheError(400, "invalid_request", message, details);
