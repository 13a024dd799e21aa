import http from "node:http";
import next from "next";
import { boot } from "./boot";
import { loadConfig } from "./config";
import { log } from "./log";
import { createSocketServer } from "./socket";
import { emitAlertFired, emitAlertsChanged, emitContainersChanged, engineRooms } from "./socket/scope-fanout";
import { EventsHub } from "./streams/events-hub";
import { LogFollowers } from "./streams/log-follower";
import { StatsCollector } from "./streams/stats-collector";
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
    // Layouts cannot see the URL; this lets the console layout send signed-out visitors to /login?next=…
    // (always overwritten, so a client cannot choose it).
    req.headers["x-berth-path"] = req.url ?? "/";
    handle(req, res).catch((err) => {
      log.error({ err }, "request failed");
      if (!res.headersSent) res.writeHead(500).end();
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
    hubs.forEach((h) => h.stop());
    followers.closeAll();
    io.statsBroadcaster.stop();
    alerts.stop();
    for (const c of rt.stats.values()) c.stop();
    await rt.history.stop();
    rt.engines.stop();
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await rt.db.destroy();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err) => {
  log.fatal({ err: err instanceof Error ? err.message : err }, "Berth failed to start");
  process.exit(1);
});
