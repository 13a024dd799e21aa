/**
 * `npm run bench -- stats`: Berth's stats collector against a minimal raw collector (N Docker
 * stats streams parsed and discarded) and `docker stats`, in the same run: CPU seconds of each
 * and of dockerd above idle, upstream connections, messages and bytes per client per second,
 * and Berth's memory per container.
 */
import { spawn } from "node:child_process";
import {
  BENCH_LABEL,
  connectClient,
  cpuSeconds,
  docker,
  dockerdPid,
  FIXTURE_IMAGE,
  fmt,
  hasDockerCli,
  removeBenchContainers,
  rssMb,
  startBenchProcess,
  startBerth,
  table,
  type BerthClient,
  type BerthServer,
} from "./lib";

const SIZES = (process.env.BENCH_STATS_N ?? "50,200").split(",").map(Number);
const CLIENTS = (process.env.BENCH_STATS_M ?? "1,20").split(",").map(Number);
const WINDOW_S = Number(process.env.BENCH_STATS_WINDOW ?? 30);
/** Both collectors run this long before a window is measured: stream set-up, inspects and JIT are not steady state. */
const WARMUP_S = Number(process.env.BENCH_STATS_WARMUP ?? 10);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function ensureIdleContainers(n: number): Promise<void> {
  const have = await docker.listContainers({ filters: { label: [`${BENCH_LABEL}=stats`], status: ["running"] } });
  for (let i = have.length; i < n; i++) {
    const c = await docker.createContainer({
      name: `bench-stats-${i}`,
      Image: FIXTURE_IMAGE,
      Cmd: ["sh", "-c", 'trap "exit 0" TERM; while true; do sleep 3600 & wait; done'],
      Labels: { [BENCH_LABEL]: "stats" },
    });
    await c.start();
  }
}

/** CPU seconds used by `pids` (and dockerd) during `seconds`. */
async function measure(pids: number[], seconds: number): Promise<{ cpu: number; dockerd: number }> {
  const d = dockerdPid();
  const c0 = pids.map(cpuSeconds);
  const d0 = d ? cpuSeconds(d) : 0;
  await sleep(seconds * 1000);
  return { cpu: pids.map(cpuSeconds).reduce((a, v, i) => a + v - c0[i]!, 0), dockerd: d ? cpuSeconds(d) - d0 : 0 };
}

/** N raw stats streams in a process of their own (bench/raw-stats-collector.ts), each document parsed and thrown away. */
async function rawCollector(ids: string[], seconds: number): Promise<{ cpu: number; dockerd: number }> {
  const raw = await startBenchProcess<{ pid: number }>("raw-stats-collector.ts", ids);
  await sleep(WARMUP_S * 1000);
  const m = await measure([raw.ready.pid], seconds);
  await raw.stop();
  return m;
}

/** Connects `m` socket.io clients subscribed to every container's stats, counting what they receive. */
async function subscribeClients(server: BerthServer, m: number) {
  const counts = { messages: 0, bytes: 0 };
  const clients: BerthClient[] = [];
  for (let i = 0; i < m; i++) {
    const c = await connectClient(server);
    c.on("stats:samples", (p) => {
      counts.messages++;
      counts.bytes += JSON.stringify(p).length;
    });
    await new Promise((r) => c.emit("stats:subscribe", { engine: "local", backlogSeconds: 0 }, r));
    clients.push(c);
  }
  return { counts, close: () => clients.forEach((c) => c.close()) };
}

async function cliStats(seconds: number): Promise<{ cpu: number; dockerd: number }> {
  const p = spawn("docker", ["stats", "--format", "{{.Name}} {{.CPUPerc}} {{.MemUsage}}"], { stdio: ["ignore", "ignore", "ignore"] });
  await sleep(WARMUP_S * 1000);
  const m = await measure([p.pid!], seconds);
  p.kill();
  return m;
}

