/**
 * Docker stats documents → the numbers the docker CLI shows. The formulas follow the CLI
 * (cli/command/container/stats_helpers.go) for cgroup v1 and v2; see docker-engine-notes.md.
 */

export interface DockerStatsDoc {
  read: string;
  cpu_stats?: CpuStats;
  precpu_stats?: CpuStats;
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes: number; tx_bytes: number }>;
  blkio_stats?: { io_service_bytes_recursive?: { op: string; value: number }[] | null };
  pids_stats?: { current?: number };
}

interface CpuStats {
  cpu_usage?: { total_usage?: number; percpu_usage?: number[] | null };
  system_cpu_usage?: number;
  online_cpus?: number;
}

export interface StatsNumbers {
  cpuPercent: number;
  memUsage: number;
  memLimit: number;
  netRx: number;
  netTx: number;
  blkRead: number;
  blkWrite: number;
  pids: number;
}

/** CPU % of one CPU × online CPUs, from the deltas against the previous sample (0 when there is none). */
export function cpuPercent(cur: CpuStats | undefined, pre: CpuStats | undefined): number {
  const cpuDelta = (cur?.cpu_usage?.total_usage ?? 0) - (pre?.cpu_usage?.total_usage ?? 0);
  const systemDelta = (cur?.system_cpu_usage ?? 0) - (pre?.system_cpu_usage ?? 0);
  const cpus = cur?.online_cpus || cur?.cpu_usage?.percpu_usage?.length || 0;
  if (!pre?.system_cpu_usage || cpuDelta <= 0 || systemDelta <= 0 || cpus === 0) return 0;
  return (cpuDelta / systemDelta) * cpus * 100;
}

/** Memory as the CLI shows it: usage minus the inactive file cache (v1 `total_inactive_file`, v2 `inactive_file`). */
export function memoryUsage(mem: DockerStatsDoc["memory_stats"]): number {
  const usage = mem?.usage ?? 0;
  const stats = mem?.stats ?? {};
  const cache = "total_inactive_file" in stats ? stats.total_inactive_file! : (stats.inactive_file ?? 0);
  return cache < usage ? usage - cache : usage;
}

export function blockIo(blkio: DockerStatsDoc["blkio_stats"]): { read: number; write: number } {
  let read = 0;
  let write = 0;
  for (const e of blkio?.io_service_bytes_recursive ?? []) {
    const op = e.op.toLowerCase();
    if (op === "read") read += e.value;
    else if (op === "write") write += e.value;
  }
  return { read, write };
}

/** One stats document (with its own precpu) → CLI numbers. Network and block I/O are cumulative bytes. */
export function statsNumbers(doc: DockerStatsDoc): StatsNumbers {
  let netRx = 0;
  let netTx = 0;
  for (const n of Object.values(doc.networks ?? {})) {
    netRx += n.rx_bytes;
    netTx += n.tx_bytes;
  }
  const blk = blockIo(doc.blkio_stats);
  return {
    cpuPercent: cpuPercent(doc.cpu_stats, doc.precpu_stats),
    memUsage: memoryUsage(doc.memory_stats),
    memLimit: doc.memory_stats?.limit ?? 0,
    netRx,
    netTx,
    blkRead: blk.read,
    blkWrite: blk.write,
    pids: doc.pids_stats?.current ?? 0,
  };
}
