import { isHttpError } from "@/server/http/errors";
import { withoutHostPaths } from "./host-paths";

/** Node socket errors that mean "the engine is not there", not "the request was wrong". */
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ENOENT", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN", "ESOCKETTIMEDOUT"]);

interface DockerodeError {
  statusCode?: number;
  json?: { message?: string } | string | null;
  reason?: string;
  code?: string;
  message?: string;
}

export function isUnreachableError(e: unknown): boolean {
  const err = e as DockerodeError;
  return !!err && (UNREACHABLE_CODES.has(err.code ?? "") || /socket hang up|timed? ?out/i.test(err.message ?? ""));
}

const MODEM_PREFIX = /^\(HTTP code \d{3}\) /;

/**
 * docker-modem does not parse the JSON body of a failed *stream* request (pull, push, archive…):
 * it folds Docker's message into "(HTTP code 404) <reason or 'unexpected'> - <message> ". Returns
 * the message alone, or null when `message` does not have that shape.
 */
export function stripModemPrefix(message: string, reason?: string): string | null {
  const head = MODEM_PREFIX.exec(message);
  if (!head) return null;
  const rest = message.slice(head[0].length);
  // The reason is ours to know (statusCodes of the call); without it, Docker's text starts after the first " - ".
  const label = reason && rest.startsWith(`${reason} - `) ? `${reason} - ` : rest.startsWith("unexpected - ") ? "unexpected - " : null;
  const cut = label ? label.length : rest.indexOf(" - ") + 3;
  if (cut < 3) return null;
  const text = rest.slice(cut).trim();
  return text || null;
}

/** Docker's own message (`{"message": "..."}`), which the user should see verbatim — but for host storage paths. */
export function dockerMessage(e: unknown): string {
  return withoutHostPaths(rawDockerMessage(e));
}

function rawDockerMessage(e: unknown): string {
  const err = e as DockerodeError;
  if (err?.json && typeof err.json === "object" && err.json.message) return err.json.message;
  if (typeof err?.json === "string" && err.json.trim()) return err.json.trim();
  const stripped = typeof err?.message === "string" ? stripModemPrefix(err.message, err.reason) : null;
  return stripped ?? err?.reason ?? err?.message ?? "Docker request failed";
}

/**
 * What went wrong with an engine call, in Berth's words. The HTTP and socket edges choose the status
 * (server/http/errors.ts `asHttpError`); nothing under server/docker does.
 */
export type EngineErrorCode =
  /** No such object (Docker's 404). */
  | "not_found"
  /** The object's state forbids it (Docker's 409, and its 403 which is a state conflict too). */
  | "conflict"
  /** Docker refused a parameter (400). */
  | "invalid_input"
  /** The engine does not answer, or its socket refuses us. */
  | "engine_unreachable"
  /** The engine (or a registry behind it) refused credentials: not the caller's role, and not ours to fix. */
  | "engine_unauthorized"
  /** A registry behind the engine refused a pull or push (Docker said so inside a 200 stream). */
  | "registry_error"
  /** The caller stopped it (a pull or push cancelled) before it finished. */
  | "cancelled"
  /** An uploaded archive Berth cannot restore (empty, corrupt, or refused by its checks). */
  | "invalid_archive"
  /** An upload larger than Berth takes. */
  | "payload_too_large"
  /** A saved registry credential Berth cannot decrypt. */
  | "credential_unreadable"
  /** Any other engine failure. */
  | "engine_error";

/**
 * Berth's error for a failed engine call, with Docker's message. Recognised by shape, not instanceof,
 * because Next bundles route handlers apart from the custom server's modules. `engine` is "" when no
 * engine is at hand (an upload or a saved credential checked before any engine call); `field` names
 * the request input at fault, when one is.
 */
export class EngineError extends Error {
  readonly isEngineError = true;
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly engine: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "EngineError";
  }
}

export function isEngineError(e: unknown): e is EngineError {
  return typeof e === "object" && e !== null && (e as EngineError).isEngineError === true;
}

/** True when a failure says the object does not exist (an engine 404, or Berth's own not-found). */
export function isNotFoundError(e: unknown): boolean {
  return (isEngineError(e) && e.code === "not_found") || (isHttpError(e) && e.status === 404);
}

/**
 * Maps a dockerode failure to an EngineError with Docker's message. Errors that are already Berth's
 * (EngineError, HttpError) pass through unchanged.
 */
export function toEngineError(e: unknown, engineId: string): EngineError | Error {
  if (isEngineError(e) || isHttpError(e)) return e;
  const err = e as DockerodeError;
  if (err?.code === "EACCES") return new EngineError("engine_unreachable", `Permission denied on the socket of engine "${engineId}"`, engineId);
  if (isUnreachableError(e)) return new EngineError("engine_unreachable", `Engine "${engineId}" is unreachable`, engineId);
  const message = dockerMessage(e);
  switch (err?.statusCode) {
    case 400:
      return new EngineError("invalid_input", message, engineId);
    case 401:
      return new EngineError("engine_unauthorized", message, engineId);
    case 403:
      // Docker answers 403 for state conflicts ("Pool overlaps with other one on this address space", "error
      // while removing network: network … has active endpoints"); Berth's 403 means "your role forbids this".
      return new EngineError("conflict", message, engineId);
    case 404:
      return new EngineError("not_found", message, engineId);
    case 409:
      return new EngineError("conflict", message, engineId);
    default:
      return new EngineError("engine_error", message, engineId);
  }
}
