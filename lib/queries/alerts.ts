import { queryOptions } from "@tanstack/react-query";
import type { AlertKind, AlertRule, AlertSettings, AlertWire, SilenceWire } from "@/lib/alerts";
import { api } from "@/lib/api-client";

export interface AlertsList {
  /** Firing, not silenced: the badge count. */
  readonly firing: number;
  readonly alerts: readonly AlertWire[];
}

/** Non-admins get rules without the webhook URL (it may carry a secret), only whether one is set. */
export type AlertRuleView = AlertRule & { readonly hasWebhook?: boolean };

export const alertKeys = {
  all: ["alerts"] as const,
  list: (status: "firing" | "all") => ["alerts", "list", status] as const,
  rules: ["alerts", "rules"] as const,
  silences: ["alerts", "silences"] as const,
  settings: ["alerts", "settings"] as const,
};

export const alertsQuery = (status: "firing" | "all") =>
  queryOptions({
    queryKey: alertKeys.list(status),
    queryFn: ({ signal }) => api<AlertsList>(`/api/v1/alerts?status=${status}`, { signal }),
    // Pushes keep it fresh; the poll only covers a socket that is down.
    refetchInterval: 60_000,
  });

export const alertRulesQuery = () =>
  queryOptions({ queryKey: alertKeys.rules, queryFn: ({ signal }) => api<AlertRuleView[]>("/api/v1/alerts/rules", { signal }) });

export const silencesQuery = () =>
  queryOptions({
    queryKey: alertKeys.silences,
    queryFn: ({ signal }) => api<SilenceWire[]>("/api/v1/alerts/silences", { signal }),
    refetchInterval: 60_000,
  });

export function ackAlert(id: number): Promise<unknown> {
  return api(`/api/v1/alerts/incidents/${id}/ack`, { method: "POST" });
}

export interface RulePatch {
  enabled?: boolean;
  threshold?: number;
  forSeconds?: number;
  webhookUrl?: string | null;
  allowPrivateWebhook?: boolean;
}

export function updateAlertRule(rule: AlertKind, patch: RulePatch): Promise<AlertRule> {
  return api<AlertRule>(`/api/v1/alerts/rules/${rule}`, { method: "PATCH", json: patch });
}

export function createSilence(input: { rule?: AlertKind; containerName?: string; minutes: number; reason: string }): Promise<SilenceWire> {
  return api<SilenceWire>("/api/v1/alerts/silences", { method: "POST", json: input });
}

export function endSilence(id: number): Promise<void> {
  return api<void>(`/api/v1/alerts/silences/${id}`, { method: "DELETE" });
}

export const alertSettingsQuery = () =>
  queryOptions({ queryKey: alertKeys.settings, queryFn: ({ signal }) => api<AlertSettings>("/api/v1/settings/alerts", { signal }) });

export function updateAlertSettings(settings: AlertSettings): Promise<AlertSettings> {
  return api<AlertSettings>("/api/v1/settings/alerts", { method: "PUT", json: settings });
}
