/** The default re-notify interval: an open incident toasts and calls its webhook again at most hourly. */
export const DEFAULT_RENOTIFY_SECONDS = 3600;

/** What the store knows about the latest incident of one (rule, container). Times in ms. */
export interface IncidentState {
  id: number;
  status: "firing" | "resolved";
  resolvedAt?: number;
  /** When a toast and webhook last went out for it; undefined while it was only ever silenced. */
  notifiedAt?: number;
}

export type FireDecision =
  /** No incident to continue: open a new one (count 1). */
  | { kind: "open"; notify: boolean }
  /** Count one more occurrence on this incident, re-opening it if it had resolved. */
  | { kind: "repeat"; id: number; reopen: boolean; notify: boolean };

/**
 * Where one occurrence of a rule's condition goes. An incident is one per (rule, container):
 * an occurrence continues the latest incident while it is open, or when it resolved less than
 * one re-notify interval ago (a container that crashes, restarts and crashes again is one
 * incident, not one per crash). Notifications (toast, webhook) go out for a new incident and
 * then at most once per interval; a silenced occurrence is recorded but not notified.
 */
export function decideFire(latest: IncidentState | undefined, now: number, renotifyMs: number, silenced: boolean): FireDecision {
  const continues = latest && (latest.status === "firing" || (latest.resolvedAt !== undefined && now - latest.resolvedAt < renotifyMs));
  if (!latest || !continues) return { kind: "open", notify: !silenced };
  const due = latest.notifiedAt === undefined || now - latest.notifiedAt >= renotifyMs;
  return { kind: "repeat", id: latest.id, reopen: latest.status === "resolved", notify: !silenced && due };
}
