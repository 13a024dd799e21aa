import type { Ack } from "@/lib/socket-events";
import { isHttpError } from "@/server/http/errors";
import { log } from "@/server/log";

/** Maps a failure to the ack envelope: HttpError first, then validation, then a generic message. */
export function ackError(e: unknown): Ack<never> {
  if (isHttpError(e)) return { ok: false, error: { code: e.code, message: e.message } };
  if ((e as { name?: string })?.name === "ZodError") {
    const issue = (e as { issues: { path: PropertyKey[]; message: string }[] }).issues[0];
    const field = issue?.path.map(String).join(".");
    return { ok: false, error: { code: "invalid_input", message: field ? `${field}: ${issue?.message}` : (issue?.message ?? "Invalid input") } };
  }
  log.error({ err: e }, "unhandled socket handler error");
  return { ok: false, error: { code: "internal", message: "Internal error" } };
}
