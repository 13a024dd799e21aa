import { queryOptions } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { DiskUsage, PrunePreview, SystemInfo } from "@/lib/wire";

export interface PruneSelection {
  containers: boolean;
  images: "none" | "dangling" | "all";
  networks: boolean;
  volumes: boolean;
  buildCache: boolean;
}

export const systemKeys = {
  info: (engine: string) => ["engines", engine, "system", "info"] as const,
  df: (engine: string) => ["engines", engine, "system", "df"] as const,
  prune: (engine: string, sel: PruneSelection) => ["engines", engine, "system", "prune", sel] as const,
};

const base = (engine: string) => `/api/v1/engines/${encodeURIComponent(engine)}/system`;

export const systemInfoQuery = (engine: string) =>
  queryOptions({ queryKey: systemKeys.info(engine), queryFn: ({ signal }) => api<SystemInfo>(`${base(engine)}/info`, { signal }) });

export const diskUsageQuery = (engine: string) =>
  queryOptions({ queryKey: systemKeys.df(engine), queryFn: ({ signal }) => api<DiskUsage & { measuredAt: string }>(`${base(engine)}/df`, { signal }) });

export const systemPrunePreviewQuery = (engine: string, sel: PruneSelection) =>
  queryOptions({
    queryKey: systemKeys.prune(engine, sel),
    queryFn: ({ signal }) => {
      const q = new URLSearchParams({
        containers: String(sel.containers),
        images: sel.images,
        networks: String(sel.networks),
        volumes: String(sel.volumes),
        buildCache: String(sel.buildCache),
      });
      return api<PrunePreview>(`${base(engine)}/prune?${q}`, { signal });
    },
    staleTime: 0,
    gcTime: 0,
  });

export const systemPrune = (engine: string, sel: PruneSelection) => api<{ spaceReclaimed: number }>(`${base(engine)}/prune`, { method: "POST", json: sel });
