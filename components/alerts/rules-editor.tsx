"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ShieldAlert } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { RULE_TITLES, type AlertKind } from "@/lib/alerts";
import { ApiError } from "@/lib/api-client";
import { alertKeys, updateAlertRule, type AlertRuleView, type RulePatch } from "@/lib/queries/alerts";
import { formatSeconds } from "@/lib/stats/format";
import { Switch } from "./switch";

/** What a rule's threshold and duration mean, per rule (some rules have neither). */
const RULE_FIELDS: Record<AlertKind, { threshold?: { label: string; unit: string }; duration?: { label: string }; explain: string }> = {
  "container-down": { explain: "A container exits with a non-zero code or is killed, without being stopped by someone." },
  "restart-loop": {
    threshold: { label: "Restarts", unit: "restarts" },
    duration: { label: "Within" },
    explain: "A container restarts this many times within the window.",
  },
  unhealthy: { explain: "A container's health check reports unhealthy." },
  "cpu-high": {
    threshold: { label: "CPU above", unit: "% (100 = one core)" },
    duration: { label: "For at least" },
    explain: "CPU stays above the threshold for the duration.",
  },
  "memory-high": {
    threshold: { label: "Memory above", unit: "% of the limit" },
    duration: { label: "For at least" },
    explain: "Memory stays above this share of the container's limit for the duration.",
  },
  "oom-killed": { explain: "The kernel kills a container's process for running out of memory." },
};

type FieldErrors = Partial<Record<"threshold" | "forSeconds" | "webhookUrl" | "form", string>>;

/** Which field a server 400 is about: the route names it first ("webhookUrl: …"). */
function errorsFrom(e: unknown): FieldErrors {
  const message = e instanceof ApiError ? e.message : "Could not save the rule";
  const m = /^(threshold|forSeconds|webhookUrl|allowPrivateWebhook)\b[:\s]*(.*)$/s.exec(message);
  if (m) {
    const field = m[1] === "allowPrivateWebhook" ? "webhookUrl" : (m[1] as keyof FieldErrors);
    return { [field]: m[2] || message };
  }
  for (const f of ["webhookUrl", "threshold", "forSeconds"] as const) if (message.includes(f)) return { [f]: message };
  return { form: message };
}

