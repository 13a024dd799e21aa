import type { AlertWire } from "@/lib/alerts";
import type { ContainersChangedPush } from "@/lib/socket-events";
import type { AuthUser, DockerEventWire } from "@/lib/wire";
import { firingCountFor, scopeLabels } from "@/server/auth/scope-resolve";
import { engineInScope, hasLabelSelectors, isScoped } from "@/server/auth/scope";
import type { Runtime } from "@/server/runtime";
import { ALERTS_ROOM, engineRoom, type BerthServer, type BerthSocket } from "./with-ack";

/**
 * Pushes to scoped principals. Unscoped sockets keep the shared rooms (one broadcast each);
 * scoped sockets sit in rooms of their own and get a copy filtered for their scope, so an
 * out-of-scope container never shows up in their `containers-changed`, alerts or events feed.
 * The container labels come from the runtime's ScopeLabels directory (see scope-resolve.ts).
 */

/** Scoped sockets following an engine's events. */
export const scopedEngineRoom = (engine: string) => `engine:${engine}:scoped`;
/** Scoped sockets that may read alerts. */
export const SCOPED_ALERTS_ROOM = "alerts:scoped";

/** The room a socket joins for an engine's pushes. */
export function engineRoomFor(user: AuthUser, engine: string): string {
  return isScoped(user.scope) ? scopedEngineRoom(engine) : engineRoom(engine);
}

/** The room a socket joins for alert pushes. */
export function alertsRoomFor(user: AuthUser): string {
  return isScoped(user.scope) ? SCOPED_ALERTS_ROOM : ALERTS_ROOM;
}

function scopedSockets(io: BerthServer, room: string): BerthSocket[] {
  const ids = io.of("/").adapter.rooms.get(room);
  if (!ids?.size) return [];
  return [...ids].map((id) => io.of("/").sockets.get(id)).filter((s): s is BerthSocket => !!s);
}

/** `containers-changed`: everyone unscoped at once; each scoped socket only the ids it may see (nothing if none). */
export function emitContainersChanged(io: BerthServer, rt: Runtime, push: ContainersChangedPush): void {
  io.to(engineRoom(push.engine)).emit("containers-changed", push);
  const sockets = scopedSockets(io, scopedEngineRoom(push.engine));
  if (!sockets.length) return;
  const dir = scopeLabels(rt);
  // New containers are not in the directory yet: refresh first, then decide.
  void Promise.all(push.ids.map((id) => (dir.labelsOf(push.engine, id) ? null : dir.refresh(push.engine)))).then(() => {
    for (const socket of sockets) {
      const scope = socket.data.user.scope;
      // An empty id list means "refetch everything": the refetched list is filtered, so it can go as is.
      const ids = push.ids.filter((id) => dir.visible(scope, push.engine, id));
      if (push.ids.length && !ids.length) continue;
      socket.emit("containers-changed", { ...push, ids });
    }
  });
}

/** Pushes that carry no container (`engine-status`, `resources-changed`) go to both rooms of the engine. */
export function engineRooms(engine: string): string[] {
  return [engineRoom(engine), scopedEngineRoom(engine)];
}

/** `alert:fired` to unscoped readers, and to each scoped reader whose scope holds the alert's container. */
export function emitAlertFired(io: BerthServer, rt: Runtime, alert: AlertWire): void {
  io.to(ALERTS_ROOM).emit("alert:fired", alert);
  const sockets = scopedSockets(io, SCOPED_ALERTS_ROOM);
  if (!sockets.length) return;
  const dir = scopeLabels(rt);
  void (dir.labelsOf(alert.engine, alert.container) ? Promise.resolve() : dir.refresh(alert.engine)).then(() => {
    for (const socket of sockets) if (dir.visible(socket.data.user.scope, alert.engine, alert.container)) socket.emit("alert:fired", alert);
  });
}

/** `alerts:changed`: the shared count for unscoped readers, each scoped reader its own. */
export function emitAlertsChanged(io: BerthServer, rt: Runtime, firing: number): void {
  io.to(ALERTS_ROOM).emit("alerts:changed", { firing });
  for (const socket of scopedSockets(io, SCOPED_ALERTS_ROOM)) {
    void firingCountFor(rt, socket.data.user).then((n) => socket.emit("alerts:changed", { firing: n ?? firing }));
  }
}

/** The events feed entries a principal may see: container events of its containers; for a label-scoped one no other kinds. */
export function eventsInScope(rt: Runtime, user: AuthUser, engine: string, events: readonly DockerEventWire[]): DockerEventWire[] {
  const scope = user.scope;
  if (!isScoped(scope)) return [...events];
  if (!engineInScope(scope, engine)) return [];
  if (!hasLabelSelectors(scope)) return [...events];
  const dir = scopeLabels(rt);
  return events.filter((e) => e.type === "container" && dir.visible(scope, engine, e.id));
}
