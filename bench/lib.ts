import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import Docker from "dockerode";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/socket-events";

export const docker = new Docker();
export const BENCH_LABEL = "berth.bench";
export const FIXTURE_IMAGE = "berth-fixture:latest";
const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** User+system CPU seconds a process has used so far (from /proc). */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Resident memory in MB. */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : 0;
}

export function dockerdPid(): number | undefined {
  try {
    return Number(execFileSync("pgrep", ["-o", "-x", "dockerd"], { encoding: "utf8" }).trim()) || undefined;
  } catch {
    return undefined;
  }
}

export function hasDockerCli(): boolean {
  try {
    execFileSync("docker", ["version", "--format", "{{.Client.Version}}"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Samples a process's peak RSS while `fn` runs. */
export async function withPeakRss<T>(pid: number, fn: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peakMb = rssMb(pid);
  const timer = setInterval(() => (peakMb = Math.max(peakMb, rssMb(pid))), 100);
  try {
    return { result: await fn(), peakMb: Math.max(peakMb, rssMb(pid)) };
  } finally {
    clearInterval(timer);
  }
}

export async function removeBenchContainers(): Promise<void> {
  const list = await docker.listContainers({ all: true, filters: { label: [BENCH_LABEL] } });
  await Promise.all(
    list.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch(() => {}),
    ),
  );
}

export async function createContainer(name: string, script: string, start = true): Promise<Docker.Container> {
  await docker
    .getContainer(name)
    .remove({ force: true })
    .catch(() => {});
  const c = await docker.createContainer({ name, Image: FIXTURE_IMAGE, Cmd: ["sh", "-c", script], Labels: { [BENCH_LABEL]: "1" } });
  if (start) await c.start();
  return c;
}

export async function waitExit(c: Docker.Container): Promise<void> {
  await c.wait();
}

export interface BerthServer {
  port: number;
  token: string;
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Runs a bench script with tsx as a child process (same flags for every collector measured) and waits for its JSON ready line. */
export async function startBenchProcess<T>(script: string, args: string[] = []): Promise<{ ready: T; child: ChildProcess; stop(): Promise<void> }> {
  const root = path.resolve(__dirname, "..");
  // BENCH_CPU_PROF=DIR writes a V8 CPU profile of each child there when it exits (NODE_OPTIONS cannot carry --cpu-prof).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", path.join(root, "bench", script), ...args], {
    cwd: root,
    env: { ...process.env, BERTH_LOG_LEVEL: "warn", NODE_ENV: "production", NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --expose-gc` },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ready = await new Promise<T>((resolve, reject) => {
    let buf = "";
    child.stdout!.on("data", (d: Buffer) => {
      buf += d.toString();
      const nl = buf.indexOf("\n");
      if (nl !== -1) resolve(JSON.parse(buf.slice(0, nl)));
    });
    child.once("exit", (code) => reject(new Error(`${script} exited (${code})`)));
  });
  return {
    ready,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Starts bench/berth-socket-server.ts (Berth's streaming half without Next). */
export async function startBerth(): Promise<BerthServer> {
  const { ready, child, stop } = await startBenchProcess<{ port: number; token: string; pid: number }>("berth-socket-server.ts");
  return { ...ready, child, stop };
}

export type BerthClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export function connectClient(server: BerthServer): Promise<BerthClient> {
  const s: BerthClient = io(`http://127.0.0.1:${server.port}`, { path: "/socket.io", auth: { token: server.token }, transports: ["websocket"] });
  return new Promise((resolve, reject) => {
    s.once("connect", () => resolve(s));
    s.once("connect_error", reject);
  });
}

/** GET on the Docker socket, resolving with the raw response stream (for the raw baseline). */
export function rawDockerGet(pathAndQuery: string): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = http.get({ socketPath: "/var/run/docker.sock", path: pathAndQuery }, resolve);
    req.on("error", reject);
  });
}

export function fmt(n: number, digits = 0): string {
  return Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }) : "—";
}

export function table(rows: Record<string, string | number>[]): void {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]!);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(width[i]!)).join("  ");
  console.log(line(cols));
  for (const r of rows) console.log(line(cols.map((c) => String(r[c]))));
}
