"use client";

import { ChevronDown, Download, Merge } from "lucide-react";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { downloadQuery, type LogViewState, type ResolvedRange } from "@/lib/logs/url-state";
import type { ContainerColor } from "./container-colors";

export interface DownloadTarget {
  /** What goes into the URL: the full id when known (names can be reused), else the ref as given. */
  readonly ref: string;
  readonly name: string;
  readonly color: ContainerColor;
}

export function downloadHref(engine: string, ref: string, state: LogViewState, range: ResolvedRange): string {
  return `/api/v1/engines/${encodeURIComponent(engine)}/containers/${encodeURIComponent(ref)}/logs?${downloadQuery(state, range)}`;
}

/** One file with several containers' lines ordered by time, each prefixed with its container's name. */
export function mergedDownloadHref(engine: string, refs: readonly string[], state: LogViewState, range: ResolvedRange): string {
  const sp = new URLSearchParams({ containers: refs.join(",") });
  return `/api/v1/engines/${encodeURIComponent(engine)}/logs?${sp}&${downloadQuery(state, range)}`;
}

/** What the file will hold, in words, so nobody is surprised by a filtered or cut file. */
export function describeDownload(state: LogViewState, range: ResolvedRange, merged = false): string {
  const parts: string[] = [];
  if (range.since !== undefined || range.until !== undefined) parts.push("the selected time range");
  const per = merged ? " of each container" : "";
  parts.push(state.tail === "all" ? "all lines" : `the last ${state.tail.toLocaleString("en-US")} lines${per}`);
  if (state.streams !== "both") parts.push(`${state.streams} only`);
  if (state.onlyMatching && state.q) parts.push(`matching “${state.q}”${state.regex ? " (regex)" : ""}`);
  parts.push(state.timestamps ? "with timestamps" : "without timestamps");
  return `Server-side file: ${parts.join(", ")}. Level filter not applied.`;
}

/**
 * Downloads come straight from the server (streamed from Docker), never from the browser's
 * buffer: the file has exactly the asked range, even beyond what the view holds.
 */
export function DownloadMenu({
  engine,
  targets,
  state,
  range,
}: {
  engine: string;
  targets: readonly DownloadTarget[];
  state: LogViewState;
  range: ResolvedRange | null;
}) {
  const disabled = !range || targets.length === 0;
  const label = (
    <>
      <Download aria-hidden />
      <span className="hidden sm:inline">Download</span>
    </>
  );
  if (disabled) {
    return (
      <span aria-disabled className={cn(buttonClasses("secondary", "sm"), "pointer-events-none opacity-50")}>
        {label}
      </span>
    );
  }
  const what = describeDownload(state, range, targets.length > 1);
  const only = targets.length === 1 ? targets[0] : undefined;
  if (only) {
    return (
      <a
        href={downloadHref(engine, only.ref, state, range)}
        download
        data-testid="download-link"
        title={what}
        aria-label={`Download logs of ${only.name}`}
        className={buttonClasses("secondary", "sm")}
      >
        {label}
      </a>
    );
  }
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <button type="button" className={buttonClasses("secondary", "sm")} data-testid="download-menu" aria-label="Download logs">
          {label}
          <ChevronDown className="text-faint" aria-hidden />
        </button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="max-w-80">
        <DropdownMenuItem asChild>
          <a
            href={mergedDownloadHref(
              engine,
              targets.map((t) => t.ref),
              state,
              range,
            )}
            download
            data-testid="download-merged"
            title="One file ordered by time, each line prefixed with its container's name"
          >
            <Merge aria-hidden />
            <span className="truncate">All {targets.length} containers, merged by time</span>
          </a>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuLabel>One file per container</DropdownMenuLabel>
        {targets.map((t) => (
          <DropdownMenuItem key={t.ref} asChild>
            <a href={downloadHref(engine, t.ref, state, range)} download data-testid="download-link" data-container={t.name}>
              <span aria-hidden className={cn("h-3 w-[3px] shrink-0 rounded-full", t.color.bar)} />
              <span className="truncate">{t.name}.log</span>
            </a>
          </DropdownMenuItem>
        ))}
        <p className="px-2 pt-1 pb-1.5 text-xs text-faint">{what}</p>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
