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
