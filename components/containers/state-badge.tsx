import { HeartPulse } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ContainerState, HealthStatus } from "@/lib/wire";
import { exitCodeFromStatus, stateTone } from "./container-state";

/** The container state as a coloured badge; a failed exit shows its code ("exited (1)"). */
export function StateBadge({ state, status, exitCode }: { state: ContainerState; status: string; exitCode?: number }) {
  const code = state === "exited" ? (exitCode ?? exitCodeFromStatus(status)) : null;
  const failed = code !== null && code !== 0;
  return (
    <Badge tone={stateTone(state, code)} dot data-testid="state-badge" data-state={state} title={status}>
      {failed ? `${state} (${code})` : state}
    </Badge>
  );
}

const HEALTH_TONE: Record<Exclude<HealthStatus, "none">, BadgeTone> = { healthy: "green", unhealthy: "red", starting: "amber" };

/**
 * The health check result. `compact` (the list) shows only a coloured heart below 2xl widths, the
 * word kept for screen readers and in the tooltip, so the list keeps room for the name.
 */
export function HealthBadge({ health, compact = false }: { health: HealthStatus; compact?: boolean }) {
  if (health === "none") return null;
  if (compact) {
    return (
      <Badge tone={HEALTH_TONE[health]} data-testid="health-badge" data-health={health} className="rounded-md" title={`Health: ${health}`}>
        <HeartPulse className="size-3 2xl:hidden" aria-hidden />
        <span className="sr-only 2xl:not-sr-only">{health}</span>
      </Badge>
    );
  }
  return (
    <Badge tone={HEALTH_TONE[health]} data-testid="health-badge" data-health={health} className="rounded-md">
      {health}
    </Badge>
  );
}
