import type { HealthStatus as ContainerHealth } from "@/lib/wire";

/** A health status a health event can carry (the list's "none" never comes as an event). */
export type HealthStatus = Exclude<ContainerHealth, "none">;

const HEALTH_STATUSES: readonly string[] = ["starting", "healthy", "unhealthy"];

export interface ContainerAction {
  /** The action name alone: "health_status", "exec_start", "die"… */
  action: string;
  /** For `health_status` events: the status, wherever the engine put it. */
  health?: HealthStatus;
}

/**
 * Splits a container event's action into its name and, for health events, the status. Docker
 * 20.10 sends the status inside the action text (`health_status: unhealthy`, with no attribute);
 * other engines send the bare action with a `health_status` (or `health`) attribute. Cutting
 * the text at the colon alone loses the status, so read both places here, once, for every
 * consumer of the events stream.
 */
export function parseContainerAction(raw: string, attributes: Readonly<Record<string, string>> = {}): ContainerAction {
  const colon = raw.indexOf(":");
  const action = (colon < 0 ? raw : raw.slice(0, colon)).trim();
  if (action !== "health_status") return { action };
  const candidates = [colon < 0 ? "" : raw.slice(colon + 1), attributes.health_status ?? "", attributes.health ?? ""];
  const health = candidates.map((c) => c.trim().toLowerCase()).find((c) => HEALTH_STATUSES.includes(c)) as HealthStatus | undefined;
  return health ? { action, health } : { action };
}

/**
 * A container action as the System feed shows it: health events read `health_status: unhealthy` whether
 * the engine put the status in the action text (Docker 20.10) or in an attribute.
 */
export function feedAction(action: string, attributes: Readonly<Record<string, string>>): string {
  const parsed = parseContainerAction(action, attributes);
  return parsed.action === "health_status" && parsed.health ? `health_status: ${parsed.health}` : action;
}
