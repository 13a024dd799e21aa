import { queryOptions } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { NetworkDetail, NetworkSummary, PrunePart, PruneResult } from "@/lib/wire";

export const networkKeys = {
  list: (engine: string) => ["engines", engine, "networks"] as const,
  detail: (engine: string, ref: string) => ["engines", engine, "networks", ref] as const,
  prune: (engine: string) => ["engines", engine, "networks", "-prune"] as const,
};

const base = (engine: string) => `/api/v1/engines/${encodeURIComponent(engine)}/networks`;
const one = (engine: string, ref: string) => `${base(engine)}/${encodeURIComponent(ref)}`;

export const networksQuery = (engine: string) =>
  queryOptions({ queryKey: networkKeys.list(engine), queryFn: ({ signal }) => api<NetworkSummary[]>(base(engine), { signal }) });

export const networkQuery = (engine: string, ref: string) =>
  queryOptions({ queryKey: networkKeys.detail(engine, ref), queryFn: ({ signal }) => api<NetworkDetail>(one(engine, ref), { signal }) });

export const networkPrunePreviewQuery = (engine: string) =>
  queryOptions({ queryKey: networkKeys.prune(engine), queryFn: ({ signal }) => api<PrunePart>(`${base(engine)}/prune`, { signal }), staleTime: 0, gcTime: 0 });

export interface NetworkCreateBody {
  name: string;
  driver: string;
  subnet?: string;
  ipRange?: string;
  gateway?: string;
  internal: boolean;
  attachable: boolean;
  ipv6: boolean;
  labels?: Record<string, string>;
  options?: Record<string, string>;
}

export const createNetwork = (engine: string, body: NetworkCreateBody) => api<{ id: string; name: string }>(base(engine), { method: "POST", json: body });
export const removeNetwork = (engine: string, ref: string) => api<void>(one(engine, ref), { method: "DELETE" });
export const pruneNetworks = (engine: string) => api<PruneResult>(`${base(engine)}/prune`, { method: "POST" });
export const connectNetwork = (engine: string, ref: string, body: { container: string; aliases?: string[]; ipv4?: string }) =>
  api<void>(`${one(engine, ref)}/connect`, { method: "POST", json: body });
export const disconnectNetwork = (engine: string, ref: string, container: string) =>
  api<void>(`${one(engine, ref)}/disconnect`, { method: "POST", json: { container, force: false } });
