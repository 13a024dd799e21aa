import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { userForApiToken } from "@/server/auth/api-tokens";
import { audit } from "@/server/auth/audit";
import { authorize } from "@/server/auth/authorize";
import { readCookie, SESSION_COOKIE, userForSession } from "@/server/auth/sessions";
import { sha256 } from "@/server/auth/tokens";
import { clientInfo } from "@/server/http/client-address";
import { isSameOrigin } from "@/server/http/origin";
import type { Runtime } from "@/server/runtime";
import { LogFollowers } from "@/server/streams/log-follower";
import { registerEventsHandlers } from "./events";
import { registerLogsHandlers } from "./logs";
import { registerResourcesHandlers } from "./resources";
import { registerStatsHandlers, StatsBroadcaster } from "./stats";
import { type BerthServer } from "./with-ack";
import { can } from "@/lib/policy";
import { alertsRoomFor } from "./scope-fanout";

export { ALERTS_ROOM, engineRoom, type BerthServer, type BerthSocket } from "./with-ack";

/**
 * socket.io on the HTTP server: the handshake needs a same-origin Origin (when a browser sends one)
 * and a valid session cookie or `auth.token`; each event is authorized again in its handler.
 */
export function createSocketServer(httpServer: HttpServer, rt: Runtime, followers: LogFollowers): BerthServer & { statsBroadcaster: StatsBroadcaster } {
  const io: BerthServer = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    maxHttpBufferSize: 1e6,
    // Leave other upgrade requests (Next's dev HMR) alone instead of destroying them.
    destroyUpgrade: false,
    allowRequest: (req, done) => {
      const origin = req.headers.origin;
      // Browsers always send Origin on WebSocket and cross-site requests; scripts using tokens may not.
      const client = clientInfo(req, rt.config.trustedProxies);
      if (origin === undefined || isSameOrigin(origin, client)) return done(null, true);
      // Audited like an HTTP denial; the principal is not known yet (the handshake was refused before it).
      void audit(rt.db, {
        user: null,
        action: "socket.connect",
        target: "/socket.io",
        outcome: "denied",
        detail: `foreign origin ${origin.slice(0, 200)}`,
        ip: client.address,
      });
      done("Cross-origin connection refused", false);
    },
  });

  io.use(async (socket, next) => {
    try {
      const token = typeof socket.handshake.auth?.token === "string" ? socket.handshake.auth.token : undefined;
      const cookie = readCookie(socket.request.headers.cookie, SESSION_COOKIE);
      const user = token ? await userForApiToken(rt.db, token) : await userForSession(rt.db, cookie);
      if (!user) return next(new Error("unauthenticated"));
      authorize(user, "session:read");
      socket.data.user = user;
      socket.data.ip = clientInfo(socket.request, rt.config.trustedProxies).address;
      if (token) socket.data.apiToken = token;
      else if (cookie) socket.data.sessionHash = sha256(cookie);
      next();
    } catch {
      next(new Error("unauthenticated"));
    }
  });

  const statsBroadcaster = new StatsBroadcaster(rt, io);
  statsBroadcaster.start();
  io.on("connection", (socket) => {
    if (can(socket.data.user.role, "alerts:read")) void socket.join(alertsRoomFor(socket.data.user));
    registerEventsHandlers(io, socket, rt);
    registerLogsHandlers(socket, rt, followers);
    registerResourcesHandlers(socket, rt);
    registerStatsHandlers(io, socket, rt, statsBroadcaster);
  });

  rt.endSocketsOfSession = (sessionToken: string) => {
    const hash = sha256(sessionToken);
    for (const socket of io.of("/").sockets.values()) {
      if (socket.data.sessionHash === hash) {
        socket.emit("session-ended", { reason: "signed-out" });
        socket.disconnect(true);
      }
    }
  };
  rt.endSocketsOfUser = (userId, reason) => {
    for (const socket of io.of("/").sockets.values()) {
      // API-token sockets live by their token, not by a session: revoking the token is what ends them.
      if (socket.data.user.id === userId && !socket.data.apiToken) {
        socket.emit("session-ended", { reason });
        socket.disconnect(true);
      }
    }
  };
  return Object.assign(io, { statsBroadcaster });
}
