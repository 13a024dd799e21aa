import { describe, expect, it } from "vitest";
import { statsNumbers, type DockerStatsDoc } from "./stats-math";

/** Recorded from dockerd 20.10 on cgroup v1 (a busy container, trimmed to the fields used). */
const V1: DockerStatsDoc = {
  read: "2026-11-28T12:40:51.577091283Z",
  pids_stats: { current: 3 },
  blkio_stats: {
    io_service_bytes_recursive: [
      { op: "Read", value: 4096 },
      { op: "Write", value: 8192 },
      { op: "Sync", value: 12288 },
      { op: "Total", value: 12288 },
    ],
  },
  cpu_stats: { cpu_usage: { total_usage: 1_520_436_004, percpu_usage: [838_306_347, 682_129_657] }, system_cpu_usage: 3_205_510_000_000, online_cpus: 2 },
  precpu_stats: { cpu_usage: { total_usage: 520_436_004, percpu_usage: [238_306_347, 282_129_657] }, system_cpu_usage: 3_203_510_000_000, online_cpus: 2 },
  memory_stats: { usage: 10_485_760, limit: 67_108_864, stats: { total_inactive_file: 2_097_152, inactive_file: 1, cache: 3_000_000 } },
  networks: { eth0: { rx_bytes: 726, tx_bytes: 100 }, eth1: { rx_bytes: 1000, tx_bytes: 50 } },
};

/** cgroup v2 shape: no percpu_usage, `inactive_file` instead of `total_inactive_file`, lower-case ops. */
const V2: DockerStatsDoc = {
  read: "2026-11-28T12:40:52Z",
  pids_stats: { current: 12 },
  blkio_stats: {
    io_service_bytes_recursive: [
      { op: "read", value: 1_000_000 },
      { op: "write", value: 250_000 },
    ],
  },
  cpu_stats: { cpu_usage: { total_usage: 9_000_000_000 }, system_cpu_usage: 100_000_000_000, online_cpus: 4 },
  precpu_stats: { cpu_usage: { total_usage: 8_000_000_000 }, system_cpu_usage: 96_000_000_000, online_cpus: 4 },
  memory_stats: { usage: 209_715_200, limit: 1_073_741_824, stats: { inactive_file: 52_428_800, anon: 150_000_000 } },
  networks: { eth0: { rx_bytes: 5_000, tx_bytes: 7_000 } },
};

describe("statsNumbers", () => {
  it("computes CPU % like the CLI on cgroup v1: (cpuΔ / systemΔ) × online CPUs × 100", () => {
    // 1e9 ns of CPU over 2e9 ns of system time on 2 CPUs = 100 %.
    expect(statsNumbers(V1).cpuPercent).toBeCloseTo(100, 5);
  });
  it("computes CPU % on cgroup v2 from online_cpus", () => {
    // 1e9 / 4e9 × 4 × 100 = 100 %.
    expect(statsNumbers(V2).cpuPercent).toBeCloseTo(100, 5);
  });
  it("falls back to the per-CPU list length when online_cpus is missing", () => {
    const doc = { ...V1, cpu_stats: { ...V1.cpu_stats!, online_cpus: undefined } };
    expect(statsNumbers(doc).cpuPercent).toBeCloseTo(100, 5);
  });
  it("is 0 for the first sample, whose precpu is empty", () => {
    expect(statsNumbers({ ...V1, precpu_stats: { cpu_usage: { total_usage: 0 } } }).cpuPercent).toBe(0);
  });
  it("subtracts the inactive file cache from memory (v1 total_inactive_file, v2 inactive_file)", () => {
    expect(statsNumbers(V1).memUsage).toBe(10_485_760 - 2_097_152);
    expect(statsNumbers(V2).memUsage).toBe(209_715_200 - 52_428_800);
    expect(statsNumbers(V2).memLimit).toBe(1_073_741_824);
  });
  it("never reports negative memory when the cache exceeds usage", () => {
    expect(statsNumbers({ ...V2, memory_stats: { usage: 100, limit: 1000, stats: { inactive_file: 500 } } }).memUsage).toBe(100);
  });
  it("sums networks and reads block I/O ops in either case", () => {
    expect(statsNumbers(V1)).toMatchObject({ netRx: 1726, netTx: 150, blkRead: 4096, blkWrite: 8192, pids: 3 });
    expect(statsNumbers(V2)).toMatchObject({ netRx: 5000, netTx: 7000, blkRead: 1_000_000, blkWrite: 250_000, pids: 12 });
  });
  it("copes with a stopped container's empty document", () => {
    expect(statsNumbers({ read: "0001-01-01T00:00:00Z" })).toEqual({
      cpuPercent: 0,
      memUsage: 0,
      memLimit: 0,
      netRx: 0,
      netTx: 0,
      blkRead: 0,
      blkWrite: 0,
      pids: 0,
    });
  });
});
