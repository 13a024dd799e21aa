import { queryOptions } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { PrunePart, PruneResult, VolumeListing, VolumeSummary } from "@/lib/wire";

export const volumeKeys = {
  list: (engine: string) => ["engines", engine, "volumes"] as const,
  detail: (engine: string, name: string) => ["engines", engine, "volumes", name] as const,
  files: (engine: string, name: string, path: string) => ["engines", engine, "volumes", name, "files", path] as const,
  prune: (engine: string) => ["engines", engine, "volumes", "-prune"] as const,
};

export const volumesBase = (engine: string) => `/api/v1/engines/${encodeURIComponent(engine)}/volumes`;
export const volumeUrl = (engine: string, name: string) => `${volumesBase(engine)}/${encodeURIComponent(name)}`;

export const volumesQuery = (engine: string) =>
  queryOptions({ queryKey: volumeKeys.list(engine), queryFn: ({ signal }) => api<VolumeSummary[]>(volumesBase(engine), { signal }) });

export const volumeQuery = (engine: string, name: string) =>
  queryOptions({ queryKey: volumeKeys.detail(engine, name), queryFn: ({ signal }) => api<VolumeSummary>(volumeUrl(engine, name), { signal }) });

export const volumeFilesQuery = (engine: string, name: string, path: string) =>
  queryOptions({
    queryKey: volumeKeys.files(engine, name, path),
    queryFn: ({ signal }) => api<VolumeListing>(`${volumeUrl(engine, name)}/files?path=${encodeURIComponent(path)}`, { signal }),
  });

export const volumePrunePreviewQuery = (engine: string) =>
  queryOptions({
    queryKey: volumeKeys.prune(engine),
    queryFn: ({ signal }) => api<PrunePart>(`${volumesBase(engine)}/prune`, { signal }),
    staleTime: 0,
    gcTime: 0,
  });

export const createVolume = (engine: string, body: { name?: string; driver: string; options?: Record<string, string>; labels?: Record<string, string> }) =>
  api<{ name: string }>(volumesBase(engine), { method: "POST", json: body });
export const removeVolume = (engine: string, name: string) => api<void>(volumeUrl(engine, name), { method: "DELETE" });
export const pruneVolumes = (engine: string) => api<PruneResult>(`${volumesBase(engine)}/prune`, { method: "POST" });
