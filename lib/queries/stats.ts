import { queryOptions } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { DiskUsage, RemovedContainer, RemovedContainerList, StatsRange, StatsSeries, SystemInfo } from "@/lib/wire";

export const statsKeys = {
  series: (engine: string, ref: string, range: StatsRange) => ["engines", engine, "stats", ref, range] as const,
  systemInfo: (engine: string) => ["engines", engine, "system", "info"] as const,
  systemDf: (engine: string) => ["engines", engine, "system", "df"] as const,
  /** Not under "stats": a container may be called "removed", and its series keys start with its ref. */
  removed: (engine: string) => ["engines", engine, "stats-removed"] as const,
  removedList: (engine: string, q: string) => ["engines", engine, "stats-removed", "list", q] as const,
  removedOne: (engine: string, ref: string) => ["engines", engine, "stats-removed", "one", ref] as const,
};

const enc = encodeURIComponent;

/** A container's history series; refreshed every resolution step (at least 10 s) while shown. */
export const statsSeriesQuery = (engine: string, ref: string, range: StatsRange) =>
  queryOptions({
    queryKey: statsKeys.series(engine, ref, range),
    queryFn: ({ signal }) => api<StatsSeries>(`/api/v1/engines/${enc(engine)}/containers/${enc(ref)}/stats?range=${range}`, { signal }),
    refetchInterval: (q) => (q.state.data?.removedAt ? false : Math.max(10_000, (q.state.data?.resolution ?? 10) * 1000)),
    staleTime: 5_000,
  });

/** Host facts (CPUs, memory) for the overview's totals. */
export const systemInfoQuery = (engine: string) =>
  queryOptions({
    queryKey: statsKeys.systemInfo(engine),
    queryFn: ({ signal }) => api<SystemInfo>(`/api/v1/engines/${enc(engine)}/system/info`, { signal }),
    staleTime: 60_000,
  });

/** `docker system df`: slow on Docker's side, so fetched rarely. */
export const systemDfQuery = (engine: string) =>
  queryOptions({
    queryKey: statsKeys.systemDf(engine),
    queryFn: ({ signal }) => api<DiskUsage>(`/api/v1/engines/${enc(engine)}/system/df`, { signal }),
    staleTime: 60_000,
    refetchInterval: 120_000,
  });

/** Removed containers with kept history; refreshed by the socket sync when containers are destroyed. */
export const removedContainersQuery = (engine: string, q: string, limit = 50) =>
  queryOptions({
    queryKey: statsKeys.removedList(engine, q),
    queryFn: ({ signal }) => api<RemovedContainerList>(`/api/v1/engines/${enc(engine)}/stats/removed?limit=${limit}${q ? `&q=${enc(q)}` : ""}`, { signal }),
    staleTime: 10_000,
    refetchInterval: 60_000,
  });

/** One removed container's record (404: none kept, or it still exists). */
export const removedContainerQuery = (engine: string, ref: string) =>
  queryOptions({
    queryKey: statsKeys.removedOne(engine, ref),
    queryFn: ({ signal }) => api<RemovedContainer>(`/api/v1/engines/${enc(engine)}/stats/removed/${enc(ref)}`, { signal }),
    staleTime: 60_000,
    retry: false,
  });
