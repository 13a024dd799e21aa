import { randomUUID } from "node:crypto";
import type { ProgressSnapshot } from "@/lib/resources/progress";
import { engineParamsSchema, imageTransferSchema } from "@/lib/schemas";
import type { ImageTransferKind } from "@/lib/socket-events";
import { audit } from "@/server/auth/audit";
import { pullImage, pushImage, withDefaultTag } from "@/server/docker/images";
import { authForImage } from "@/server/docker/registries";
import { feedFor } from "@/server/docker/system-events";
import { invalidateDf } from "@/server/docker/system";
import { HttpError, isHttpError } from "@/server/http/errors";
import type { Runtime } from "@/server/runtime";
import { withAck, type BerthSocket } from "./with-ack";

const MAX_TRANSFERS_PER_SOCKET = 4;

/**
 * `images:pull` / `images:push` (ack with an operation id, then `images:progress` pushes and one
 * `images:done`), and `system:events-subscribe` for the system page's live feed.
 */
export function registerResourcesHandlers(socket: BerthSocket, rt: Runtime): void {
  const transfers = new Map<string, AbortController>();

  const start = (kind: ImageTransferKind) =>
    withAck(rt, socket, kind === "pull" ? "images:pull" : "images:push", imageTransferSchema, async (req, user) => {
      if (transfers.size >= MAX_TRANSFERS_PER_SOCKET) throw new HttpError(429, "too_many_transfers", `At most ${MAX_TRANSFERS_PER_SOCKET} pulls or pushes at once per connection`);
      const engine = await rt.engines.reachable(req.engine);
      const ref = kind === "pull" ? withDefaultTag(req.ref) : req.ref;
      const auth = await authForImage(rt.db, rt.config.dataDir, ref);
      const operation = randomUUID();
      const abort = new AbortController();
      transfers.set(operation, abort);
      const progress = (s: ProgressSnapshot) =>
        socket.emit("images:progress", { operation, kind, ref, layers: s.layers, current: s.current, total: s.total, status: s.status });
      const run = kind === "pull" ? pullImage : pushImage;
      const ip = socket.handshake.address;
      // Run after the ack so the client knows the operation id before progress arrives.
      setImmediate(() => {
        void run(engine, ref, auth, { progress, signal: abort.signal })
          .then(async (s) => {
            socket.emit("images:done", { operation, kind, ref, ok: true, status: s.status, ...(s.digest ? { digest: s.digest } : {}) });
            await audit(rt.db, { user, action: `image.${kind}`, target: `${engine.id}/${ref}`, outcome: "ok", ip, ...(s.digest ? { detail: s.digest } : {}) });
          })
          .catch(async (e) => {
            const message = isHttpError(e) ? e.message : "The transfer failed";
            socket.emit("images:done", { operation, kind, ref, ok: false, error: message, status: "" });
            await audit(rt.db, { user, action: `image.${kind}`, target: `${engine.id}/${ref}`, outcome: "error", detail: message, ip });
          })
          .finally(() => {
            transfers.delete(operation);
            invalidateDf(engine);
          });
      });
      return { operation };
    });

  socket.on("images:pull", start("pull"));
  socket.on("images:push", start("push"));

  const feeds = new Map<string, () => void>();
  socket.on(
    "system:events-subscribe",
    withAck(rt, socket, "system:events", engineParamsSchema, async ({ engine }) => {
      const e = rt.engines.get(engine);
      feeds.get(engine)?.();
      const sub = feedFor(e).subscribe((events) => socket.emit("system:events", { engine, events }));
      feeds.set(engine, sub.unsubscribe);
      return { events: sub.backlog };
    }),
  );
  socket.on(
    "system:events-unsubscribe",
    withAck(rt, socket, "system:events", engineParamsSchema, async ({ engine }) => {
      feeds.get(engine)?.();
      feeds.delete(engine);
      return null;
    }),
  );

  socket.on("disconnect", () => {
    // A pull or push started here finishes even if the tab closes (like a CLI pull in the daemon);
    // its outcome stays in the audit trail and the image list updates through events.
    for (const off of feeds.values()) off();
    feeds.clear();
  });
}
