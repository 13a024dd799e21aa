"use client";

import { CircleCheck, CircleSlash, CircleX } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";
import { formatBytes } from "@/lib/format";
import type { TransferState } from "./use-image-transfer";

function Bar({ current, total, className }: { current: number; total: number; className?: string }) {
  const pct = total > 0 ? Math.min(100, (current / total) * 100) : 0;
  return (
    <div
      className={cn("h-1.5 w-full overflow-hidden rounded-full bg-surface-2", className)}
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(pct)}
    >
      <div className="h-full rounded-full bg-accent transition-[width] duration-200" style={{ width: `${pct}%` }} />
    </div>
  );
}

/** Total and per-layer progress of a pull or push, then its outcome with Docker's message. */
export function TransferProgress({ state }: { state: TransferState }) {
  if (state.phase === "idle") return null;
  const p = state.phase === "running" || state.phase === "done" ? state.progress : undefined;
  const verb = state.kind === "pull" ? "Pulling" : "Pushing";
  const stopped = state.phase === "done" && !state.result.ok;
  return (
    <div className="mt-4 space-y-3" data-testid="transfer-progress" data-phase={state.phase}>
      {state.phase === "done" ? (
        state.result.cancelled ? (
          <p className="flex items-start gap-2 text-[13px] text-muted" data-testid="transfer-cancelled">
            <CircleSlash className="mt-0.5 size-4 shrink-0" aria-hidden />
            <span>
              Cancelled: the {state.kind} of <span className="font-mono">{state.ref}</span> was stopped.
              <span className="block">
                {state.kind === "pull"
                  ? "Layers that had finished stay on the engine; pulling again resumes from them."
                  : "Layers already uploaded stay in the registry; pushing again skips them."}
              </span>
            </span>
          </p>
        ) : state.result.ok ? (
          <p className="flex items-start gap-2 text-[13px] text-emerald-700 dark:text-emerald-300" data-testid="transfer-ok">
            <CircleCheck className="mt-0.5 size-4 shrink-0" aria-hidden />
            <span>
              {state.kind === "pull" ? "Pulled" : "Pushed"} <span className="font-mono">{state.ref}</span>
              {state.result.status && <span className="block text-muted">{state.result.status}</span>}
            </span>
          </p>
        ) : (
          <p className="flex items-start gap-2 text-[13px] text-danger" data-testid="transfer-error" role="alert">
            <CircleX className="mt-0.5 size-4 shrink-0" aria-hidden />
            <span className="break-words">{state.result.error}</span>
          </p>
        )
      ) : (
        <div className="flex items-start gap-2 text-[13px] text-fg">
          <Spinner className="mt-0.5 shrink-0" />
          <p className="min-w-0">
            {state.phase === "running" && state.cancelling ? "Cancelling" : verb} <span className="font-mono break-all">{state.ref}</span>
            {p?.status && (
              <span className="block truncate text-muted" title={p.status}>
                {p.status}
              </span>
            )}
          </p>
        </div>
      )}
      {p && p.layers.length > 0 && (
        <>
          <div>
            <div className="mb-1 flex justify-between text-xs text-muted tabular" data-testid="transfer-total">
              <span>
                {p.layers.filter((l) => l.phase === "done").length}/{p.layers.length} layers
              </span>
              <span>
                {p.total > 0
                  ? `${formatBytes(p.current)} / ${formatBytes(p.total)}`
                  : p.layers.every((l) => l.phase === "done")
                    ? "nothing to transfer: the layers were already there"
                    : "sizes not known yet"}
              </span>
            </div>
            <Bar current={p.current} total={p.total} />
          </div>
          <ul className="max-h-48 space-y-1.5 overflow-y-auto" data-testid="transfer-layers">
            {p.layers.map((l) => (
              <li key={l.id} className="grid grid-cols-[7rem_1fr_8rem] items-center gap-2 text-xs">
                <span className="font-mono text-muted">{l.id.slice(0, 12)}</span>
                <Bar current={l.phase === "done" ? 1 : l.current} total={l.phase === "done" ? 1 : l.total} />
                <span className="truncate text-right text-muted" title={l.status}>
                  {/* After a cancel, Docker's last word ("Downloading") is no longer true. */}
                  {stopped && l.phase !== "done" ? "Stopped" : l.status}
                  {l.total > 0 && l.phase !== "done" ? ` ${formatBytes(l.current)}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
