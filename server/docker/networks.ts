import type Docker from "dockerode";
import type { NetworkCreateInput } from "@/lib/schemas";
import type { NetworkDetail, NetworkSummary, PruneResult } from "@/lib/wire";
import type { Engine } from "./engines";
import { EngineError } from "./errors";
import { call } from "./call";

/** Docker's own networks: removing them is refused, so Berth refuses first with a clear message. */
export const PREDEFINED_NETWORKS = new Set(["bridge", "host", "none"]);

type NetworkInfo = Docker.NetworkInspectInfo & { Created?: string; Internal?: boolean; Attachable?: boolean; EnableIPv6?: boolean };

function toSummary(n: NetworkInfo, containerCount: number): NetworkSummary {
  return {
    id: n.Id,
    name: n.Name,
    driver: n.Driver,
    scope: n.Scope,
    subnets: (n.IPAM?.Config ?? []).map((c) => ({
      subnet: c.Subnet ?? "",
      ...(c.Gateway ? { gateway: c.Gateway } : {}),
      ...(c.IPRange ? { ipRange: c.IPRange } : {}),
    })),
    internal: !!n.Internal,
    attachable: !!n.Attachable,
    ipv6: !!n.EnableIPv6,
    containerCount,
    createdAt: n.Created ?? "",
    labels: n.Labels ?? {},
    predefined: PREDEFINED_NETWORKS.has(n.Name),
  };
}

/** Networks with attached-container counts (from the container list: the network list leaves them out). */
export async function listNetworks(engine: Engine): Promise<NetworkSummary[]> {
  const [nets, containers] = await Promise.all([
    call(engine, () => engine.docker.listNetworks() as Promise<NetworkInfo[]>),
    call(engine, () => engine.docker.listContainers({ all: true })),
  ]);
  const counts = new Map<string, number>();
  for (const c of containers) {
    for (const ep of Object.values(c.NetworkSettings?.Networks ?? {})) {
      if (ep.NetworkID) counts.set(ep.NetworkID, (counts.get(ep.NetworkID) ?? 0) + 1);
    }
  }
  return nets.map((n) => toSummary(n, counts.get(n.Id) ?? 0));
}

export async function inspectNetwork(engine: Engine, ref: string): Promise<NetworkDetail> {
  const n = (await call(engine, () => engine.docker.getNetwork(ref).inspect())) as NetworkInfo;
  const endpoints = Object.entries(n.Containers ?? {}).map(([id, ep]) => ({
    id,
    name: ep.Name,
    ...(ep.IPv4Address ? { ipv4: ep.IPv4Address } : {}),
    ...(ep.IPv6Address ? { ipv6: ep.IPv6Address } : {}),
    ...(ep.MacAddress ? { mac: ep.MacAddress } : {}),
  }));
  endpoints.sort((a, b) => a.name.localeCompare(b.name));
  return {
    ...toSummary(n, endpoints.length),
    ipamDriver: n.IPAM?.Driver ?? "default",
    ipamOptions: (n.IPAM?.Options as Record<string, string> | undefined) ?? {},
    options: n.Options ?? {},
    containers: endpoints,
  };
}

export async function createNetwork(engine: Engine, input: NetworkCreateInput): Promise<{ id: string; name: string }> {
  if (input.driver === "overlay") {
    const info = await call(engine, () => engine.docker.info());
    if (!info.Swarm?.ControlAvailable)
      throw new EngineError("conflict", "Overlay networks need this engine to be a Swarm manager (docker swarm init)", engine.id);
  }
  const ipamConfig = [
    ...(input.subnet
      ? [{ Subnet: input.subnet, ...(input.ipRange ? { IPRange: input.ipRange } : {}), ...(input.gateway ? { Gateway: input.gateway } : {}) }]
      : []),
    // Dual stack: one IPAM pool per family.
    ...(input.ipv6Subnet ? [{ Subnet: input.ipv6Subnet, ...(input.ipv6Gateway ? { Gateway: input.ipv6Gateway } : {}) }] : []),
  ];
  const res = await call(engine, () =>
    engine.docker.createNetwork({
      Name: input.name,
      Driver: input.driver,
      CheckDuplicate: true,
      Internal: input.internal,
      Attachable: input.attachable,
      EnableIPv6: input.ipv6,
      Labels: input.labels ?? {},
      Options: input.options ?? {},
      IPAM: { Driver: "default", Config: ipamConfig },
    }),
  );
  return { id: res.id, name: input.name };
}

export async function connectNetwork(
  engine: Engine,
  ref: string,
  opts: { container: string; aliases?: string[]; ipv4?: string; ipv6?: string },
): Promise<void> {
  await call(engine, () =>
    engine.docker.getNetwork(ref).connect({
      Container: opts.container,
      EndpointConfig: {
        ...(opts.aliases?.length ? { Aliases: opts.aliases } : {}),
        ...(opts.ipv4 || opts.ipv6
          ? { IPAMConfig: { ...(opts.ipv4 ? { IPv4Address: opts.ipv4 } : {}), ...(opts.ipv6 ? { IPv6Address: opts.ipv6 } : {}) } }
          : {}),
      },
    }),
  );
}

export async function disconnectNetwork(engine: Engine, ref: string, opts: { container: string; force: boolean }): Promise<void> {
  await call(engine, () => engine.docker.getNetwork(ref).disconnect({ Container: opts.container, Force: opts.force }));
}

/** Removes a network; bridge/host/none are refused with 409 before Docker is asked. */
export async function removeNetwork(engine: Engine, ref: string): Promise<void> {
  if (PREDEFINED_NETWORKS.has(ref))
    throw new EngineError("conflict", `“${ref}” is one of Docker's predefined networks (bridge, host, none) and cannot be removed`, engine.id);
  const n = (await call(engine, () => engine.docker.getNetwork(ref).inspect())) as NetworkInfo;
  if (PREDEFINED_NETWORKS.has(n.Name))
    throw new EngineError("conflict", `“${n.Name}” is one of Docker's predefined networks (bridge, host, none) and cannot be removed`, engine.id);
  await call(engine, () => engine.docker.getNetwork(n.Id).remove());
}

export async function pruneNetworks(engine: Engine): Promise<PruneResult> {
  const res = await call(engine, () => engine.docker.pruneNetworks());
  return { removed: res.NetworksDeleted ?? [], spaceReclaimed: 0 };
}
