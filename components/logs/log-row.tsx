"use client";

import { memo, type CSSProperties, type Ref } from "react";
import { toast } from "sonner";
import { cn } from "@/components/ui/cn";
import { copyText } from "@/components/ui/copy-button";
import { highlightSegments, parseAnsi, type ParsedLine } from "@/lib/logs/ansi";
import { markerText, type LineEntry, type LogEntry, type MarkerEntry } from "@/lib/logs/entries";
import { LEVEL_BADGE, type Level } from "@/lib/logs/levels";
import type { Matcher } from "@/lib/logs/search";
import { formatKey, type TimeFormat } from "@/lib/logs/timestamps";
import { spanStyle as spanStyleOf } from "./ansi-style";
import type { ContainerColor } from "./container-colors";

/** Every row is this tall unless lines wrap: the virtual list computes positions from it. */
export const ROW_HEIGHT = 20;
/** Characters of a line drawn in the row; the rest is in the detail panel. */
export const MAX_DRAWN_CHARS = 2_000;

/** Approximate width of the columns before the text, in `ch`, for the list's scroll width. */
export function gutterChars(merged: boolean, time: TimeFormat | null): number {
  return 4 + (merged ? 17 : 0) + (time ? (time.withDate ? 26 : 15) : 0) + 5;
}

export interface GutterInfo {
  readonly name: string;
  /** The name without the prefix all containers of the view share ("shop-api-1" → "api-1"). */
  readonly label: string;
  readonly color: ContainerColor;
}

const parsed = new WeakMap<LineEntry, ParsedLine>();
/** Segments are worked out when a line is first drawn, not when it arrives (most never are). */
export function parsedLine(e: LineEntry): ParsedLine {
  let p = parsed.get(e);
  if (!p) {
    p = parseAnsi(e.raw.length > MAX_DRAWN_CHARS * 4 ? e.raw.slice(0, MAX_DRAWN_CHARS * 4) : e.raw);
    parsed.set(e, p);
  }
  return p;
}

const LEVEL_TEXT: Record<Level, string> = {
  error: "text-red-700 dark:text-red-400",
  warn: "text-amber-700 dark:text-amber-400",
  info: "text-sky-700 dark:text-sky-400",
  debug: "text-faint",
  unknown: "",
};

const LEVEL_ROW: Record<Level, string> = {
  error: "bg-red-500/[0.07] dark:bg-red-500/[0.09]",
  warn: "bg-amber-500/[0.07] dark:bg-amber-400/[0.06]",
  info: "",
  debug: "",
  unknown: "",
};

export function LineText({ entry, matcher, current, max = MAX_DRAWN_CHARS }: { entry: LineEntry; matcher: Matcher | null; current?: boolean; max?: number }) {
  // The detail view draws the whole line; rows draw a cached, capped parse.
  const { segments, plain } = max === Infinity ? parseAnsi(entry.raw) : parsedLine(entry);
  const ranges = matcher ? matcher.ranges(plain.length > max ? plain.slice(0, max) : plain) : [];
  const pieces = highlightSegments(segments, ranges);
  let left = max;
  const out: React.ReactNode[] = [];
  for (let i = 0; i < pieces.length && left > 0; i++) {
    const p = pieces[i]!; // i < pieces.length
    const text = p.text.length > left ? p.text.slice(0, left) : p.text;
    left -= text.length;
    const st = spanStyleOf(p.style);
    if (p.match) {
      out.push(
        <mark
          key={i}
          className={cn("rounded-[2px] text-inherit", current ? "bg-orange-300 dark:bg-orange-500/70" : "bg-yellow-200 dark:bg-yellow-400/35", st.className)}
          style={st.style}
        >
          {text}
        </mark>,
      );
    } else if (st.className || st.style) {
      out.push(
        <span key={i} className={st.className} style={st.style}>
          {text}
        </span>,
      );
    } else out.push(text);
  }
  return <>{out}</>;
}

/** Milliseconds give way on a phone: seconds are enough to read order there. */
function TimeCell({ text }: { text: string }) {
  const dot = text.lastIndexOf(".");
  return (
    <span className="mr-2 ml-1 shrink-0 text-faint tabular select-none">
      {text.slice(0, dot)}
      <span className="hidden sm:inline">{text.slice(dot)}</span>
    </span>
  );
}

