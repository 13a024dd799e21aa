import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { ADMIN_PASSWORD, FIXTURE_IMAGE, TEST_HOST, TEST_RUN } from "./env";

/**
 * A second Docker engine and a second Berth server for one spec file, so a test may stop the engine or
 * SIGTERM the server without touching the shared ones every other spec uses.
 *
 *   const engine = await startSecondEngine();          // dockerd on its own socket, bridge and data root
 *   const berth = await startBerthServer({ dockerHost: engine.host });
 *   …
 *   await berth.stop("SIGTERM");                       // → { code, signal, output }
 *   await engine.cleanup();                            // kills, deletes the bridge, removes the dirs
 *
 * Both register a clean-up for the worker's exit too, so a failed test or an interrupted run leaves no
 * daemon, bridge or server behind. Waits poll the thing itself (`docker version`, /api/v1/health), never sleep.
 */

const REPO = path.resolve(__dirname, "..");
/** The run's results folder (playwright.config.ts puts the data dir in it). */
const RESULTS = process.env.BERTH_E2E_DATA_DIR ? path.dirname(process.env.BERTH_E2E_DATA_DIR) : path.join(REPO, "test-results");

const exitCleanups = new Set<() => void>();
let exitHookInstalled = false;
/** Runs synchronous clean-ups when the worker exits (a crash or a timeout skips the spec's afterAll). */
function onWorkerExit(fn: () => void): () => void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on("exit", () => {
      for (const f of exitCleanups) {
        try {
          f();
        } catch {
          // Best effort: the next clean-up still runs.
        }
      }
    });
  }
  exitCleanups.add(fn);
  return () => exitCleanups.delete(fn);
}

/** Polls `check` every 100 ms until it resolves true, or throws `what` (with `detail()`) after `timeoutMs`. */
async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, detail: () => string = () => ""): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} (waited ${timeoutMs / 1000} s)${detail() ? `\n${detail()}` : ""}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function tail(file: string, bytes = 4000): string {
  try {
    const text = fs.readFileSync(file, "utf8");
    return text.slice(-bytes);
  } catch {
    return "";
  }
}

/** Resolves with the exit code and signal of `child` (at once if it has ended already). */
function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

/**
 * Sends `signal` to `target` (default `child`) and waits at most `ms` for `child` to exit; then SIGKILL (or
 * `forceKill`). Resolves with how `child` ended.
 */
async function endProcess(child: ChildProcess, signal: NodeJS.Signals, ms: number, forceKill: () => void = () => child.kill("SIGKILL"), target?: number) {
  const done = exited(child);
  if (child.exitCode === null && child.signalCode === null) {
    if (target === undefined) child.kill(signal);
    else process.kill(target, signal);
  }
  const timer = setTimeout(forceKill, ms);
  try {
    return await done;
  } finally {
    clearTimeout(timer);
  }
}

export interface SecondEngine {
  /** `unix:///tmp/berth-e2e-…/docker.sock`: the DOCKER_HOST of this engine. */
  readonly host: string;
  /** The docker CLI against this engine (argv, no shell); resolves to trimmed stdout. */
  cli(...args: string[]): string;
  /** Whether the daemon answers right now. */
  answers(): boolean;
  /** Stops the daemon (SIGTERM, waits for its exit): the socket goes away and clients see it unreachable. */
  stop(): Promise<void>;
  /** Starts it again on the same socket and data root (its containers and images are still there). */
  start(): Promise<void>;
  /** Stops it and removes everything it made: processes, mounts, the bridge, the folder. Safe to call twice. */
  cleanup(): Promise<void>;
}

/**
 * Starts a dockerd of its own: socket, `--data-root`, `--exec-root` and `--pidfile` under /tmp/berth-e2e-<run>-<id>/,
 * and a bridge of its own with an address (`--bridge NAME --iptables=false --ip-masq=false`). Never `--bridge=none`:
 * a second daemon started that way deletes docker0 and breaks the first engine (docs/docker-engine-notes.md).
 * With `withFixtureImage` (default true) berth-fixture:latest is copied over from the main engine.
 */
