import { randomUUID } from "node:crypto";
import type { ProgressSnapshot } from "@/lib/resources/progress";
import { engineParamsSchema, imageTransferCancelSchema, imageTransferSchema } from "@/lib/schemas";
import type { ImageTransferKind } from "@/lib/socket-events";
import { audit } from "@/server/auth/audit";
import { authorize } from "@/server/auth/authorize";
import { isTransferCancelled, pullImage, pushImage, withDefaultTag } from "@/server/docker/images";
import { authForImage } from "@/server/docker/registries";
import { invalidateDf } from "@/server/docker/system";
import { asHttpError, HttpError, notFound } from "@/server/http/errors";
import type { Runtime } from "@/server/runtime";
import { isScoped } from "@/server/auth/scope";
import { scopeLabels } from "@/server/auth/scope-resolve";
import { eventsInScope } from "./scope-fanout";
import { withAck, type BerthSocket } from "./with-ack";

const MAX_TRANSFERS_PER_SOCKET = 4;

interface RunningTransfer {
  readonly kind: ImageTransferKind;
  readonly engine: string;
  readonly ref: string;
  readonly abort: AbortController;
}

/**
 * `images:pull` / `images:push` (ack with an operation id, then `images:progress` pushes and one
 * `images:done`), `images:cancel` for a transfer this connection started, and
 * `system:events-subscribe` for the system page's live feed.
 */
export function registerResourcesHandlers(socket: BerthSocket, rt: Runtime): void {
  const transfers = new Map<string, RunningTransfer>();

  const start = (kind: ImageTransferKind) =>
    withAck(rt, socket, kind === "pull" ? "images:pull" : "images:push", imageTransferSchema, async (req, user) => {
      if (transfers.size >= MAX_TRANSFERS_PER_SOCKET)
        throw new HttpError(429, "too_many_transfers", `At most ${MAX_TRANSFERS_PER_SOCKET} pulls or pushes at once per connection`);
      const engine = await rt.engines.reachable(req.engine);
      const ref = kind === "pull" ? withDefaultTag(req.ref) : req.ref;
      const auth = await authForImage(rt.db, rt.config.dataDir, ref);
      const operation = randomUUID();
      const abort = new AbortController();
      transfers.set(operation, { kind, engine: engine.id, ref, abort });
      const progress = (s: ProgressSnapshot) =>
        socket.emit("images:progress", { operation, kind, ref, layers: s.layers, current: s.current, total: s.total, status: s.status });
      const run = kind === "pull" ? pullImage : pushImage;
      const ip = socket.data.ip;
      // Run after the ack so the client knows the operation id before progress arrives.
      setImmediate(() => {
        void run(engine, ref, auth, { progress, signal: abort.signal })
          .then(async (s) => {
            socket.emit("images:done", { operation, kind, ref, ok: true, status: s.status, ...(s.digest ? { digest: s.digest } : {}) });
            await audit(rt.db, { user, action: `image.${kind}`, target: `${engine.id}/${ref}`, outcome: "ok", ip, ...(s.digest ? { detail: s.digest } : {}) });
          })
          .catch(async (e) => {
            const message = asHttpError(e)?.message ?? "The transfer failed";
            const cancelled = isTransferCancelled(e);
            socket.emit("images:done", { operation, kind, ref, ok: false, error: message, status: "", ...(cancelled ? { cancelled } : {}) });
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

  // Only the connection that started a transfer knows its id, so it alone can stop it; the
  // starter's permission is checked again (a push needs more than a pull).
  socket.on(
    "images:cancel",
    withAck(rt, socket, "images:pull", imageTransferCancelSchema, async ({ operation }, user) => {
      const t = transfers.get(operation);
      if (!t) throw notFound("No pull or push with that id is running on this connection");
      authorize(user, t.kind === "pull" ? "images:pull" : "images:push", { engine: t.engine });
      t.abort.abort();
      await audit(rt.db, { user, action: `image.${t.kind}.cancel`, target: `${t.engine}/${t.ref}`, outcome: "ok", ip: socket.data.ip });
      return null;
    }),
  );

  const feeds = new Map<string, () => void>();
  socket.on(
    "system:events-subscribe",
    withAck(rt, socket, "system:events", engineParamsSchema, async ({ engine }) => {
      const feed = rt.eventFeeds.get(rt.engines.get(engine).id);
      if (!feed) throw notFound(`No events feed for engine "${engine}"`);
      feeds.get(engine)?.();
      // Filtered per socket for scoped principals (the user is read at push time: a scope change ends the socket anyway).
      const sub = feed.subscribe((events) => {
        const visible = eventsInScope(rt, socket.data.user, engine, events);
        if (visible.length) socket.emit("system:events", { engine, events: visible });
      });
      feeds.set(engine, sub.unsubscribe);
      if (isScoped(socket.data.user.scope)) await scopeLabels(rt).refresh(engine);
      return { events: eventsInScope(rt, socket.data.user, engine, sub.backlog) };
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