export async function benchStats(): Promise<void> {
  const cli = hasDockerCli();
  const d = dockerdPid();
  await removeBenchContainers();
  console.log(
    `\n# Stats benchmark — N = ${SIZES.join(", ")} idle containers, M = ${CLIENTS.join(", ")} socket.io clients, ${WINDOW_S} s windows after ${WARMUP_S} s warm-up`,
  );
  const memByN = new Map<number, number>();
  // Berth's own idle cost (engine probes, timers, socket.io pings) with no container to collect:
  // the issue compares CPU "above idle", so it is subtracted, and printed.
  const berthIdle = await (async () => {
    const server = await startBerth();
    await sleep(WARMUP_S * 1000);
    const m = await measure([server.pid], WINDOW_S);
    await server.stop();
    return m.cpu;
  })();
  console.log(
    `Berth idle (no running containers of its own to collect: ${(await docker.listContainers()).length} running): ${fmt(berthIdle, 2)} CPU s per ${WINDOW_S} s`,
  );
  try {
    for (const n of SIZES) {
      await ensureIdleContainers(n);
      const ids = (await docker.listContainers({ filters: { label: [`${BENCH_LABEL}=stats`], status: ["running"] } })).map((c) => c.Id);
      // Other running containers (demo, fixtures) are collected too; count them so ratios compare like with like.
      const running = (await docker.listContainers()).length;
      const idle = await measure([], WINDOW_S);
      const rows: Record<string, string | number>[] = [];
      const otherRow = (consumer: string, m: { cpu: number; dockerd: number }) =>
        rows.push({
          consumer,
          clients: "—",
          "CPU s": fmt(m.cpu, 2),
          "CPU s above idle": fmt(m.cpu, 2),
          "dockerd CPU s above idle": fmt(m.dockerd - idle.dockerd, 2),
          upstream: running,
          "msgs/client/s": "—",
          "kB/client/s": "—",
        });
      const berthAboveIdle = new Map<number, number>();
      const allIds = (await docker.listContainers()).map((c) => c.Id);
      const raw = await rawCollector(allIds, WINDOW_S);
      otherRow("raw collector", raw);
      if (cli) otherRow("docker stats", await cliStats(WINDOW_S));
      const server = await startBerth();
      // Start-up (an inspect and a history row per container) is not steady state either.
      await sleep(WARMUP_S * 1000);
      for (const m of CLIENTS) {
        const { counts, close } = await subscribeClients(server, m);
        await sleep(WARMUP_S * 1000);
        counts.messages = 0;
        counts.bytes = 0;
        const b = await measure([server.pid], WINDOW_S);
        const upstream = JSON.parse(await (await fetch(`http://127.0.0.1:${server.port}/bench/upstreams`)).text()).stats;
        rows.push({
          consumer: "Berth",
          clients: m,
          "CPU s": fmt(b.cpu, 2),
          "CPU s above idle": fmt(b.cpu - berthIdle, 2),
          "dockerd CPU s above idle": fmt(b.dockerd - idle.dockerd, 2),
          upstream,
          "msgs/client/s": fmt(counts.messages / m / WINDOW_S, 2),
          "kB/client/s": fmt(counts.bytes / m / WINDOW_S / 1000, 1),
        });
        berthAboveIdle.set(m, b.cpu - berthIdle);
        close();
      }
      const probe = JSON.parse(await (await fetch(`http://127.0.0.1:${server.port}/bench/upstreams`)).text());
      memByN.set(running, (probe.heapUsed + probe.arrayBuffers) / 1e6);
      console.log(`  Berth at N=${n}: RSS ${fmt(rssMb(server.pid))} MB, heap+buffers after GC ${fmt((probe.heapUsed + probe.arrayBuffers) / 1e6, 1)} MB`);
      await server.stop();
      // The raw collector again after Berth: back-to-back windows drift (dockerd, the host), so
      // Berth is compared with the mean of the windows before and after it.
      const rawAfter = await rawCollector(allIds, WINDOW_S);
      const rawMean = (raw.cpu + rawAfter.cpu) / 2;
      otherRow("raw collector, after", rawAfter);
      console.log(
        `\n## N = ${n} running containers (${ids.length} bench + ${running - ids.length} others), dockerd idle ${fmt(idle.dockerd, 2)} CPU s per ${WINDOW_S} s`,
      );
      table(rows);
      for (const m of CLIENTS) {
        const b = berthAboveIdle.get(m)!;
        console.log(
          `  N=${n} M=${m}: Berth/raw CPU ${fmt(b / rawMean, 2)}× (Berth ${fmt(b, 2)} s above its idle, raw collector ${fmt(rawMean, 2)} s, the mean of its windows before and after; target ≤ ${m === 1 ? "1.15" : "1.3"}×)`,
        );
      }
    }
    if (memByN.size >= 2) {
      const [a, b] = [...memByN.entries()].sort((x, y) => x[0] - y[0]);
      const perContainer = (b![1] - a![1]) / (b![0] - a![0]);
      console.log(
        `\nBerth retained memory per additional running container (heap + buffers after GC, with full 15-minute rings preallocated): ${fmt(perContainer, 3)} MB (target ≤ 0.25)`,
      );
    }
  } finally {
    await removeBenchContainers();
    void d;
  }
}
