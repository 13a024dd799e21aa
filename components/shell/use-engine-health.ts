"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useSyncExternalStore } from "react";
import { isEngineUnreachable } from "@/lib/queries/containers";
import { engineKeys, enginesQuery } from "@/lib/queries/engines";
import type { EngineSummary } from "@/lib/wire";

export interface EngineHealth {
  readonly unreachable: boolean;
  readonly engine?: EngineSummary;
}

/**
 * Whether an engine is down, from two sources: its status in the engine list (kept fresh by
 * `engine-status` pushes and polling) and any query for that engine that just failed with 503.
 * When the engine comes back, everything cached for it is refetched.
 */
export function useEngineHealth(engineId: string): EngineHealth {
  const qc = useQueryClient();
  const { data: engines } = useQuery(enginesQuery());
  const engine = engines?.find((e) => e.id === engineId);

  const cache = qc.getQueryCache();
  const anyQueryDown = useSyncExternalStore(
    useCallback((cb: () => void) => cache.subscribe(cb), [cache]),
    () => cache.findAll({ queryKey: engineKeys.scope(engineId) }).some((q) => q.state.status === "error" && isEngineUnreachable(q.state.error)),
    () => false,
  );

  const unreachable = engine?.reachable === false || anyQueryDown;

  const wasReachable = useRef(engine?.reachable);
  useEffect(() => {
    const before = wasReachable.current;
    wasReachable.current = engine?.reachable;
    if (before === false && engine?.reachable === true) void qc.invalidateQueries({ queryKey: engineKeys.scope(engineId) });
  }, [engine?.reachable, engineId, qc]);

  // A 503 seen by a page while the list still says "reachable" means the list is stale.
  useEffect(() => {
    if (anyQueryDown && engine?.reachable !== false) void qc.invalidateQueries({ queryKey: engineKeys.list, exact: true });
  }, [anyQueryDown, engine?.reachable, qc]);

  return { unreachable, engine };
}
