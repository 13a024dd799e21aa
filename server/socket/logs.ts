import { randomUUID } from "node:crypto";
import { logsSubscribeSchema, subscriptionSchema } from "@/lib/schemas";
import { logTarget } from "@/server/docker/logs";
import { HttpError, notFound } from "@/server/http/errors";
import type { Runtime } from "@/server/runtime";
import type { LogFollowers } from "@/server/streams/log-follower";
import { LogSubscription, short, type LogsOutlet } from "@/server/streams/log-subscription";
import { authorize } from "@/server/auth/authorize";
import { resolveTarget } from "@/server/auth/scope-resolve";
import { withAck, type BerthSocket } from "./with-ack";

const MAX_SUBSCRIPTIONS_PER_SOCKET = 8;
/** engine.io packets waiting to be written: more than this and the client is not keeping up. */
const CONGESTED_PACKETS = 4;

/**
 * Packets engine.io holds for this client, not yet handed to the transport. `writeBuffer` is private
 * in engine.io (no public counterpart): server/socket/logs.test.ts fails if engine.io changes it.
 */
export function pendingPackets(socket: Pick<BerthSocket, "conn">): number {
  return (socket.conn as unknown as { writeBuffer: unknown[] }).writeBuffer.length;
}

/** A socket's view of backpressure: engine.io's write buffer and its (public) `drain` event. */
function outletFor(socket: BerthSocket, subscription: string): LogsOutlet {
  const conn = socket.conn;
  return {
    lines: (lines) => socket.emit("logs:lines", { subscription, lines }),
    skipped: (count) => socket.emit("logs:skipped", { subscription, count }),
    ended: (container, reason, message) => socket.emit("logs:ended", { subscription, container, reason, message }),
    live: () => socket.emit("logs:live", { subscription }),
    congested: () => pendingPackets(socket) >= CONGESTED_PACKETS,
    drained: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          conn.off("drain", done);
          conn.off("close", done);
          resolve();
        };
        conn.once("drain", done);
        conn.once("close", done);
      }),
  };
}

/** `logs:subscribe` / `logs:unsubscribe`; every subscription ends with the socket. */
export function registerLogsHandlers(socket: BerthSocket, rt: Runtime, followers: LogFollowers): void {
  const subscriptions = new Map<string, LogSubscription>();

  socket.on(
    "logs:subscribe",
    withAck(rt, socket, "containers:logs", logsSubscribeSchema, async (req, user) => {
      if (subscriptions.size >= MAX_SUBSCRIPTIONS_PER_SOCKET) {
        throw new HttpError(429, "too_many_subscriptions", `At most ${MAX_SUBSCRIPTIONS_PER_SOCKET} log views per connection`);
      }
      const engine = await rt.engines.reachable(req.engine);
      // Out-of-scope containers answer like missing ones (404), whether named by id, name or id prefix.
      for (const container of req.containers) authorize(user, "containers:logs", await resolveTarget(rt, user, { engine: req.engine, container }));
      const resolved = await Promise.all(req.containers.map((ref) => logTarget(engine, ref)));
      const targets = [...new Map(resolved.map((t) => [t.id, t])).values()];
      const id = randomUUID();
      const sub = new LogSubscription(
        engine,
        targets,
        { since: req.since, until: req.until, tail: req.tail, stdout: req.stdout, stderr: req.stderr },
        followers,
        outletFor(socket, id),
      );
      subscriptions.set(id, sub);
      // Start once the ack is on its way, so the client knows the id before lines arrive.
      setImmediate(() => void sub.start());
      return {
        subscription: id,
        containers: targets.map((t) => ({
          id: t.id,
          shortId: short(t.id),
          name: t.name,
          tty: t.tty,
          running: t.running,
          ...(t.startedAt ? { startedAt: t.startedAt } : {}),
        })),
      };
    }),
  );

  socket.on(
    "logs:unsubscribe",
    withAck(rt, socket, "containers:logs", subscriptionSchema, async ({ subscription }) => {
      const sub = subscriptions.get(subscription);
      if (!sub) throw notFound("No such log subscription");
      sub.close();
      subscriptions.delete(subscription);
      return null;
    }),
  );

  socket.on("disconnect", () => {
    for (const sub of subscriptions.values()) sub.close();
    subscriptions.clear();
  });
}
