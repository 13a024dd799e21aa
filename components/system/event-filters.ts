import type { DockerEventWire } from "@/lib/wire";

/**
 * Docker runs every health check as an exec: one exec_create, exec_start and exec_die per check
 * and container, so a 2-second health check floods the feed. Those are hidden unless asked for.
 * The events do not say who started an exec, so a `docker exec` by hand is folded away with them.
 */
export function isExecEvent(e: Pick<DockerEventWire, "type" | "action">): boolean {
  return e.type === "container" && /^exec_(create|start|die)(:|$)/.test(e.action);
}

/** The action without its detail: "exec_create: sh -c …" → "exec_create", "health_status: healthy" → "health_status". */
export function baseAction(action: string): string {
  return action.split(":")[0]!;
}

export interface EventFilter {
  readonly type: string;
  readonly action: string;
  readonly showExec: boolean;
}

export function matchesEventFilter(e: DockerEventWire, f: EventFilter): boolean {
  if (!f.showExec && isExecEvent(e)) return false;
  return (f.type === "all" || e.type === f.type) && (f.action === "all" || baseAction(e.action) === f.action);
}