export async function startSecondEngine(opts: { withFixtureImage?: boolean } = {}): Promise<SecondEngine> {
  const id = randomBytes(3).toString("hex");
  const dir = `/tmp/berth-e2e-${TEST_RUN}-${id}`;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const sock = path.join(dir, "docker.sock");
  const host = `unix://${sock}`;
  const logFile = path.join(dir, "dockerd.log");
  // Interface names are at most 15 characters.
  const bridge = `bx${id}`;
  const subnetOctet = 100 + (parseInt(id.slice(0, 2), 16) % 150);
  // An empty config file: a host's /etc/docker/daemon.json (hosts, bridge…) must not leak into this daemon.
  fs.writeFileSync(path.join(dir, "daemon.json"), "{}\n");

  let bridgeMade = false;
  execFileSync("ip", ["link", "add", bridge, "type", "bridge"]);
  bridgeMade = true;
  execFileSync("ip", ["addr", "add", `10.219.${subnetOctet}.1/24`, "dev", bridge]);
  execFileSync("ip", ["link", "set", bridge, "up"]);

  const args = [
    "--host",
    host,
    "--data-root",
    path.join(dir, "data"),
    "--exec-root",
    path.join(dir, "exec"),
    "--pidfile",
    path.join(dir, "dockerd.pid"),
    "--config-file",
    path.join(dir, "daemon.json"),
    "--bridge",
    bridge,
    "--iptables=false",
    "--ip-masq=false",
    "--log-level",
    "warn",
  ];
  let daemon: ChildProcess | undefined;

  const cli = (...a: string[]) => execFileSync("docker", ["-H", host, ...a], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 30_000 }).trim();
  const answers = () => {
    try {
      cli("version", "--format", "{{.Server.Version}}");
      return true;
    } catch {
      return false;
    }
  };

  const start = async () => {
    if (daemon && daemon.exitCode === null && daemon.signalCode === null) return;
    const out = fs.openSync(logFile, "a");
    daemon = spawn("dockerd", args, { stdio: ["ignore", out, out] });
    fs.closeSync(out);
    const child = daemon;
    await waitFor(
      "the second dockerd did not answer",
      async () => {
        if (child.exitCode !== null) throw new Error("dockerd exited");
        return answers();
      },
      60_000,
      () => `dockerd exit code: ${child.exitCode}; last lines of ${logFile}:\n${tail(logFile)}`,
    );
  };

  const stop = async () => {
    if (!daemon) return;
    // dockerd stops its containers (the fixtures' idle loop ends on TERM at once) and its containerd.
    const { code, signal } = await endProcess(daemon, "SIGTERM", 30_000);
    daemon = undefined;
    if (signal === "SIGKILL") killLeftovers();
    void code;
  };

  /** Processes still running from this engine's folders (containerd, shims) after a forced stop. */
  const killLeftovers = () => {
    let pids: string[] = [];
    try {
      pids = execFileSync("pgrep", ["-f", dir], { encoding: "utf8" }).split("\n").filter(Boolean);
    } catch {
      // pgrep exits 1 when nothing matches.
    }
    for (const pid of pids) {
      try {
        if (Number(pid) !== process.pid) process.kill(Number(pid), "SIGKILL");
      } catch {
        // Gone already.
      }
    }
  };

  /** Synchronous part of the clean-up, shared with the worker's exit hook. */
  const removeAllSync = () => {
    if (daemon && daemon.exitCode === null) daemon.kill("SIGKILL");
    killLeftovers();
    // Mounts the daemon left (overlay layers, netns files), innermost first.
    try {
      const mounts = fs
        .readFileSync("/proc/self/mounts", "utf8")
        .split("\n")
        .map((l) => l.split(" ")[1] ?? "")
        .filter((m) => m.startsWith(dir + "/"))
        .sort((a, b) => b.length - a.length);
      for (const m of mounts) execFileSync("umount", ["-l", m], { stdio: "ignore" });
    } catch {
      // Nothing mounted, or already gone.
    }
    if (bridgeMade) {
      try {
        execFileSync("ip", ["link", "del", bridge], { stdio: "ignore" });
      } catch {
        // Deleted already.
      }
      bridgeMade = false;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const unhook = onWorkerExit(removeAllSync);

  const cleanup = async () => {
    await stop().catch(() => undefined);
    removeAllSync();
    unhook();
  };

  try {
    await start();
    if (opts.withFixtureImage ?? true) await copyImage(FIXTURE_IMAGE, host);
  } catch (err) {
    await cleanup();
    throw err;
  }
  return { host, cli, answers, stop, start, cleanup };
}

/** `docker save IMAGE | docker -H host load`, without a shell. */
async function copyImage(image: string, host: string): Promise<void> {
  const save = spawn("docker", ["save", image], { stdio: ["ignore", "pipe", "pipe"] });
  const load = spawn("docker", ["-H", host, "load", "-q"], { stdio: ["pipe", "pipe", "pipe"] });
  save.stdout!.pipe(load.stdin!);
  let err = "";
  save.stderr!.on("data", (d) => (err += d));
  load.stderr!.on("data", (d) => (err += d));
  const [s, l] = await Promise.all([exited(save), exited(load)]);
  if (s.code !== 0 || l.code !== 0) throw new Error(`copying ${image} to the second engine failed: ${err.trim()}`);
}

export interface BerthServer {
  /** `http://<TEST_HOST>:<port>`, reachable from the browser (its network namespace included). */
  readonly url: string;
  readonly port: number;
  /** Its BERTH_DATA_DIR, to start another server on the same users and sessions. */
  readonly dataDir: string;
  /** stdout and stderr so far (the JSON log). */
  output(): string;
  /** Sends `signal` and waits for the exit (SIGKILL after `timeoutMs`, default 15 s). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string; ms: number }>;
}

/**
 * The node process running server/index.ts under the tsx process `tsxPid` (its only child). The signal goes to it
 * directly, as a service manager's would: tsx relays a signal it gets itself, but SIGKILLs the server (and exits
 * 143) when the server does not confirm within 30 ms, which a loaded machine misses.
 */
function serverPid(tsxPid: number): number | undefined {
  try {
    const pids = execFileSync("pgrep", ["-P", String(tsxPid)], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map(Number);
    return pids.length === 1 ? pids[0] : undefined;
  } catch {
    return undefined;
  }
}

/** A free TCP port on TEST_HOST (the kernel picks one; closed again before the server binds it). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, TEST_HOST, () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Spawns a Berth server (`tsx server/index.ts`, NODE_ENV=production, the same build as the main one:
 * BERTH_DIST_DIR passes through) on a free port of TEST_HOST, with its own BERTH_DATA_DIR under the run's
 * results folder (or `dataDir` and `port`, to start one again where a browser tab expects it) and user `admin`
 * with ADMIN_PASSWORD, and waits for
 * /api/v1/health to answer.
 */
export async function startBerthServer(opts: { dockerHost: string; env?: Record<string, string>; dataDir?: string; port?: number }): Promise<BerthServer> {
  const port = opts.port ?? (await freePort());
  const url = `http://${TEST_HOST}:${port}`;
  const dataDir = opts.dataDir ?? path.join(RESULTS, `data-second-${Date.now()}-${randomBytes(2).toString("hex")}`);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  let output = "";
  // tsx runs the server in a child node process of its own: a process group of their own lets a SIGKILL reach both
  // (tsx passes SIGTERM and SIGINT on to the server, and exits with its code).
  const child = spawn(path.join(REPO, "node_modules", ".bin", "tsx"), ["server/index.ts"], {
    cwd: REPO,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOST: TEST_HOST,
      BERTH_DATA_DIR: dataDir,
      BERTH_ADMIN_PASSWORD: ADMIN_PASSWORD,
      DOCKER_HOST: opts.dockerHost,
      ...opts.env,
    },
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const killGroup = () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // The group is gone already.
    }
  };
  const unhook = onWorkerExit(killGroup);

  try {
    await waitFor(
      `Berth on ${url} did not answer /api/v1/health`,
      async () => {
        if (child.exitCode !== null) throw new Error("exited");
        const res = await fetch(`${url}/api/v1/health`);
        return res.status === 200;
      },
      120_000,
      () => `exit code: ${child.exitCode}; output:\n${output.slice(-4000)}`,
    );
  } catch (err) {
    killGroup();
    unhook();
    throw err;
  }

  return {
    url,
    port,
    dataDir,
    output: () => output,
    async stop(signal = "SIGTERM", timeoutMs = 15_000) {
      const t0 = Date.now();
      const res = signal === "SIGKILL" ? (killGroup(), await exited(child)) : await endProcess(child, signal, timeoutMs, killGroup, serverPid(child.pid!));
      // Whatever happened to tsx, the server it ran must not outlive it.
      killGroup();
      unhook();
      return { ...res, output, ms: Date.now() - t0 };
    },
  };
}
