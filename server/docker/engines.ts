import { EventEmitter } from "node:events";
import Docker from "dockerode";
import type { EngineSummary } from "@/lib/wire";
import { describeConnection, dockerOptions, plainEndpoint, type EngineConnection } from "./connection";
import { EngineError, isUnreachableError } from "./errors";

const PROBE_TIMEOUT_MS = 2_000;
const PROBE_INTERVAL_MS = 2_000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}

/**
 * One Docker engine: its client, and whether it answers. A probe loop keeps `reachable` honest;
 * listeners hear about every change so the UI banner and the hubs can react.
 */
export class Engine extends EventEmitter<{ status: [EngineSummary] }> {
  readonly docker: Docker;
  reachable = false;
  version?: string;
  apiVersion?: string;
  lastError?: string;
  private timer?: NodeJS.Timeout;
  private probing?: Promise<boolean>;

  constructor(
    readonly id: string,
    readonly name: string,
    private readonly connection: EngineConnection,
  ) {
    super();
    this.docker = new Docker(dockerOptions(connection));
  }

  /** Where the raw stats reader may connect itself (plain socket or TCP), or undefined to go through dockerode. */
  plainEndpoint(): ReturnType<typeof plainEndpoint> {
    return plainEndpoint(this.connection);
  }

  summary(): EngineSummary {
    return {
      id: this.id,
      name: this.name,
      host: describeConnection(this.connection),
      reachable: this.reachable,
      ...(this.version ? { version: this.version, apiVersion: this.apiVersion } : {}),
      ...(this.reachable || !this.lastError ? {} : { error: this.lastError }),
    };
  }

  /** Pings the engine once (concurrent callers share one probe) and updates `reachable`. */
  probe(): Promise<boolean> {
    this.probing ??= (async () => {
      try {
        const v = await withTimeout(this.docker.version(), PROBE_TIMEOUT_MS);
        this.version = v.Version;
        this.apiVersion = v.ApiVersion;
        this.setReachable(true);
      } catch (e) {
        this.lastError = (e as NodeJS.ErrnoException).code === "EACCES" ? "permission denied on the Docker socket" : "not answering";
        this.setReachable(false);
      } finally {
        this.probing = undefined;
      }
      return this.reachable;
    })();
    return this.probing;
  }

  /** Called when a request failed in a way that suggests the engine went away. */
  noteFailure(e: unknown): void {
    if (isUnreachableError(e) && this.reachable) void this.probe();
  }

  private setReachable(reachable: boolean) {
    if (reachable === this.reachable) return;
    this.reachable = reachable;
    this.emit("status", this.summary());
  }

  start(): void {
    if (this.timer) return;
    void this.probe();
    this.timer = setInterval(() => void this.probe(), PROBE_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

/** All configured engines, each built from its own connection settings. Today: `local` from DOCKER_HOST. */
export class EngineRegistry {
  private readonly engines = new Map<string, Engine>();

  constructor(local: EngineConnection) {
    this.engines.set("local", new Engine("local", "Local engine", local));
  }

  list(): Engine[] {
    return [...this.engines.values()];
  }

  /** The engine, or 404. */
  get(id: string): Engine {
    const engine = this.engines.get(id);
    if (!engine) throw new EngineError("not_found", `No engine "${id}"`, id);
    return engine;
  }

  /** The engine if it answers, or 503 (after one fresh probe, so recovery is noticed at once). */
  async reachable(id: string): Promise<Engine> {
    const engine = this.get(id);
    if (!engine.reachable && !(await engine.probe())) {
      throw new EngineError("engine_unreachable", `Engine "${id}" is unreachable`, id);
    }
    return engine;
  }

  start(): void {
    for (const e of this.engines.values()) e.start();
  }

  stop(): void {
    for (const e of this.engines.values()) e.stop();
  }
}
