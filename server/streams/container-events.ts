import { EventEmitter } from "node:events";

export interface ContainerEvent {
  engine: string;
  id: string;
  /** Docker's action, shortened ("health_status: healthy" → "health_status"). */
  action: string;
  attributes: Record<string, string>;
}

/**
 * In-process fan-out of the one Docker events stream per engine, for hubs that react to
 * container lifecycle (logs resume on `start`, end on `die`/`destroy`).
 */
export const containerEvents = new EventEmitter<{ event: [ContainerEvent] }>();
containerEvents.setMaxListeners(0);
