"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/input";
import { ALERT_KINDS, RULE_TITLES, type AlertKind } from "@/lib/alerts";
import { ApiError } from "@/lib/api-client";
import { alertKeys, createSilence } from "@/lib/queries/alerts";
import { createSilenceSchema } from "@/lib/schemas";
import { fieldErrors } from "@/lib/zod-messages";

const DURATIONS = [
  { label: "15 min", minutes: 15 },
  { label: "1 hour", minutes: 60 },
  { label: "4 hours", minutes: 240 },
  { label: "24 hours", minutes: 1440 },
] as const;

export interface SilenceTarget {
  rule?: AlertKind;
  containerName?: string;
}

/** Silence a rule, a container, or a rule on one container for a while (no toasts, no webhooks). */
export function SilenceDialog({ open, onOpenChange, initial }: { open: boolean; onOpenChange: (v: boolean) => void; initial?: SilenceTarget }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {open && (
        <DialogContent title="Silence alerts" description="Matching alerts still show here but send no toast and no webhook until the silence ends.">
          <SilenceForm initial={initial} onDone={() => onOpenChange(false)} />
        </DialogContent>
      )}
    </Dialog>
  );
}

function SilenceForm({ initial, onDone }: { initial?: SilenceTarget; onDone: () => void }) {
  const id = useId();
  const qc = useQueryClient();
  const [rule, setRule] = useState<AlertKind | "">(initial?.rule ?? "");
  const [containerName, setContainerName] = useState(initial?.containerName ?? "");
  const [preset, setPreset] = useState<number | "custom">(60);
  const [custom, setCustom] = useState("90");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);

  const minutes = preset === "custom" ? Number(custom) : preset;
  const input = { rule: rule || undefined, containerName: containerName.trim() || undefined, minutes, reason };
  const parsed = createSilenceSchema.safeParse(input);

  const mutation = useMutation({
    mutationFn: () => createSilence(input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: alertKeys.all });
      toast.success(`Silenced ${[rule ? RULE_TITLES[rule] : null, containerName.trim() || null].filter(Boolean).join(" on ")} for ${minutes} min`);
      onDone();
    },
    onError: (e) => setError(e instanceof ApiError ? e.message : "Could not create the silence"),
  });

  const issue = (path: string) => (parsed.success ? null : (fieldErrors(parsed.error.issues)[path] ?? null));
  const targetMissing = !rule && !containerName.trim();

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        if (parsed.success) mutation.mutate();
      }}
    >
      <Field label="Rule" htmlFor={`${id}-rule`} hint="Leave on “Any rule” to silence everything about one container.">
        <Select id={`${id}-rule`} value={rule} onChange={(e) => setRule(e.target.value as AlertKind | "")}>
          <option value="">Any rule</option>
          {ALERT_KINDS.map((k) => (
            <option key={k} value={k}>
              {RULE_TITLES[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Container name"
        htmlFor={`${id}-container`}
        hint="Leave empty to silence the rule for every container."
        error={targetMissing ? "Pick a rule, a container, or both." : null}
      >
        <Input id={`${id}-container`} value={containerName} onChange={(e) => setContainerName(e.target.value)} placeholder="e.g. web-1" autoComplete="off" />
      </Field>
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1.5 text-[13px] font-medium text-fg">Duration</legend>
        <div className="flex flex-wrap gap-1.5">
          {DURATIONS.map((d) => (
            <button
              key={d.minutes}
              type="button"
              aria-pressed={preset === d.minutes}
              onClick={() => setPreset(d.minutes)}
              className={cn(
                "h-7 rounded-md border px-2.5 text-[13px]",
                preset === d.minutes ? "border-accent bg-accent-soft text-accent" : "border-line-strong text-muted hover:bg-hover hover:text-fg",
              )}
            >
              {d.label}
            </button>
          ))}
          <button
            type="button"
            aria-pressed={preset === "custom"}
            onClick={() => setPreset("custom")}
            className={cn(
              "h-7 rounded-md border px-2.5 text-[13px]",
              preset === "custom" ? "border-accent bg-accent-soft text-accent" : "border-line-strong text-muted hover:bg-hover hover:text-fg",
            )}
          >
            Custom
          </button>
        </div>
        {preset === "custom" && (
          <div className="mt-1.5 flex items-center gap-2">
            <Input
              aria-label="Minutes"
              type="number"
              min={1}
              max={10080}
              value={custom}
              onChange={(e) => setCustom(e.target.value)}
              className="w-28"
              aria-invalid={!!issue("minutes")}
            />
            <span className="text-[13px] text-muted">minutes (at most 7 days)</span>
          </div>
        )}
        {issue("minutes") && <p className="text-[13px] text-danger">Minutes: a whole number from 1 to 10080.</p>}
      </fieldset>
      <Field label="Reason" htmlFor={`${id}-reason`} hint="Shown to everyone on the alerts page.">
        <Input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. planned maintenance" maxLength={500} />
      </Field>
      {error && (
        <p role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-[13px] text-danger">
          {error}
        </p>
      )}
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={!parsed.success || mutation.isPending}>
          {mutation.isPending ? "Silencing…" : "Silence"}
        </Button>
      </DialogFooter>
    </form>
  );
}