function looksLikeJson(plain: string): boolean {
  const t = plain.trimStart();
  return t.startsWith("{") && plain.trimEnd().endsWith("}");
}

interface RowProps {
  entry: LogEntry;
  top: number;
  gutter: GutterInfo | null;
  /** Show the container column (merged view). */
  merged: boolean;
  time: TimeFormat | null;
  matcher: Matcher | null;
  currentMatch: boolean;
  selected: boolean;
  /** The line a permalink opened the view at. */
  linked: boolean;
  onToggle: (seq: number) => void;
  /** The permalink of a line (a path with its query). */
  permalink: (entry: LineEntry) => string;
  /**
   * Long lines wrap: the row is as tall as its text, measured by the virtual list through
   * `measureRef` (with `index` on the node). Off, rows keep ROW_HEIGHT and scroll sideways.
   */
  wrap: boolean;
  index: number;
  measureRef?: Ref<HTMLDivElement>;
}

/** Copies a line's permalink (as an absolute URL) and says so. */
export function copyLineLink(path: string): void {
  copyText(new URL(path, window.location.href).toString()).then(
    () => toast.success("Link to the line copied", { id: "line-link" }),
    () => toast.error("Could not copy to the clipboard", { id: "copy-failed" }),
  );
}

export const LogRow = memo(function LogRow({
  entry,
  top,
  gutter,
  merged,
  time,
  matcher,
  currentMatch,
  selected,
  linked,
  onToggle,
  permalink,
  wrap,
  index,
  measureRef,
}: RowProps) {
  const style: CSSProperties = wrap ? { transform: `translateY(${top}px)` } : { transform: `translateY(${top}px)`, height: ROW_HEIGHT };
  // A single view needs no name on its markers; a merged one does.
  if (entry.kind === "marker")
    return <MarkerRow entry={entry} style={style} gutter={merged ? gutter : null} wrap={wrap} index={index} measureRef={measureRef} />;

  const json = looksLikeJson(entry.plain);
  return (
    <div
      ref={measureRef}
      data-index={index}
      data-testid="log-row"
      data-linked={linked || undefined}
      data-container={gutter?.name ?? entry.container}
      data-stream={entry.stream}
      data-level={entry.level}
      data-selected={selected || undefined}
      style={style}
      onClick={() => {
        // A drag that selected text is a copy, not a click.
        if (window.getSelection()?.toString()) return;
        onToggle(entry.seq);
      }}
      className={cn(
        // `contain: strict`: a row's layout and paint never reach outside it, so a tick that
        // replaces every row on screen stays cheap. The stderr mark is an inset shadow, not a node.
        "group absolute top-0 left-0 flex w-full cursor-default pr-3 pl-1 leading-5",
        // Wrapped rows size to their text, so only layout and paint are contained, not size.
        wrap ? "items-start whitespace-pre-wrap [contain:layout_paint]" : "items-center whitespace-pre [contain:strict]",
        entry.stream === "stderr" && "shadow-[inset_3px_0_0_#ef4444]",
        LEVEL_ROW[entry.level],
        selected
          ? "bg-selected! ring-1 ring-accent/40 ring-inset"
          : currentMatch
            ? "bg-orange-100! dark:bg-orange-500/15!"
            : linked
              ? "bg-yellow-100! ring-1 ring-yellow-500/50 ring-inset dark:bg-yellow-300/15!"
              : "hover:bg-hover",
      )}
    >
      {/* A text glyph, not an SVG icon: hundreds of rows a second are drawn while following. */}
      {json ? (
        <button
          type="button"
          tabIndex={-1}
          aria-label={selected ? "Close line details" : "Open line details"}
          aria-expanded={selected}
          onClick={(e) => {
            e.stopPropagation();
            onToggle(entry.seq);
          }}
          className={cn("w-4 shrink-0 rounded text-center text-accent before:content-['›'] hover:bg-line", selected && "rotate-90")}
        />
      ) : (
        // The glyph comes from CSS so a row's text content is just its line.
        <span
          aria-hidden
          className={cn("w-4 shrink-0 text-center text-faint before:content-['›']", selected ? "rotate-90" : "invisible group-hover:visible")}
        />
      )}
      {merged && gutter && (
        <span className={cn("mr-2 ml-1 flex w-[10ch] shrink-0 items-center gap-1.5 overflow-hidden sm:w-[16ch]", gutter.color.text)} title={gutter.name}>
          <span aria-hidden className={cn("h-3 w-[3px] shrink-0 rounded-full", gutter.color.bar)} />
          <span className="truncate">{gutter.label}</span>
        </span>
      )}
      {time && <TimeCell text={formatKey(entry.key, time)} />}
      <span className={cn("mr-2 w-[3ch] shrink-0 text-[11px] font-semibold select-none", LEVEL_TEXT[entry.level])}>{LEVEL_BADGE[entry.level]}</span>
      {entry.stream === "stderr" && <span className="sr-only">stderr: </span>}
      <span className={cn("min-w-0 flex-1 text-fg", wrap ? "[overflow-wrap:anywhere]" : "overflow-hidden text-ellipsis")} data-testid="log-text">
        <LineText entry={entry} matcher={matcher} current={currentMatch} />
        {entry.plain.length > MAX_DRAWN_CHARS && (
          <span className="ml-2 rounded bg-surface-2 px-1 text-faint select-none">
            +{(entry.plain.length - MAX_DRAWN_CHARS).toLocaleString("en-US")} chars — open the line
          </span>
        )}
      </span>
      {/* Hover action. A link, so "copy link address" and middle-click work too; a click copies it.
          Sticky at the visible right edge when the row is wider than the view (long, unwrapped lines).
          The href is filled in when the pointer reaches it: rows re-render on every tick while
          following, and none of them should build a URL for a link nobody points at. */}
      <a
        tabIndex={-1}
        data-testid="copy-line-link"
        title="Copy a link to this line"
        onPointerEnter={(e) => e.currentTarget.setAttribute("href", permalink(entry))}
        // Again on a press: while following, the row under a still pointer shows newer lines.
        onPointerDown={(e) => e.currentTarget.setAttribute("href", permalink(entry))}
        onClick={(e) => {
          e.stopPropagation();
          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return; // new tab or window: let the browser open it
          e.preventDefault();
          copyLineLink(permalink(entry));
        }}
        className={cn(
          "top-0 right-1 z-10 hidden h-5 shrink-0 items-center rounded border border-line bg-surface px-1.5 font-sans text-[11px] font-medium text-muted shadow-xs select-none group-hover:flex hover:text-accent",
          wrap ? "absolute" : "sticky ml-2",
        )}
      >
        Copy link
      </a>
    </div>
  );
});

