import { queryOptions } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { ImageDetail, ImageHistoryEntry, ImageSummary, PrunePart, PruneResult, RegistryCredentialSummary } from "@/lib/wire";

export const imageKeys = {
  list: (engine: string) => ["engines", engine, "images"] as const,
  detail: (engine: string, ref: string) => ["engines", engine, "images", ref] as const,
  history: (engine: string, ref: string) => ["engines", engine, "images", ref, "history"] as const,
  prune: (engine: string, mode: string) => ["engines", engine, "images", "-prune", mode] as const,
  registries: ["registries"] as const,
};

const base = (engine: string) => `/api/v1/engines/${encodeURIComponent(engine)}/images`;
const one = (engine: string, ref: string) => `${base(engine)}/${encodeURIComponent(ref)}`;

export const imagesQuery = (engine: string) =>
  queryOptions({ queryKey: imageKeys.list(engine), queryFn: ({ signal }) => api<ImageSummary[]>(base(engine), { signal }) });

export const imageQuery = (engine: string, ref: string) =>
  queryOptions({ queryKey: imageKeys.detail(engine, ref), queryFn: ({ signal }) => api<ImageDetail>(one(engine, ref), { signal }) });

export const imageHistoryQuery = (engine: string, ref: string) =>
  queryOptions({ queryKey: imageKeys.history(engine, ref), queryFn: ({ signal }) => api<ImageHistoryEntry[]>(`${one(engine, ref)}/history`, { signal }) });

export const imagePrunePreviewQuery = (engine: string, mode: "dangling" | "all") =>
  queryOptions({
    queryKey: imageKeys.prune(engine, mode),
    queryFn: ({ signal }) => api<PrunePart>(`${base(engine)}/prune?mode=${mode}`, { signal }),
    staleTime: 0,
    gcTime: 0,
  });

export const registriesQuery = () =>
  queryOptions({ queryKey: imageKeys.registries, queryFn: ({ signal }) => api<RegistryCredentialSummary[]>("/api/v1/registries", { signal }) });

export const removeImage = (engine: string, ref: string, force: boolean) =>
  api<{ untagged: string[]; deleted: string[] }>(`${one(engine, ref)}${force ? "?force=true" : ""}`, { method: "DELETE" });

export const tagImage = (engine: string, ref: string, target: string) =>
  api<{ tagged: string }>(`${one(engine, ref)}/tag`, { method: "POST", json: { target } });

export const pruneImages = (engine: string, mode: "dangling" | "all") => api<PruneResult>(`${base(engine)}/prune`, { method: "POST", json: { mode } });

export const saveRegistry = (input: { serverAddress: string; username: string; password: string }) =>
  api<RegistryCredentialSummary>("/api/v1/registries", { method: "POST", json: input });

export const deleteRegistry = (id: number) => api<void>(`/api/v1/registries/${id}`, { method: "DELETE" });
