import type { Ack } from "@/lib/socket-events";
import { firstIssue, type IssueLike } from "@/lib/zod-messages";
import { isHttpError } from "@/server/http/errors";
import { log } from "@/server/log";

/** Maps a failure to the ack envelope: HttpError first, then validation, then a generic message. */
export function ackError(e: unknown): Ack<never> {
  if (isHttpError(e)) return { ok: false, error: { code: e.code, message: e.message } };
  if ((e as { name?: string })?.name === "ZodError") {
    return { ok: false, error: { code: "invalid_input", message: firstIssue((e as { issues: IssueLike[] }).issues).message } };
  }
  log.error({ err: e }, "unhandled socket handler error");
  return { ok: false, error: { code: "internal", message: "Internal error" } };
}
