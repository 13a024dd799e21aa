"use client";

import { useQuery } from "@tanstack/react-query";
import { cn } from "@/components/ui/cn";
import { Tooltip } from "@/components/ui/tooltip";
import { enginesQuery } from "@/lib/queries/engines";

/**
 * Which engine the console is looking at. One engine for now; this is where a picker goes when
 * more engines are registered.
 */
export function EngineSwitch({ engineId }: { engineId: string }) {
  const { data } = useQuery(enginesQuery());
  const engine = data?.find((e) => e.id === engineId);
  const state = engine === undefined ? "unknown" : engine.reachable ? "up" : "down";
  return (
    <Tooltip content={engine ? `${engine.host}${engine.version ? ` · Docker ${engine.version}` : ""}` : undefined}>
      <div tabIndex={0} className="flex items-center gap-2.5 rounded-md border border-line bg-surface px-2.5 py-1.5" data-testid="engine-switch">
        <span
          aria-hidden
          className={cn(
            "size-2 shrink-0 rounded-full",
            state === "up" && "bg-emerald-500",
            state === "down" && "bg-red-500",
            state === "unknown" && "bg-zinc-400",
          )}
        />
        <div className="min-w-0 leading-tight">
          <p className="truncate text-[13px] font-medium text-fg">{engine?.name ?? engineId}</p>
          <p className="truncate text-xs text-muted">{state === "down" ? "Unreachable" : engine?.version ? `Docker ${engine.version}` : "Checking…"}</p>
        </div>
        <span className="sr-only">{state === "down" ? "unreachable" : state === "up" ? "reachable" : ""}</span>
      </div>
    </Tooltip>
  );
}
