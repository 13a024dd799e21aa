import { z } from "zod";

/** Alert rule kinds: the Prometheus rules ops write for containers, built in. */
export const ALERT_KINDS = ["container-down", "restart-loop", "unhealthy", "cpu-high", "memory-high", "oom-killed"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface AlertRule {
  readonly id: AlertKind;
  readonly enabled: boolean;
  /** cpu-high: percent; memory-high: percent of the limit; restart-loop: restarts within the window. */
  readonly threshold: number;
  /** How long the condition must hold before firing (cpu-high, memory-high), or the window (restart-loop). */
  readonly forSeconds: number;
  readonly webhookUrl?: string;
  /** An admin's explicit choice to let the webhook reach loopback, link-local or metadata addresses. */
  readonly allowPrivateWebhook: boolean;
}

export const DEFAULT_RULES: readonly AlertRule[] = [
  { id: "container-down", enabled: true, threshold: 0, forSeconds: 0, allowPrivateWebhook: false },
  { id: "restart-loop", enabled: true, threshold: 3, forSeconds: 3600, allowPrivateWebhook: false },
  { id: "unhealthy", enabled: true, threshold: 0, forSeconds: 0, allowPrivateWebhook: false },
  { id: "cpu-high", enabled: true, threshold: 80, forSeconds: 120, allowPrivateWebhook: false },
  { id: "memory-high", enabled: true, threshold: 90, forSeconds: 120, allowPrivateWebhook: false },
  { id: "oom-killed", enabled: true, threshold: 0, forSeconds: 0, allowPrivateWebhook: false },
];

export const RULE_TITLES: Readonly<Record<AlertKind, string>> = {
  "container-down": "Container down",
  "restart-loop": "Restarting repeatedly",
  unhealthy: "Unhealthy",
  "cpu-high": "High CPU",
  "memory-high": "High memory",
  "oom-killed": "OOM-killed",
};

/**
 * One incident: one rule on one container. Repeats of the condition count on it (`count`,
 * `lastAt`) instead of adding alerts; it re-opens when the condition comes back within the
 * re-notify interval after it resolved.
 */
export interface AlertWire {
  readonly id: number;
  readonly rule: AlertKind;
  readonly engine: string;
  /** The container's id. */
  readonly container: string;
  /** Its name when the incident opened (names outlive removed containers). */
  readonly containerName: string;
  /** false once Berth saw the container removed: the name may now belong to another container. */
  readonly containerExists: boolean;
  readonly status: "firing" | "resolved";
  /** The latest occurrence's message. */
  readonly message: string;
  readonly startedAt: string;
  /** Occurrences of the condition in this incident, 1 or more. */
  readonly count: number;
  /** The latest occurrence (ISO). */
  readonly lastAt: string;
  readonly resolvedAt?: string;
  readonly acknowledgedBy?: string;
  readonly acknowledgedAt?: string;
  /** Whether the latest occurrence fell under a silence. */
  readonly silenced: boolean;
}

/** Bounds of the re-notify interval, seconds: from a minute to a week. */
export const RENOTIFY_MIN_SECONDS = 60;
export const RENOTIFY_MAX_SECONDS = 7 * 24 * 3600;

/** Admin settings of alerting as a whole (`GET/PUT /api/v1/settings/alerts`). */
export interface AlertSettings {
  /** An open incident toasts and calls its webhook again at most once per this many seconds. */
  readonly renotifyIntervalSeconds: number;
}

const RENOTIFY_MESSAGE = `The re-notify interval is a whole number of seconds from ${RENOTIFY_MIN_SECONDS} (1 minute) to ${RENOTIFY_MAX_SECONDS} (7 days).`;

/** Strict: an unknown key is refused with a sentence that names it. */
export const alertSettingsSchema = z.strictObject(
  {
    renotifyIntervalSeconds: z
      .number({ error: RENOTIFY_MESSAGE })
      .int({ error: RENOTIFY_MESSAGE })
      .min(RENOTIFY_MIN_SECONDS, { error: RENOTIFY_MESSAGE })
      .max(RENOTIFY_MAX_SECONDS, { error: RENOTIFY_MESSAGE }),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys" ? `Unknown field ${issue.keys.map((k) => `“${k}”`).join(", ")}: only renotifyIntervalSeconds can be set.` : undefined,
  },
);

export interface SilenceWire {
  readonly id: number;
  readonly rule?: AlertKind;
  readonly containerName?: string;
  readonly until: string;
  readonly reason: string;
  readonly createdBy: string;
}
