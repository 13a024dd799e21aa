import type Docker from "dockerode";
import { formatStatus } from "@/lib/format";
import { maskEnvList, toEnvEntries } from "@/lib/secrets";
import type { ActionResult, ContainerAction, ContainerDetail, ContainerState, ContainerSummary, HealthStatus, PortBinding } from "@/lib/wire";
import type { CreateContainerInput } from "@/lib/schemas";
import type { Engine } from "./engines";
import { createAndStart } from "./create-and-start";
import { call, engineFailure } from "./call";

const COMPOSE_PROJECT = "com.docker.compose.project";
const COMPOSE_SERVICE = "com.docker.compose.service";

/** The list API (1.41) has no health field; Docker writes it into the status text. */
export function healthFromStatus(status: string): HealthStatus {
  if (status.includes("(healthy)")) return "healthy";
  if (status.includes("(unhealthy)")) return "unhealthy";
  if (status.includes("(health: starting)")) return "starting";
  return "none";
}

function toPorts(ports: Docker.Port[] | undefined): PortBinding[] {
  const seen = new Set<string>();
  const out: PortBinding[] = [];
  for (const p of ports ?? []) {
    // Docker lists a published port once per address family (0.0.0.0 and ::); show it once.
    const key = `${p.PrivatePort}/${p.Type}->${p.PublicPort ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      privatePort: p.PrivatePort,
      ...(p.PublicPort ? { publicPort: p.PublicPort, ip: p.IP } : {}),
      type: (p.Type as PortBinding["type"]) ?? "tcp",
    });
  }
  return out.sort((a, b) => a.privatePort - b.privatePort || (a.publicPort ?? 0) - (b.publicPort ?? 0));
}

export function toSummary(c: Docker.ContainerInfo): ContainerSummary {
  const labels = c.Labels ?? {};
  return {
    id: c.Id,
    name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ""),
    image: c.Image,
    state: c.State as ContainerState,
    status: c.Status,
    health: healthFromStatus(c.Status),
    createdAt: new Date(c.Created * 1000).toISOString(),
    ports: toPorts(c.Ports),
    labels,
    ...(labels[COMPOSE_PROJECT] ? { project: labels[COMPOSE_PROJECT] } : {}),
    ...(labels[COMPOSE_SERVICE] ? { service: labels[COMPOSE_SERVICE] } : {}),
  };
}

/** All containers, running or not. Never `size=1`: it walks every filesystem. */
export async function listContainers(engine: Engine): Promise<ContainerSummary[]> {
  const list = await call(engine, () => engine.docker.listContainers({ all: true }));
  return list.map(toSummary);
}

function stateOf(s: Docker.ContainerInspectInfo["State"]): ContainerState {
  return (s.Status as ContainerState) ?? (s.Running ? "running" : "exited");
}

function portsFromInspect(info: Docker.ContainerInspectInfo): PortBinding[] {
  const out: PortBinding[] = [];
  const bound = info.NetworkSettings?.Ports ?? {};
  const exposed = Object.keys(info.Config?.ExposedPorts ?? {});
  for (const spec of new Set([...Object.keys(bound), ...exposed])) {
    const [port, proto] = spec.split("/");
    const bindings = bound[spec] ?? null;
    const base = { privatePort: Number(port), type: (proto ?? "tcp") as PortBinding["type"] };
    if (!bindings?.length) out.push(base);
    const seenHostPorts = new Set<string>();
    for (const b of bindings ?? []) {
      if (seenHostPorts.has(b.HostPort)) continue;
      seenHostPorts.add(b.HostPort);
      out.push({ ...base, publicPort: Number(b.HostPort), ip: b.HostIp || "0.0.0.0" });
    }
  }
  return out.sort((a, b) => a.privatePort - b.privatePort);
}

function argv(v: string | string[] | null | undefined): string[] {
  if (!v) return [];
  return Array.isArray(v) ? v : [v];
}

/**
 * Inspect, shaped for the detail page. Secret-looking env values are masked in both the env
 * list and the raw document unless `reveal` is set (callers check the admin role first).
 */
export async function inspectContainer(engine: Engine, ref: string, reveal: boolean): Promise<ContainerDetail> {
  const info = await call(engine, () => engine.docker.getContainer(ref).inspect());
  const labels = info.Config?.Labels ?? {};
  const env = toEnvEntries(info.Config?.Env, reveal);
  const secretsMasked = env.some((e) => e.secret && e.value === null);
  const state = stateOf(info.State);
  const health = (info.State.Health?.Status as HealthStatus | undefined) ?? "none";
  const raw = secretsMasked ? { ...info, Config: { ...info.Config, Env: maskEnvList(info.Config?.Env) } } : info;
  const host = info.HostConfig ?? {};
  return {
    id: info.Id,
    name: info.Name.replace(/^\//, ""),
    image: info.Config?.Image ?? info.Image,
    imageId: info.Image,
    state,
    status: formatStatus({
      state,
      startedAt: info.State.StartedAt,
      finishedAt: info.State.FinishedAt,
      exitCode: info.State.ExitCode,
      health,
    }),
    health,
    createdAt: info.Created,
    startedAt: info.State.StartedAt?.startsWith("0001") ? undefined : info.State.StartedAt,
    finishedAt: info.State.FinishedAt?.startsWith("0001") ? undefined : info.State.FinishedAt,
    exitCode: info.State.ExitCode,
    oomKilled: info.State.OOMKilled,
    ...(info.State.Error ? { error: info.State.Error } : {}),
    pid: info.State.Pid,
    ports: portsFromInspect(info),
    labels,
    ...(labels[COMPOSE_PROJECT] ? { project: labels[COMPOSE_PROJECT] } : {}),
    ...(labels[COMPOSE_SERVICE] ? { service: labels[COMPOSE_SERVICE] } : {}),
    command: argv(info.Config?.Cmd),
    entrypoint: argv(info.Config?.Entrypoint as string | string[] | undefined),
    workingDir: info.Config?.WorkingDir ?? "",
    user: info.Config?.User ?? "",
    tty: !!info.Config?.Tty,
    hostname: info.Config?.Hostname ?? "",
    env,
    ...(info.Config?.Healthcheck?.Test || info.State.Health
      ? {
          healthcheck: {
            test: info.Config?.Healthcheck?.Test ?? [],
            failingStreak: info.State.Health?.FailingStreak ?? 0,
            log: (info.State.Health?.Log ?? []).map((l) => ({ start: l.Start, end: l.End, exitCode: l.ExitCode, output: l.Output })),
          },
        }
      : {}),
    mounts: (info.Mounts ?? []).map((m) => ({
      type: m.Type ?? "bind",
      source: m.Source,
      destination: m.Destination,
      mode: m.Mode,
      readWrite: m.RW,
      ...(m.Name ? { name: m.Name } : {}),
    })),
    networks: Object.entries(info.NetworkSettings?.Networks ?? {}).map(([name, n]) => ({
      name,
      ...(n.IPAddress ? { ipAddress: `${n.IPAddress}/${n.IPPrefixLen}` } : {}),
      ...(n.GlobalIPv6Address ? { ipv6Address: `${n.GlobalIPv6Address}/${n.GlobalIPv6PrefixLen}` } : {}),
      ...(n.Gateway ? { gateway: n.Gateway } : {}),
      ...(n.MacAddress ? { macAddress: n.MacAddress } : {}),
      aliases: n.Aliases ?? [],
    })),
    restartPolicy: { name: host.RestartPolicy?.Name || "no", maximumRetryCount: host.RestartPolicy?.MaximumRetryCount ?? 0 },
    restartCount: info.RestartCount,
    limits: {
      memoryBytes: host.Memory ?? 0,
      memorySwapBytes: host.MemorySwap ?? 0,
      nanoCpus: host.NanoCpus ?? 0,
      cpuShares: host.CpuShares ?? 0,
      pidsLimit: host.PidsLimit && host.PidsLimit > 0 ? host.PidsLimit : null,
    },
    secretsMasked,
    raw,
  };
}

export interface ActionOptions {
  /** stop/restart: seconds to wait before killing. */
  t?: number;
  /** kill: signal name or number. */
  signal?: string;
}

/** Runs a lifecycle action. Docker's 304 ("already started/stopped") is a success with `changed: false`. */
export async function containerAction(engine: Engine, ref: string, action: ContainerAction, opts: ActionOptions = {}): Promise<ActionResult> {
  const c = engine.docker.getContainer(ref);
  const run: Record<ContainerAction, () => Promise<unknown>> = {
    start: () => c.start(),
    stop: () => c.stop(opts.t === undefined ? {} : { t: opts.t }),
    restart: () => c.restart(opts.t === undefined ? {} : { t: opts.t }),
    pause: () => c.pause(),
    unpause: () => c.unpause(),
    kill: () => c.kill(opts.signal ? { signal: opts.signal } : {}),
  };
  try {
    await run[action]();
    return { id: ref, action, changed: true };
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 304) return { id: ref, action, changed: false };
    throw engineFailure(engine, e);
  }
}

/** Removes a container; without `force` Docker refuses a running one with 409 and says why. */
export async function removeContainer(engine: Engine, ref: string, opts: { force: boolean; volumes: boolean }): Promise<ActionResult> {
  await call(engine, () => engine.docker.getContainer(ref).remove({ force: opts.force, v: opts.volumes }));
  return { id: ref, action: "remove", changed: true };
}

/** Creates (and optionally starts) a container. `cmd` is an argv array: never a shell string. */
export async function createContainer(engine: Engine, input: CreateContainerInput, start: boolean): Promise<{ id: string; name: string; started: boolean }> {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostPort: string; HostIp?: string }[]> = {};
  for (const p of input.ports ?? []) {
    const key = `${p.containerPort}/${p.protocol}`;
    exposed[key] = {};
    if (p.hostPort !== undefined) (bindings[key] ??= []).push({ HostPort: String(p.hostPort), ...(p.hostIp ? { HostIp: p.hostIp } : {}) });
  }
  const spec: Docker.ContainerCreateOptions = {
    Image: input.image,
    ...(input.name ? { name: input.name } : {}),
    ...(input.cmd ? { Cmd: input.cmd } : {}),
    ...(input.entrypoint ? { Entrypoint: input.entrypoint } : {}),
    Env: input.env ?? [],
    Labels: input.labels ?? {},
    Tty: input.tty ?? false,
    ExposedPorts: exposed,
    HostConfig: {
      PortBindings: bindings,
      RestartPolicy: { Name: input.restartPolicy ?? "no" },
      ...(input.memoryBytes ? { Memory: input.memoryBytes } : {}),
      ...(input.nanoCpus ? { NanoCpus: input.nanoCpus } : {}),
    },
  };
  // A start that fails removes the container again (createAndStart), so nothing is left behind silently.
  const container = start ? (await createAndStart(engine, spec)).container : await call(engine, () => engine.docker.createContainer(spec));
  const info = await call(engine, () => container.inspect());
  return { id: info.Id, name: info.Name.replace(/^\//, ""), started: start };
}

/** A container's id, name and labels: what an access scope is decided on (server/auth/scope-resolve.ts). */
export async function containerIdentity(engine: Engine, ref: string): Promise<{ id: string; name: string; labels: Record<string, string> }> {
  const info = await call(engine, () => engine.docker.getContainer(ref).inspect());
  return { id: info.Id, name: info.Name.replace(/^\//, ""), labels: info.Config?.Labels ?? {} };
}

/** What each container uses: images, networks and volumes are visible to a scoped user through the containers in scope. */
export interface ContainerUsage {
  id: string;
  name: string;
  labels: Record<string, string>;
  imageId: string;
  /** The image reference it was created from ("berth-fixture:latest"). */
  image: string;
  /** Network names and ids. */
  networks: string[];
  /** Names of the named volumes it mounts. */
  volumes: string[];
}

/** Every container with the images, networks and volumes it uses (one list call). */
export async function containerUsage(engine: Engine): Promise<ContainerUsage[]> {
  const list = await call(engine, () => engine.docker.listContainers({ all: true }));
  return list.map((c) => ({
    id: c.Id,
    name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ""),
    labels: c.Labels ?? {},
    imageId: c.ImageID,
    image: c.Image,
    networks: Object.entries(c.NetworkSettings?.Networks ?? {}).flatMap(([name, n]) => [name, n.NetworkID].filter(Boolean)),
    volumes: (c.Mounts ?? []).filter((m) => m.Type === "volume" && m.Name).map((m) => m.Name!),
  }));
}
