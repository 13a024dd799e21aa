"use client";

import { X } from "lucide-react";
import { useEffect, useMemo } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import type { LineEntry } from "@/lib/logs/entries";
import { parseJsonObject } from "@/lib/logs/levels";
import type { Matcher } from "@/lib/logs/search";
import { formatKeyFull } from "@/lib/logs/timestamps";
import { LineText, type GutterInfo } from "./log-row";

const LEVEL_LABEL = { error: "error", warn: "warning", info: "info", debug: "debug", unknown: "no level" } as const;

/**
 * The whole of one line under the list: never clipped, JSON pretty-printed, with the exact
 * timestamp. It sits outside the list so rows keep their fixed height. Text always wraps here,
 * whatever the list does: this is where a long line is read.
 */
export function LogDetail({
  entry,
  gutter,
  utc,
  matcher,
  permalink,
  onClose,
}: {
  entry: LineEntry | null;
  gutter: GutterInfo | null;
  utc: boolean;
  matcher: Matcher | null;
  /** The line's permalink (a path with its query), when the line is held. */
  permalink: string | null;
  onClose: () => void;
}) {
  const json = useMemo(() => (entry ? parseJsonObject(entry.plain) : undefined), [entry]);
  const pretty = useMemo(() => (json ? JSON.stringify(json, null, 2) : null), [json]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented && !(e.target instanceof HTMLInputElement)) onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  return (
    <section
      aria-label="Line details"
      data-testid="log-detail"
      className="flex max-h-[42%] min-h-24 shrink-0 flex-col border-t border-line-strong bg-surface-2/60"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-line px-3 py-1.5 text-xs text-muted">
        {entry ? (
          <>
            {gutter && <span className={cn("font-semibold", gutter.color.text)}>{gutter.name}</span>}
            <span className={cn("font-medium", entry.stream === "stderr" ? "text-red-700 dark:text-red-400" : "")}>{entry.stream}</span>
            <span className="font-mono tabular">{formatKeyFull(entry.key, utc)}</span>
            <span>{LEVEL_LABEL[entry.level]}</span>
            {json && <span className="rounded bg-accent-soft px-1.5 text-accent">JSON</span>}
          </>
        ) : (
          <span>This line is no longer held: it dropped off the top of the buffer.</span>
        )}
        <div className="ml-auto flex items-center gap-1">
          {entry && <CopyButton text={entry.plain} label="Copy line" variant="ghost" />}
          {entry && permalink && <CopyButton text={new URL(permalink, window.location.href).toString()} label="Copy link" variant="ghost" />}
          {pretty && <CopyButton text={pretty} label="Copy JSON" variant="ghost" />}
          <Button variant="ghost" size="icon-sm" aria-label="Close line details" onClick={onClose}>
            <X />
          </Button>
        </div>
      </div>
      {entry && (
        <div className="min-h-0 flex-1 overflow-x-hidden overflow-y-auto px-3 py-2" data-testid="log-detail-text">
          {pretty ? (
            <pre className="font-mono text-[12px] leading-5 [overflow-wrap:anywhere] whitespace-pre-wrap text-fg">{pretty}</pre>
          ) : (
            <p className="font-mono text-[12px] leading-5 [overflow-wrap:anywhere] whitespace-pre-wrap text-fg">
              <LineText entry={entry} matcher={matcher} max={Infinity} />
            </p>
          )}
        </div>
      )}
    </section>
  );
}
