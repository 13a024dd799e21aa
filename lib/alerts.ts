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

export interface AlertWire {
  readonly id: number;
  readonly rule: AlertKind;
  readonly engine: string;
  readonly container: string;
  readonly containerName: string;
  readonly status: "firing" | "resolved";
  readonly message: string;
  readonly startedAt: string;
  readonly resolvedAt?: string;
  readonly acknowledgedBy?: string;
  readonly acknowledgedAt?: string;
  readonly silenced: boolean;
}

export interface SilenceWire {
  readonly id: number;
  readonly rule?: AlertKind;
  readonly containerName?: string;
  readonly until: string;
  readonly reason: string;
  readonly createdBy: string;
}
