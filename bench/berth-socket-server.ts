/**
 * Berth's streaming half without Next: the same boot, socket.io server, auth and hubs that
 * server/index.ts wires up, on a throwaway data dir. The benchmarks run it as a child process so
 * its CPU time and memory can be read apart from the client's. Prints one JSON line when ready.
 */
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { boot } from "@/server/boot";
import { loadConfig } from "@/server/config";
import { createApiToken } from "@/server/auth/api-tokens";
import { createSocketServer, engineRoom } from "@/server/socket";
import { EventsHub } from "@/server/streams/events-hub";
import { LogFollowers } from "@/server/streams/log-follower";
import { StatsCollector } from "@/server/streams/stats-collector";

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-bench-"));
  const config = { ...loadConfig(), dataDir, adminPassword: "bench-admin-password-123", port: 0, host: "127.0.0.1", dev: false };
  const { rt } = await boot(config);
  await rt.engines.get("local").probe();
  const { token } = await createApiToken(rt.db, { name: "bench", role: "viewer", createdBy: 1 });
  // One probe for the benchmark: how many upstream stats streams are open right now.
  const server = http.createServer((req, res) => {
    if (req.url === "/bench/upstreams") {
      // With --expose-gc a collection first, so heap figures compare retained memory, not garbage.
      (globalThis as { gc?: () => void }).gc?.();
      const m = process.memoryUsage();
      return res.end(
        JSON.stringify({
          stats: rt.stats.get("local")?.upstreamCount ?? 0,
          logs: followers.count,
          heapUsed: m.heapUsed,
          arrayBuffers: m.arrayBuffers,
          rss: m.rss,
        }),
      );
    }
    res.writeHead(404).end();
  });
  const followers = new LogFollowers();
  const io = createSocketServer(server, rt, followers);
  const hub = new EventsHub(rt.engines.get("local"), {
    containersChanged: (push) => io.to(engineRoom(push.engine)).emit("containers-changed", push),
    resourcesChanged: (push) => io.to(engineRoom(push.engine)).emit("resources-changed", push),
    engineStatus: () => {},
  });
  hub.start();
  const collector = new StatsCollector(rt.engines.get("local"), rt.history);
  rt.stats.set("local", collector);
  collector.start();
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address() as { port: number };
    process.stdout.write(JSON.stringify({ port, token, pid: process.pid }) + "\n");
  });
  process.on("SIGTERM", () => {
    hub.stop();
    followers.closeAll();
    collector.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
}

void main();