const MARKER_TONE: Record<MarkerEntry["reason"], string> = {
  skipped: "text-amber-700 dark:text-amber-400",
  dropped: "text-amber-700 dark:text-amber-400",
  exited: "text-muted",
  "not-running": "text-muted",
  removed: "text-muted",
  "engine-unreachable": "text-red-700 dark:text-red-400",
  "end-of-range": "text-muted",
  error: "text-red-700 dark:text-red-400",
};

function MarkerRow({
  entry,
  style,
  gutter,
  wrap,
  index,
  measureRef,
}: {
  entry: MarkerEntry;
  style: CSSProperties;
  gutter: GutterInfo | null;
  wrap: boolean;
  index: number;
  measureRef?: Ref<HTMLDivElement>;
}) {
  const text = markerText(entry);
  return (
    <div
      ref={measureRef}
      data-index={index}
      data-testid="log-marker"
      data-reason={entry.reason}
      data-container={gutter?.name}
      style={style}
      className={cn(
        "absolute top-0 left-0 flex w-full items-center gap-3 px-3 leading-5 whitespace-pre select-none",
        wrap ? "h-5 [contain:layout_paint]" : "[contain:strict]",
        MARKER_TONE[entry.reason],
      )}
    >
      <span aria-hidden className="h-px w-4 shrink-0 bg-current opacity-40" />
      <span className="min-w-0 truncate">
        {gutter && <span className={cn("font-semibold", gutter.color.text)}>{gutter.name} </span>}— {text} —
      </span>
      <span aria-hidden className="h-px min-w-4 flex-1 bg-current opacity-40" />
    </div>
  );
}
