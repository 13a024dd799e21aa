import { EventEmitter } from "node:events";
import { processState } from "@/server/runtime";
import type { HealthStatus } from "@/server/docker/container-action";

export interface ContainerEvent {
  engine: string;
  id: string;
  /** Docker's action, shortened ("health_status: healthy" → "health_status"). */
  action: string;
  /** For `health_status`: the status, from the action text or the attributes (see parseContainerAction). */
  health?: HealthStatus;
  attributes: Record<string, string>;
}

/**
 * In-process fan-out of the one Docker events stream per engine, for hubs that react to
 * container lifecycle (logs resume on `start`, end on `die`/`destroy`).
 */
export const containerEvents = processState("containerEvents", () => {
  const bus = new EventEmitter<{ event: [ContainerEvent] }>();
  bus.setMaxListeners(0);
  return bus;
});