function RuleRow({ rule }: { rule: AlertRuleView }) {
  const id = useId();
  const qc = useQueryClient();
  const spec = RULE_FIELDS[rule.id];
  const [threshold, setThreshold] = useState(String(rule.threshold));
  const [minutes, setMinutes] = useState(String(rule.forSeconds / 60));
  const [webhook, setWebhook] = useState(rule.webhookUrl ?? "");
  const [allowPrivate, setAllowPrivate] = useState(rule.allowPrivateWebhook);
  const [errors, setErrors] = useState<FieldErrors>({});

  const save = useMutation({
    mutationFn: (patch: RulePatch) => updateAlertRule(rule.id, patch),
    onSuccess: (next) => {
      setErrors({});
      qc.setQueryData<AlertRuleView[]>(alertKeys.rules, (list) => list?.map((r) => (r.id === next.id ? next : r)));
      toast.success(`Saved “${RULE_TITLES[rule.id]}”`);
    },
    onError: (e) => setErrors(errorsFrom(e)),
  });

  const patch: RulePatch = {};
  const t = Number(threshold);
  const s = Math.round(Number(minutes) * 60);
  if (spec.threshold && t !== rule.threshold) patch.threshold = t;
  if (spec.duration && s !== rule.forSeconds) patch.forSeconds = s;
  if (webhook.trim() !== (rule.webhookUrl ?? "")) patch.webhookUrl = webhook.trim() ? webhook.trim() : null;
  if (allowPrivate !== rule.allowPrivateWebhook) patch.allowPrivateWebhook = allowPrivate;
  const dirty = Object.keys(patch).length > 0;
  const localErrors: FieldErrors = {
    ...(spec.threshold && !(threshold.trim() !== "" && Number.isFinite(t) && t >= 0) ? { threshold: "A number, 0 or more." } : {}),
    ...(spec.duration && !(minutes.trim() !== "" && Number.isFinite(s) && s >= 0 && s <= 7 * 86400) ? { forSeconds: "Minutes, from 0 to 7 days." } : {}),
  };
  const shown = { ...errors, ...localErrors };

  return (
    <li className="flex flex-col gap-3 border-b border-line px-4 py-3 last:border-b-0" data-testid={`rule-${rule.id}`}>
      <div className="flex items-start gap-3">
        <Switch
          checked={rule.enabled}
          aria-label={`${RULE_TITLES[rule.id]} enabled`}
          disabled={save.isPending}
          onCheckedChange={(enabled) => save.mutate({ enabled })}
        />
        <div className="min-w-0">
          <div className="text-[13px] font-semibold text-fg">{RULE_TITLES[rule.id]}</div>
          <p className="text-[13px] text-muted">{spec.explain}</p>
        </div>
      </div>
      <form
        className="grid gap-3 pl-12 sm:grid-cols-[repeat(2,minmax(0,12rem))_minmax(0,1fr)] sm:items-start"
        onSubmit={(e) => {
          e.preventDefault();
          if (dirty && Object.keys(localErrors).length === 0) save.mutate(patch);
        }}
      >
        {spec.threshold && (
          <label className="flex flex-col gap-1 text-[13px]">
            <span className="font-medium text-fg">{spec.threshold.label}</span>
            <span className="flex items-center gap-1.5">
              {/* The primitive is full width: the wrapper sets the size. */}
              <span className="w-24 shrink-0">
                <Input type="number" min={0} step="any" value={threshold} onChange={(e) => setThreshold(e.target.value)} aria-invalid={!!shown.threshold} />
              </span>
              <span className="text-xs text-muted">{spec.threshold.unit}</span>
            </span>
            {shown.threshold && <span className="text-danger">{shown.threshold}</span>}
          </label>
        )}
        {spec.duration && (
          <label className="flex flex-col gap-1 text-[13px]">
            <span className="font-medium text-fg">{spec.duration.label}</span>
            <span className="flex items-center gap-1.5 whitespace-nowrap">
              <span className="w-24 shrink-0">
                <Input type="number" min={0} step="any" value={minutes} onChange={(e) => setMinutes(e.target.value)} aria-invalid={!!shown.forSeconds} />
              </span>
              <span className="text-xs text-muted">min{Number.isFinite(s) && s > 0 ? ` (${formatSeconds(s)})` : ""}</span>
            </span>
            {shown.forSeconds && <span className="text-danger">{shown.forSeconds}</span>}
          </label>
        )}
        <div className="flex min-w-0 flex-col gap-1 text-[13px] sm:col-start-3">
          <label htmlFor={`${id}-hook`} className="font-medium text-fg">
            Webhook URL <span className="font-normal text-muted">(optional, POSTs JSON when an incident opens or is due a reminder)</span>
          </label>
          <Input
            id={`${id}-hook`}
            type="url"
            inputMode="url"
            placeholder="https://hooks.example.com/…"
            value={webhook}
            onChange={(e) => setWebhook(e.target.value)}
            aria-invalid={!!shown.webhookUrl}
            aria-describedby={shown.webhookUrl ? `${id}-hook-error` : undefined}
          />
          {shown.webhookUrl && (
            <span id={`${id}-hook-error`} className="text-danger" data-testid="webhook-error">
              {shown.webhookUrl}
            </span>
          )}
          <label className="mt-1 flex items-center gap-2 text-[13px] text-fg">
            <Checkbox checked={allowPrivate} onCheckedChange={setAllowPrivate} aria-label="Allow private targets" />
            Allow private targets (loopback, LAN, link-local)
          </label>
          {allowPrivate && (
            <p className="flex items-start gap-1.5 rounded-md bg-amber-50 px-2 py-1.5 text-xs text-amber-800 dark:bg-amber-500/10 dark:text-amber-300">
              <ShieldAlert className="mt-px size-3.5 shrink-0" aria-hidden />
              Berth will then send requests into your internal network, including cloud metadata addresses. Only allow this for a receiver you run.
            </p>
          )}
        </div>
        <div className="flex items-center gap-2 sm:col-span-3">
          <Button type="submit" size="sm" disabled={!dirty || save.isPending || Object.keys(localErrors).length > 0}>
            {save.isPending ? "Saving…" : "Save"}
          </Button>
          {dirty && (
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                setThreshold(String(rule.threshold));
                setMinutes(String(rule.forSeconds / 60));
                setWebhook(rule.webhookUrl ?? "");
                setAllowPrivate(rule.allowPrivateWebhook);
                setErrors({});
              }}
            >
              Reset
            </Button>
          )}
          {errors.form && <span className="text-[13px] text-danger">{errors.form}</span>}
        </div>
      </form>
    </li>
  );
}

/** Admin editor: each rule's switch, threshold, duration and webhook; server errors shown by the field. */
export function RulesEditor({ rules }: { rules: readonly AlertRuleView[] }) {
  return (
    <ul className="flex flex-col">
      {rules.map((r) => (
        <RuleRow key={r.id} rule={r} />
      ))}
    </ul>
  );
}

/** Read-only summary for viewers and operators. */
export function RulesSummary({ rules }: { rules: readonly AlertRuleView[] }) {
  return (
    <ul className="flex flex-col">
      {rules.map((r) => {
        const spec = RULE_FIELDS[r.id];
        return (
          <li key={r.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 border-b border-line px-4 py-2 text-[13px] last:border-b-0">
            <span className={r.enabled ? "font-medium text-fg" : "font-medium text-faint line-through"}>{RULE_TITLES[r.id]}</span>
            <span className="text-muted">
              {!r.enabled
                ? "off"
                : [
                    spec.threshold ? `${spec.threshold.label.toLowerCase()} ${r.threshold} ${spec.threshold.unit}` : null,
                    spec.duration ? `${spec.duration.label.toLowerCase()} ${formatSeconds(r.forSeconds)}` : null,
                  ]
                    .filter(Boolean)
                    .join(", ") || spec.explain}
            </span>
            {(r.hasWebhook || r.webhookUrl) && <span className="text-xs text-faint">webhook set</span>}
          </li>
        );
      })}
    </ul>
  );
}
