import { isEngineError, type EngineErrorCode } from "@/server/docker/errors";

/**
 * The one error type that carries an HTTP status through every layer. Recognised by shape, not
 * instanceof, because Next bundles route handlers separately from the custom server's modules.
 */
export class HttpError extends Error {
  readonly isHttpError = true;
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export function isHttpError(e: unknown): e is HttpError {
  return typeof e === "object" && e !== null && (e as HttpError).isHttpError === true;
}

export const badRequest = (message: string, field?: string) => new HttpError(400, "invalid_input", message, field);
export const unauthenticated = () => new HttpError(401, "unauthenticated", "Sign in first.");
/** A session cookie came along but its session is gone (ended by an admin, signed out elsewhere, expired). */
export const sessionEnded = () => new HttpError(401, "session_ended", "Your session has ended: sign in again.");
export const forbidden = (message = "Your role does not allow this") => new HttpError(403, "forbidden", message);
export const notFound = (message: string) => new HttpError(404, "not_found", message);

/** The HTTP status of each engine failure: chosen here, at the edge, not in server/docker. */
const ENGINE_STATUS: Record<EngineErrorCode, number> = {
  not_found: 404,
  conflict: 409,
  invalid_input: 400,
  engine_unreachable: 503,
  engine_unauthorized: 502,
  registry_error: 502,
  // nginx's "client closed request", the closest status for a stop the client asked for.
  cancelled: 499,
  invalid_archive: 400,
  payload_too_large: 413,
  credential_unreadable: 500,
  engine_error: 502,
};

/** An HttpError for a failure the edges know how to answer (HttpError, EngineError), or undefined. */
export function asHttpError(e: unknown): HttpError | undefined {
  if (isHttpError(e)) return e;
  if (isEngineError(e)) return new HttpError(ENGINE_STATUS[e.code], e.code, e.message, e.field);
  return undefined;
}
