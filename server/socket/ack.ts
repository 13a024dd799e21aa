import type { Ack } from "@/lib/socket-events";
import { firstIssue, type IssueLike } from "@/lib/zod-messages";
import { asHttpError } from "@/server/http/errors";
import { log } from "@/server/log";

/** Maps a failure to the ack envelope: HttpError or EngineError first, then validation, then a generic message. */
export function ackError(e: unknown): Ack<never> {
  const known = asHttpError(e);
  if (known) return { ok: false, error: { code: known.code, message: known.message } };
  if ((e as { name?: string })?.name === "ZodError") {
    return { ok: false, error: { code: "invalid_input", message: firstIssue((e as { issues: IssueLike[] }).issues).message } };
  }
  log.error({ err: e }, "unhandled socket handler error");
  return { ok: false, error: { code: "internal", message: "Internal error" } };
}
