"use client";

import { cn } from "@/components/ui/cn";
import { Tooltip } from "@/components/ui/tooltip";

export type ViewStatus = "connecting" | "loading" | "live" | "paused" | "ended" | "error";

const STATUS: Record<ViewStatus, { label: string; dot: string; hint: string }> = {
  connecting: { label: "Connecting", dot: "bg-amber-400 animate-pulse", hint: "Waiting for the server; lines resume where they stopped." },
  loading: { label: "Loading history", dot: "bg-sky-500 animate-pulse", hint: "Reading the backlog; live lines follow." },
  live: { label: "Live", dot: "bg-emerald-500 shadow-[0_0_0_3px] shadow-emerald-500/20", hint: "Following new lines as they are written." },
  paused: { label: "Paused", dot: "bg-sky-500", hint: "Scrolled away from the newest line; lines keep arriving. Press End or use “jump to latest”." },
  ended: { label: "Ended", dot: "bg-zinc-400", hint: "No stream is open; lines appear again if a container restarts." },
  error: { label: "Error", dot: "bg-red-500", hint: "The subscription failed." },
};

const n = (v: number) => v.toLocaleString("en-US");

/** The one line an on-call engineer glances at: is it live, how much is held, is anything lost. */
export function LogStatusBar({
  status,
  detail,
  held,
  shown,
  rate,
  skipped,
  dropped,
  capacity,
}: {
  status: ViewStatus;
  /** Why it ended, or the error. */
  detail?: string | null;
  held: number;
  shown: number;
  rate: number;
  skipped: number;
  dropped: number;
  capacity: number;
}) {
  const s = STATUS[status];
  return (
    <div
      className="flex h-7 shrink-0 items-center gap-x-3 overflow-hidden border-t border-line bg-surface-2/70 px-3 text-xs whitespace-nowrap text-muted"
      data-testid="log-status"
      data-status={status}
    >
      <Tooltip content={s.hint}>
        <span tabIndex={0} className="inline-flex items-center gap-1.5 font-medium text-fg" data-testid="log-status-label">
          <span aria-hidden className={cn("size-2 rounded-full", s.dot)} />
          {s.label}
        </span>
      </Tooltip>
      {detail && <span className={cn("min-w-0 truncate", status === "error" ? "text-danger" : "")}>{detail}</span>}
      <span className="tabular" data-testid="log-count">
        {shown !== held ? `${n(shown)} of ${n(held)} lines` : `${n(held)} ${held === 1 ? "line" : "lines"}`}
      </span>
      <span className="hidden tabular sm:inline" data-testid="log-rate">
        {rate >= 10 ? n(Math.round(rate)) : rate.toFixed(1)} lines/s
      </span>
      <Tooltip
        content={
          skipped
            ? `${n(skipped)} lines never reached this view: the server skipped them while the browser fell behind. Markers in the list show where.`
            : "No gaps: every line of the stream reached this view."
        }
      >
        <span tabIndex={0} className={cn("tabular", skipped ? "font-medium text-amber-700 dark:text-amber-400" : "")} data-testid="log-skipped">
          {n(skipped)} skipped
        </span>
      </Tooltip>
      {dropped > 0 && (
        <Tooltip
          content={`The view keeps the newest ${n(capacity)} lines; ${n(dropped)} older ones left the top (a marker says so). Download gets them from the server.`}
        >
          <span tabIndex={0} className="hidden tabular sm:inline" data-testid="log-dropped">
            {n(dropped)} older dropped
          </span>
        </Tooltip>
      )}
    </div>
  );
}
