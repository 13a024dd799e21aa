import type { IncomingMessage } from "node:http";
import type { Server, Socket } from "socket.io";
import type { z } from "zod";
import type { Action } from "@/lib/policy";
import type { Ack, ClientToServerEvents, InterServerEvents, ServerToClientEvents } from "@/lib/socket-events";
import type { AuthUser } from "@/lib/wire";
import { userForApiToken } from "@/server/auth/api-tokens";
import { authorize } from "@/server/auth/authorize";
import { readCookie, SESSION_COOKIE, userForSession } from "@/server/auth/sessions";
import { isHttpError, unauthenticated } from "@/server/http/errors";
import { audit } from "@/server/auth/audit";
import type { Runtime } from "@/server/runtime";
import { ackError } from "./ack";

export interface SocketData {
  user: AuthUser;
  /** sha256 of the session cookie, so logout can find and end this socket. */
  sessionHash?: string;
  apiToken?: string;
  /** The client's address as `clientInfo` decided it at the handshake (for the audit trail). */
  ip?: string;
}

export type BerthServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type BerthSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export function headerGetter(req: IncomingMessage) {
  return { get: (name: string) => (req.headers[name.toLowerCase()] as string | undefined) ?? null };
}

/** The socket's principal, checked again now: sessions expire and are signed out while sockets stay open. */
async function currentUser(rt: Runtime, socket: BerthSocket): Promise<AuthUser> {
  const cookie = readCookie(socket.request.headers.cookie, SESSION_COOKIE);
  const user = socket.data.apiToken ? await userForApiToken(rt.db, socket.data.apiToken) : await userForSession(rt.db, cookie);
  if (!user) {
    socket.emit("session-ended", { reason: "ended" });
    socket.disconnect(true);
    throw unauthenticated();
  }
  socket.data.user = user;
  return user;
}

/**
 * Wraps a client request: re-check the principal, authorize the role (deny by default), validate
 * with zod, authorize the engine against the principal's scope, run, and answer with the ack envelope. Calls without an ack function are ignored.
 */
export function withAck<S extends z.ZodType, R>(
  rt: Runtime,
  socket: BerthSocket,
  action: Action,
  schema: S,
  fn: (req: z.infer<S>, user: AuthUser) => Promise<R>,
) {
  return async (raw: unknown, ack: unknown) => {
    if (typeof ack !== "function") return;
    const reply = ack as (res: Ack<R>) => void;
    try {
      const user = await currentUser(rt, socket);
      // The role first, as HTTP does: a refused caller learns nothing from validation messages.
      await auditDenial(rt, socket, user, action, () => authorize(user, action));
      const req = schema.parse(raw);
      // Only the engine is taken from the request: container targets are resolved by the handler (labels come from Docker, never from the client).
      const engine = (req as { engine?: unknown } | null)?.engine;
      await auditDenial(rt, socket, user, action, () => authorize(user, action, typeof engine === "string" ? { engine } : {}));
      reply({ ok: true, data: await fn(req, user) });
    } catch (e) {
      reply(ackError(e));
    }
  };
}

/** Runs an authorize check; a 403 is audited as HTTP denials are (404s of out-of-scope objects are answers, not denials). */
async function auditDenial(rt: Runtime, socket: BerthSocket, user: AuthUser, action: Action, check: () => void): Promise<void> {
  try {
    check();
  } catch (e) {
    if (isHttpError(e) && e.status === 403) await audit(rt.db, { user, action, target: `socket:${action}`, outcome: "denied", ip: socket.data.ip });
    throw e;
  }
}

export const engineRoom = (engine: string) => `engine:${engine}`;

/** Sockets whose user may read alerts: toasts and the navigation badge go here. */
export const ALERTS_ROOM = "alerts";
