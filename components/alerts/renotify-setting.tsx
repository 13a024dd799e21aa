"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BellRing } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { RENOTIFY_MAX_SECONDS, RENOTIFY_MIN_SECONDS } from "@/lib/alerts";
import { ApiError } from "@/lib/api-client";
import { alertKeys, alertSettingsQuery, updateAlertSettings } from "@/lib/queries/alerts";
import { formatSeconds } from "@/lib/stats/format";

const EXPLAIN = "An open incident toasts and calls its webhook when it opens, then at most once per interval however often it repeats.";

/**
 * The re-notify interval: admins edit it (in minutes), everyone else reads it. The server
 * stores seconds and refuses values outside a minute to a week, naming the field.
 */
export function RenotifySetting({ canManage }: { canManage: boolean }) {
  const id = useId();
  const qc = useQueryClient();
  const settings = useQuery(alertSettingsQuery());
  const saved = settings.data?.renotifyIntervalSeconds;
  const [minutes, setMinutes] = useState("");
  const [serverError, setServerError] = useState<string | null>(null);
  // The field follows the saved value whenever it changes (first load, a save): adjusted while
  // rendering, as React advises, rather than in an effect that would paint the old value first.
  const [shownSaved, setShownSaved] = useState<number | undefined>(undefined);
  if (saved !== shownSaved) {
    setShownSaved(saved);
    if (saved !== undefined) setMinutes(String(saved / 60));
  }

  const save = useMutation({
    mutationFn: (renotifyIntervalSeconds: number) => updateAlertSettings({ renotifyIntervalSeconds }),
    onSuccess: (next) => {
      setServerError(null);
      qc.setQueryData(alertKeys.settings, next);
      toast.success(`Open incidents re-notify at most every ${formatSeconds(next.renotifyIntervalSeconds)}`);
    },
    onError: (e) => setServerError(e instanceof ApiError ? e.message.replace(/^renotifyIntervalSeconds:\s*/, "") : "Could not save the interval."),
  });

  if (settings.isPending) return <Skeleton className="mx-4 my-3 h-8" />;
  if (saved === undefined) return <p className="px-4 py-3 text-[13px] text-danger">Could not load the re-notify interval.</p>;

  if (!canManage) {
    return (
      <p className="flex items-start gap-2 px-4 py-3 text-[13px] text-muted" data-testid="renotify-summary">
        <BellRing className="mt-0.5 size-4 shrink-0" aria-hidden />
        <span>
          Open incidents re-notify at most every <strong className="font-medium text-fg">{formatSeconds(saved)}</strong>. {EXPLAIN}
        </span>
      </p>
    );
  }

  const seconds = Math.round(Number(minutes) * 60);
  const valid = minutes.trim() !== "" && Number.isFinite(seconds) && seconds >= RENOTIFY_MIN_SECONDS && seconds <= RENOTIFY_MAX_SECONDS;
  const error = !valid ? `Minutes, from ${RENOTIFY_MIN_SECONDS / 60} to ${RENOTIFY_MAX_SECONDS / 60} (7 days).` : serverError;
  const dirty = valid && seconds !== saved;

  return (
    <form
      className="flex flex-col gap-2 px-4 py-3"
      data-testid="renotify-setting"
      onSubmit={(e) => {
        e.preventDefault();
        if (dirty) save.mutate(seconds);
      }}
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1.5 text-[13px]">
        <label htmlFor={`${id}-min`} className="font-medium text-fg">
          Re-notify an open incident at most every
        </label>
        <span className="flex items-center gap-1.5 whitespace-nowrap">
          {/* The primitive is full width: the wrapper sets the size. */}
          <span className="w-24 shrink-0">
            <Input
              id={`${id}-min`}
              type="number"
              min={RENOTIFY_MIN_SECONDS / 60}
              max={RENOTIFY_MAX_SECONDS / 60}
              step="any"
              value={minutes}
              onChange={(e) => {
                setMinutes(e.target.value);
                setServerError(null);
              }}
              aria-invalid={!!error}
              aria-describedby={`${id}-hint`}
            />
          </span>
          <span className="text-xs text-muted">min{valid && seconds >= 3600 ? ` (${formatSeconds(seconds)})` : ""}</span>
        </span>
        <Button type="submit" size="sm" disabled={!dirty || save.isPending}>
          {save.isPending ? "Saving…" : "Save"}
        </Button>
      </div>
      <p id={`${id}-hint`} className={error ? "text-[13px] text-danger" : "text-xs text-muted"} data-testid={error ? "renotify-error" : undefined}>
        {error ?? EXPLAIN}
      </p>
    </form>
  );
}
