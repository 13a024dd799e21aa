import type { BadgeTone } from "@/components/ui/badge";
import type { ContainerAction, ContainerState, ContainerSummary } from "@/lib/wire";

/** Exit code from Docker's status text ("Exited (137) 2 hours ago"), or null when not exited. */
export function exitCodeFromStatus(status: string): number | null {
  const m = /^Exited \((-?\d+)\)/.exec(status);
  return m ? Number(m[1]) : null;
}

export function stateTone(state: ContainerState, exitCode: number | null): BadgeTone {
  switch (state) {
    case "running":
      return "green";
    case "paused":
      return "amber";
    case "created":
      return "blue";
    case "restarting":
    case "dead":
    case "removing":
      return "red";
    case "exited":
      return exitCode !== null && exitCode !== 0 ? "red" : "grey";
    default:
      return "grey";
  }
}

/** Which lifecycle actions make sense in a state, in the order the UI offers them. */
const ACTIONS_BY_STATE: Record<ContainerState, readonly ContainerAction[]> = {
  running: ["stop", "restart", "pause", "kill"],
  paused: ["unpause", "stop", "kill"],
  restarting: ["stop", "kill"],
  created: ["start"],
  exited: ["start", "restart"],
  dead: [],
  removing: [],
};

export function actionsFor(state: ContainerState): readonly ContainerAction[] {
  return ACTIONS_BY_STATE[state] ?? [];
}

export function canApply(action: ContainerAction, c: Pick<ContainerSummary, "state">): boolean {
  return actionsFor(c.state).includes(action);
}

export type LifecycleVerb = ContainerAction | "remove";

export const VERB_LABEL: Record<LifecycleVerb, string> = {
  start: "Start",
  stop: "Stop",
  restart: "Restart",
  pause: "Pause",
  unpause: "Resume",
  kill: "Kill",
  remove: "Remove",
};

export const VERB_PAST: Record<LifecycleVerb, string> = {
  start: "Started",
  stop: "Stopped",
  restart: "Restarted",
  pause: "Paused",
  unpause: "Resumed",
  kill: "Killed",
  remove: "Removed",
};

/** What "already in that state" means, for Docker's 304 answers. */
export const VERB_NOOP: Partial<Record<LifecycleVerb, string>> = {
  start: "was already running",
  stop: "was already stopped",
  pause: "was already paused",
  unpause: "was not paused",
};

/** Actions that lose work or connections and so ask first (restart only when it hits several). */
export function needsConfirmation(verb: LifecycleVerb, count: number): boolean {
  return verb === "stop" || verb === "kill" || verb === "remove" || (verb === "restart" && count > 1);
}

/** The logs page for these containers (merged view when several). */
export function logsHref(names: readonly string[]): string {
  return `/logs?c=${names.map(encodeURIComponent).join(",")}`;
}
