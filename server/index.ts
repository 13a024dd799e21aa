import http from "node:http";
import next from "next";
import { boot } from "./boot";
import { loadConfig } from "./config";
import { limitBody } from "./http/body-limit";
import { clientInfo, stampClientHeaders } from "./http/client-address";
import { contentSecurityPolicy, NONCE_HEADER, newNonce } from "./http/csp";
import { log } from "./log";
import { createSocketServer, type BerthServer } from "./socket";
import { emitAlertFired, emitAlertsChanged, emitContainersChanged, engineRooms } from "./socket/scope-fanout";
import { EventsHub } from "./streams/events-hub";
import { LogFollowers } from "./streams/log-follower";
import { StatsCollector } from "./streams/stats-collector";
import { SystemEventsFeed } from "./streams/system-events-feed";
import { AlertService } from "./alerts/service";

/**
 * The custom server: one port for Next's pages and route handlers and socket.io, plus the
 * per-engine hubs. SIGTERM stops accepting, tells clients, ends Docker streams and closes the store.
 */
async function main() {
  // Next's telemetry would try to reach the internet on every start.
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  const config = loadConfig();
  const dev = process.argv.includes("--dev") || config.dev;
  const { rt, setupToken } = await boot(config);

  const app = next({ dev, dir: process.cwd(), hostname: config.host, port: config.port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = http.createServer((req, res) => {
    // Who is asking, decided once (forwarded headers only from BERTH_TRUSTED_PROXIES); this also
    // drops every x-berth-* header the client sent, so the ones below are always ours.
    stampClientHeaders(req, clientInfo(req, config.trustedProxies));
    // Layouts cannot see the URL; this lets the console layout send signed-out visitors to /login?next=…
    req.headers["x-berth-path"] = req.url ?? "/";
    // A fresh nonce per response: Next reads it from the policy on the request and puts it on its scripts.
    const nonce = newNonce();
    const csp = contentSecurityPolicy(nonce, dev);
    req.headers["content-security-policy"] = csp;
    req.headers[NONCE_HEADER] = nonce;
    res.setHeader("Content-Security-Policy", csp);
    // Bodies are bounded before Next reads any of them (413 with the JSON error shape).
    limitBody(req, res, () => {
      handle(req, res).catch((err) => {
        log.error({ err }, "request failed");
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  });
  server.keepAliveTimeout = 65_000;

  const followers = new LogFollowers();
  const io = createSocketServer(server, rt, followers);
  const hubs = rt.engines.list().map((engine) => {
    const hub = new EventsHub(engine, {
      containersChanged: (push) => emitContainersChanged(io, rt, push),
      resourcesChanged: (push) => io.to(engineRooms(push.engine)).emit("resources-changed", push),
      engineStatus: (summary) => {
        log[summary.reachable ? "info" : "warn"]({ engine: summary.id, reachable: summary.reachable }, "engine status changed");
        io.to(engineRooms(summary.id)).emit("engine-status", summary);
      },
    });
    rt.eventFeeds.set(engine.id, new SystemEventsFeed((listener) => hub.onEvent(listener)));
    hub.start();
    const collector = new StatsCollector(engine, rt.history);
    rt.stats.set(engine.id, collector);
    collector.start();
    return hub;
  });

  const alerts = new AlertService(rt.db, rt.engines, rt.stats, {
    fired: (alert) => emitAlertFired(io, rt, alert),
    changed: (firing) => emitAlertsChanged(io, rt, firing),
  });
  rt.alerts = alerts;
  await alerts.start();

  server.on("error", (err: NodeJS.ErrnoException) => {
    log.fatal({ err: err.message }, err.code === "EADDRINUSE" ? `port ${config.port} is already in use` : "server error");
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${config.port}`;
    log.info({ url, dev }, "Berth is listening");
    if (setupToken) {
      // Printed once, on purpose: without BERTH_ADMIN_PASSWORD this is the only way to create the first admin.
      process.stdout.write(
        `\n  No users yet. Open ${url}/setup and enter this one-time setup token:\n\n      ${setupToken}\n\n` +
          "  (or restart with BERTH_ADMIN_PASSWORD set to create user 'admin')\n\n",
      );
    }
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close();
    const told = tellClientsShuttingDown(io);
    hubs.forEach((h) => h.stop());
    for (const f of rt.eventFeeds.values()) f.stop();
    followers.closeAll();
    io.statsBroadcaster.stop();
    alerts.stop();
    for (const c of rt.stats.values()) c.stop();
    await rt.history.stop();
    rt.engines.stop();
    await told;
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await rt.db.destroy();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

/**
 * Tells every connected client that Berth is stopping, then closes their sockets on purpose: the browser shows
 * "Berth is restarting" at once and reconnects (a server-side disconnect is one socket.io does not retry by itself;
 * components/socket/socket-client.ts does). Resolves once every connection has flushed the push and closed (at most
 * a second): `io.close()` afterwards would drop what a polling or upgrading connection still holds.
 */
function tellClientsShuttingDown(io: BerthServer): Promise<void> {
  const conns = [...io.of("/").sockets.values()].map((s) => s.conn);
  const closed = Promise.all(conns.map((c) => (c.readyState === "closed" ? undefined : new Promise<void>((resolve) => c.once("close", () => resolve())))));
  io.emit("server-shutdown", { reason: "restarting" });
  io.disconnectSockets(true);
  // A tab can still reconnect until io.close() (over a keep-alive connection server.close() left open): tell it too.
  io.on("connection", (socket) => {
    socket.emit("server-shutdown", { reason: "restarting" });
    socket.disconnect(true);
  });
  return Promise.race([closed.then(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, 1_000).unref())]);
}

main().catch((err) => {
  log.fatal({ err: err instanceof Error ? err.message : err }, "Berth failed to start");
  process.exit(1);
});
