import { HttpError, isHttpError } from "@/server/http/errors";
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
 * Maps a dockerode failure to an HttpError with Docker's message and the matching status:
 * 404 no such object, 409 conflict (Docker's 409, and its 403 which is a state conflict too), 400 bad parameter,
 * 503 engine unreachable, 502 other engine errors.
 */
export function toHttpError(e: unknown, engineId: string): HttpError {
  if (isHttpError(e)) return e;
  const err = e as DockerodeError;
  if (err?.code === "EACCES") return new HttpError(503, "engine_unreachable", `Permission denied on the socket of engine "${engineId}"`);
  if (isUnreachableError(e)) return new HttpError(503, "engine_unreachable", `Engine "${engineId}" is unreachable`);
  const message = dockerMessage(e);
  switch (err?.statusCode) {
    case 400:
      return new HttpError(400, "invalid_input", message);
    case 401:
      // The engine (or a registry behind it) refused credentials: not the caller's role, and not ours to fix.
      return new HttpError(502, "engine_unauthorized", message);
    case 403:
      // Docker answers 403 for state conflicts ("Pool overlaps with other one on this address space", "error
      // while removing network: network … has active endpoints"); Berth's 403 means "your role forbids this".
      return new HttpError(409, "conflict", message);
    case 404:
      return new HttpError(404, "not_found", message);
    case 409:
      return new HttpError(409, "conflict", message);
    default:
      return new HttpError(502, "engine_error", message);
  }
}
