import { Counter, Gauge, Registry } from "prom-client";
import type { AccessScope } from "@/lib/wire";
import { containerInScope, engineInScope, isScoped } from "@/server/auth/scope";
import type { Runtime } from "@/server/runtime";
import { listContainers } from "@/server/docker/containers";
import { log } from "@/server/log";

const LABELS = ["name", "image", "compose_project"] as const;

/**
 * Prometheus text for every engine, built fresh per scrape from what the collectors already
 * hold (no extra stats requests): one list call per engine for states and health. A scoped API
 * token gets only its engines and its containers' series.
 */
export async function renderMetrics(rt: Runtime, scope?: AccessScope | null): Promise<{ contentType: string; body: string }> {
  const registry = new Registry();
  const gauge = (name: string, help: string, extra: string[] = []) => new Gauge({ name, help, labelNames: [...LABELS, ...extra], registers: [registry] });
  const counter = (name: string, help: string) => new Counter({ name, help, labelNames: [...LABELS], registers: [registry] });

  const engineUp = new Gauge({
    name: "berth_engine_up",
    help: "Whether the Docker engine answers (1) or not (0)",
    labelNames: ["engine"],
    registers: [registry],
  });
  const cpu = gauge("berth_container_cpu_percent", "CPU use as the docker CLI computes it (100 = one full CPU)");
  const mem = gauge("berth_container_memory_usage_bytes", "Memory use without the inactive file cache, as the docker CLI shows it");
  const memLimit = gauge("berth_container_memory_limit_bytes", "Memory limit (the host's memory when unlimited)");
  const rx = counter("berth_container_network_receive_bytes_total", "Bytes received on all interfaces");
  const tx = counter("berth_container_network_transmit_bytes_total", "Bytes sent on all interfaces");
  const blkRead = counter("berth_container_block_read_bytes_total", "Bytes read from block devices");
  const blkWrite = counter("berth_container_block_write_bytes_total", "Bytes written to block devices");
  const pids = gauge("berth_container_pids", "Processes and threads in the container");
  const restarts = counter("berth_container_restarts_total", "Docker's restart count for the container");
  const state = gauge("berth_container_state", "1 for the container's current state", ["state"]);
  const health = gauge("berth_container_health", "1 for the container's current health status", ["health"]);

  for (const engine of rt.engines.list()) {
    if (!engineInScope(scope, engine.id)) continue;
    engineUp.set({ engine: engine.id }, engine.reachable ? 1 : 0);
    if (!engine.reachable) continue;
    const inScope = new Set<string>();
    try {
      for (const c of await listContainers(engine)) {
        if (!containerInScope(scope, engine.id, c.labels)) continue;
        inScope.add(c.id);
        const labels = { name: c.name, image: c.image, compose_project: c.project ?? "" };
        state.set({ ...labels, state: c.state }, 1);
        health.set({ ...labels, health: c.health }, 1);
      }
    } catch (e) {
      log.warn({ engine: engine.id, err: (e as Error).message }, "metrics: container list failed");
    }
    const collector = rt.stats.get(engine.id);
    for (const s of collector?.latest() ?? []) {
      const meta = collector!.meta(s.container);
      if (!meta || (isScoped(scope) && !inScope.has(s.container))) continue;
      const labels = { name: meta.name, image: meta.image, compose_project: meta.project ?? "" };
      cpu.set(labels, s.cpuPercent);
      mem.set(labels, s.memUsage);
      memLimit.set(labels, s.memLimit);
      rx.inc(labels, s.netRx);
      tx.inc(labels, s.netTx);
      blkRead.inc(labels, s.blkRead);
      blkWrite.inc(labels, s.blkWrite);
      pids.set(labels, s.pids);
      restarts.inc(labels, meta.restartCount ?? 0);
    }
  }
  return { contentType: registry.contentType, body: await registry.metrics() };
}
