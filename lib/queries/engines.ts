import { queryOptions } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { EngineSummary } from "@/lib/wire";

export const DEFAULT_ENGINE = "local";

export const engineKeys = {
  /** The engine list. Invalidate with `exact: true`: every engine-scoped key starts with "engines". */
  list: ["engines"] as const,
  /** Everything that belongs to one engine (containers, details, later images …). */
  scope: (engine: string) => ["engines", engine] as const,
};

export const enginesQuery = () =>
  queryOptions({
    queryKey: engineKeys.list,
    queryFn: () => api<EngineSummary[]>("/api/v1/engines"),
    // While an engine is down, poll so the banner clears even if the socket is down too.
    refetchInterval: (q) => (q.state.data?.some((e) => !e.reachable) ? 3_000 : 30_000),
  });
