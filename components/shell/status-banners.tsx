"use client";

import { CloudOff, ServerCrash } from "lucide-react";
import { useEffect, useState } from "react";
import { useConnectionState } from "@/components/socket/use-connection-state";
import { Spinner } from "@/components/ui/spinner";
import type { EngineHealth } from "./use-engine-health";

/** Short socket blips (a deploy, a laptop waking up) should not flash a banner. */
const CONNECTION_GRACE_MS = 3_000;

export function EngineBanner({ engineId, health }: { engineId: string; health: EngineHealth }) {
  if (!health.unreachable) return null;
  return (
    <div
      role="alert"
      data-testid="engine-banner"
      className="flex items-start gap-3 border-b border-red-300 bg-red-50 px-4 py-2.5 text-[13px] text-red-900 sm:px-6 dark:border-red-900/70 dark:bg-red-950/60 dark:text-red-100"
    >
      <ServerCrash className="mt-0.5 size-4 shrink-0 text-red-600 dark:text-red-400" aria-hidden />
      <div className="min-w-0 flex-1">
        <p className="font-medium">Docker engine &ldquo;{engineId}&rdquo; is unreachable — retrying automatically…</p>
        <p className="text-red-800/80 dark:text-red-200/70">
          Data on screen may be out of date.
          {health.engine?.error ? <> Last error: {health.engine.error}</> : null}
        </p>
      </div>
      <Spinner className="mt-0.5 text-red-600 dark:text-red-400" label="Retrying" />
    </div>
  );
}

export function ConnectionBanner() {
  const { status, since, restarting } = useConnectionState();
  const down = status !== "connected";
  const [show, setShow] = useState(false);
  // Back up: forget the banner while rendering (React's way to adjust state to a change), so the
  // next outage waits its own grace period.
  if (!down && show) setShow(false);

  useEffect(() => {
    if (!down) return;
    // An announced restart is no blip: say so at once.
    const wait = restarting ? 0 : Math.max(0, since + CONNECTION_GRACE_MS - Date.now());
    const t = setTimeout(() => setShow(true), wait);
    return () => clearTimeout(t);
  }, [down, since, restarting]);

  if (!down || !show) return null;
  return (
    <div
      role="status"
      data-testid="connection-banner"
      data-reason={restarting ? "restarting" : "lost"}
      className="flex items-center gap-3 border-b border-amber-300 bg-amber-50 px-4 py-2 text-[13px] text-amber-950 sm:px-6 dark:border-amber-900/60 dark:bg-amber-950/50 dark:text-amber-100"
    >
      <CloudOff className="size-4 shrink-0 text-amber-600 dark:text-amber-400" aria-hidden />
      <p className="flex-1">
        <span className="font-medium">{restarting ? "Berth is restarting — reconnecting." : "Connection to Berth lost — reconnecting."}</span>{" "}
        <span className="text-amber-900/80 dark:text-amber-100/70">
          {restarting ? "This page picks up where it is as soon as Berth is back." : "Live updates are paused; lists refresh every few seconds meanwhile."}
        </span>
      </p>
      <Spinner className="text-amber-600 dark:text-amber-400" label="Reconnecting" />
    </div>
  );
}
