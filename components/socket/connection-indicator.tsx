"use client";

import { cn } from "@/components/ui/cn";
import { Tooltip } from "@/components/ui/tooltip";
import { useConnectionState } from "./use-connection-state";

const LABEL = { connected: "Live", connecting: "Connecting", disconnected: "Offline" } as const;
const HINT = {
  connected: "Live updates are on: changes made anywhere show up here within seconds.",
  connecting: "Connecting to Berth for live updates…",
  disconnected: "Live updates are paused; reconnecting automatically.",
} as const;

/** A small dot + word showing whether live updates are flowing. */
export function ConnectionIndicator({ className }: { className?: string }) {
  const { status } = useConnectionState();
  return (
    <Tooltip content={HINT[status]}>
      <span
        tabIndex={0}
        data-testid="connection-indicator"
        data-status={status}
        className={cn("inline-flex items-center gap-1.5 rounded px-1 text-xs text-muted", className)}
      >
        <span
          aria-hidden
          className={cn(
            "size-2 rounded-full",
            status === "connected" && "bg-emerald-500 shadow-[0_0_0_3px] shadow-emerald-500/20",
            status === "connecting" && "animate-pulse bg-amber-400",
            status === "disconnected" && "bg-red-500",
          )}
        />
        {LABEL[status]}
      </span>
    </Tooltip>
  );
}
