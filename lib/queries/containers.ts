import { queryOptions } from "@tanstack/react-query";
import { api, ApiError } from "@/lib/api-client";
import type { ActionResult, ContainerAction, ContainerDetail, ContainerSummary } from "@/lib/wire";

export const containerKeys = {
  list: (engine: string) => ["engines", engine, "containers"] as const,
  detail: (engine: string, ref: string) => ["engines", engine, "containers", ref] as const,
  revealed: (engine: string, ref: string) => ["engines", engine, "containers", ref, "revealed"] as const,
};

const base = (engine: string) => `/api/v1/engines/${encodeURIComponent(engine)}/containers`;

export function isEngineUnreachable(error: unknown): boolean {
  return error instanceof ApiError && error.status === 503;
}

/** Keep polling a query that failed because the engine is down, so it recovers on its own. */
const pollWhileEngineDown = (q: { state: { error: unknown } }) => (isEngineUnreachable(q.state.error) ? 3_000 : false);

export const containersQuery = (engine: string) =>
  queryOptions({
    queryKey: containerKeys.list(engine),
    queryFn: ({ signal }) => api<ContainerSummary[]>(base(engine), { signal }),
    refetchInterval: pollWhileEngineDown,
  });

export const containerQuery = (engine: string, ref: string) =>
  queryOptions({
    queryKey: containerKeys.detail(engine, ref),
    queryFn: ({ signal }) => api<ContainerDetail>(`${base(engine)}/${encodeURIComponent(ref)}`, { signal }),
    refetchInterval: pollWhileEngineDown,
  });

/** The admin-only unmasked variant. Not kept around after the page is left: it holds secrets. */
export const revealedContainerQuery = (engine: string, ref: string) =>
  queryOptions({
    queryKey: containerKeys.revealed(engine, ref),
    queryFn: ({ signal }) => api<ContainerDetail>(`${base(engine)}/${encodeURIComponent(ref)}?reveal=true`, { signal }),
    gcTime: 0,
    staleTime: Infinity,
  });

export function containerAction(engine: string, ref: string, action: ContainerAction): Promise<ActionResult> {
  return api<ActionResult>(`${base(engine)}/${encodeURIComponent(ref)}/${action}`, { method: "POST" });
}

export function removeContainer(engine: string, ref: string, opts: { force: boolean; volumes: boolean }): Promise<void> {
  const q = new URLSearchParams();
  if (opts.force) q.set("force", "true");
  if (opts.volumes) q.set("volumes", "true");
  const qs = q.toString();
  return api<void>(`${base(engine)}/${encodeURIComponent(ref)}${qs ? `?${qs}` : ""}`, { method: "DELETE" });
}
