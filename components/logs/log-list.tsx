"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { ArrowDown } from "lucide-react";
import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { LineEntry, LogEntry } from "@/lib/logs/entries";
import type { Matcher } from "@/lib/logs/search";
import type { TimeFormat } from "@/lib/logs/timestamps";
import { LogRow, ROW_HEIGHT, type GutterInfo } from "./log-row";

/** Wrapped rows' measured heights kept before the ones off screen are forgotten. */
const MAX_REMEMBERED_SIZES = 20_000;

export interface LogListHandle {
  /** Scrolls a row into the middle of the view (stops following), and sideways to `column` (in characters) if given. */
  scrollToIndex(index: number, column?: number): void;
  focus(): void;
  /** Index of the first and last rows on screen. */
  visibleRange(): [number, number];
}

interface Props {
  rows: readonly LogEntry[];
  gutterFor: (container: string | undefined) => GutterInfo | null;
  merged: boolean;
  time: TimeFormat | null;
  matcher: Matcher | null;
  currentMatchSeq: number | null;
  selectedSeq: number | null;
  /** The line a permalink opened the view at (highlighted). */
  linkedSeq: number | null;
  onToggle: (seq: number) => void;
  permalink: (entry: LineEntry) => string;
  /** Long lines wrap (rows measured) instead of scrolling sideways (rows of one height). */
  wrap: boolean;
  following: boolean;
  onFollowingChange: (following: boolean) => void;
  /** Lines that arrived since following stopped. */
  newLines: number;
  /** Shown over the list when there are no rows. */
  empty?: ReactNode;
  /** Width of the widest row in monospace characters: the list scrolls sideways to it. */
  contentChars: number;
}

/**
 * The virtual list: only the rows on screen exist in the DOM, every row has the same height, so
 * 150,000 lines cost what 60 do. It follows the newest line until the user scrolls away, then
 * holds the line they are reading in place while lines arrive, merge in, or drop off the top.
 *
 * With `wrap`, rows are as tall as their wrapped text: the virtualizer measures the rows drawn
 * (ResizeObserver) and estimates the rest at one line, sizes are remembered per line (keyed by
 * seq, so they follow the line when rows shift), and positions come from its measurements
 * instead of `index * ROW_HEIGHT`. Unwrapped, nothing is measured: the fast path stays as it was.
 */
export const LogList = forwardRef<LogListHandle, Props>(function LogList(
  {
    rows,
    gutterFor,
    merged,
    time,
    matcher,
    currentMatchSeq,
    selectedSeq,
    linkedSeq,
    onToggle,
    permalink,
    wrap,
    following,
    onFollowingChange,
    newLines,
    empty,
    contentChars,
  },
  ref,
) {
  const scrollRef = useRef<HTMLDivElement>(null);
  /** Ten monospace characters, to turn a column into pixels. */
  const probeRef = useRef<HTMLSpanElement>(null);
  // Negative, so they never collide with the index keys of unwrapped mode in the size cache.
  const getItemKey = useCallback((i: number) => -(rows[i]?.seq ?? i) - 1, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Every row on screen is restyled, laid out and painted on each tick while following: extra
    // rows off screen cost the same. Rows are all one height, so a few are enough for scrolling.
    overscan: 4,
    // Measured sizes belong to a line, not to a position (lines drop off the top and merge in).
    ...(wrap ? { getItemKey } : {}),
  });
  // The list keeps the reading position itself (the anchor below): the virtualizer must not also
  // shift the scroll when a row above is measured, or the two corrections add up.
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = () => false;
  const wrapRef = useRef(wrap);
  wrapRef.current = wrap;
  useEffect(() => {
    // Sizes are remembered per line, and lines keep coming: forget the ones not on screen now and
    // then (they are measured again if scrolled back to), so a day of following stays bounded.
    const sizes = virtualizer.itemSizeCache;
    if (sizes.size <= MAX_REMEMBERED_SIZES) return;
    for (const key of sizes.keys()) if (!virtualizer.elementsCache.has(key)) sizes.delete(key);
  }, [rows, virtualizer]);
  /** Top of a row in pixels. */
  const startOf = useCallback(
    (index: number) => (wrapRef.current ? (virtualizer.measurementsCache[index]?.start ?? index * ROW_HEIGHT) : index * ROW_HEIGHT),
    [virtualizer],
  );
  /** The row at a scroll offset. */
  const indexAt = useCallback(
    (offset: number) => (wrapRef.current ? (virtualizer.getVirtualItemForOffset(offset)?.index ?? 0) : Math.floor(offset / ROW_HEIGHT)),
    [virtualizer],
  );

  const followingRef = useRef(following);
  followingRef.current = following;
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  /** The first row on screen and how far into it the view is: restored after rows change. */
  const anchor = useRef<{ entry: LogEntry; delta: number } | null>(null);
  /** A finger or the scrollbar is holding the list: do not yank it to the bottom meanwhile. */
  const holding = useRef(false);

  const setFollowing = useCallback(
    (on: boolean) => {
      if (followingRef.current === on) return;
      followingRef.current = on;
      onFollowingChange(on);
    },
    [onFollowingChange],
  );

  const rememberAnchor = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const first = indexAt(el.scrollTop);
    const entry = rowsRef.current[first];
    anchor.current = entry ? { entry, delta: el.scrollTop - startOf(first) } : null;
  }, [indexAt, startOf]);

  const totalSize = virtualizer.getTotalSize();

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    if (following) {
      if (!holding.current) el.scrollTop = el.scrollHeight;
      return;
    }
    const a = anchor.current;
    if (!a) return;
    const idx = rows.indexOf(a.entry);
    if (idx < 0) return; // dropped off the top or filtered out: stay where we are
    const target = startOf(idx) + a.delta;
    if (Math.abs(el.scrollTop - target) >= 1) el.scrollTop = target;
    // The total size changes on its own when wrapped rows are measured: re-pin then too.
  }, [rows, following, totalSize, startOf]);

  useImperativeHandle(
    ref,
    () => ({
      scrollToIndex(index, column) {
        setFollowing(false);
        const el = scrollRef.current;
        if (!el) return;
        const rowHeight = wrapRef.current ? (virtualizer.measurementsCache[index]?.size ?? ROW_HEIGHT) : ROW_HEIGHT;
        const top = Math.max(0, startOf(index) - el.clientHeight / 2 + Math.min(rowHeight, el.clientHeight / 2) / 2);
        el.scrollTop = top;
        if (column !== undefined && probeRef.current) {
          // A match far along a long line (or on a phone) is brought into view sideways too.
          const x = column * (probeRef.current.offsetWidth / 10);
          if (x < el.scrollLeft + 40 || x > el.scrollLeft + el.clientWidth - 80) el.scrollLeft = x < el.clientWidth - 80 ? 0 : x - el.clientWidth / 3;
        }
        // Hold the row itself in place while rows around it are measured or arrive, not the first on screen.
        const entry = rowsRef.current[index];
        anchor.current = entry ? { entry, delta: el.scrollTop - startOf(index) } : null;
        anchorPinned.current = true;
      },
      focus() {
        scrollRef.current?.focus();
      },
      visibleRange() {
        const el = scrollRef.current;
        if (!el) return [0, 0];
        return [indexAt(el.scrollTop), Math.max(0, indexAt(Math.max(0, el.scrollTop + el.clientHeight - 1)))];
      },
    }),
    [setFollowing, startOf, indexAt, virtualizer],
  );

  /** The anchor was set to a row we scrolled to: the scroll event that follows must not replace it. */
  const anchorPinned = useRef(false);
  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    if (anchorPinned.current) anchorPinned.current = false;
    else rememberAnchor();
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= ROW_HEIGHT;
    setFollowing(atBottom);
  };

  const release = useRef(() => {});
  release.current = () => {
    if (!holding.current) return;
    holding.current = false;
    onScroll();
  };
  useLayoutEffect(() => {
    // The scrollbar may be let go outside the list.
    const up = () => release.current();
    window.addEventListener("pointerup", up);
    window.addEventListener("pointercancel", up);
    window.addEventListener("touchend", up);
    return () => {
      window.removeEventListener("pointerup", up);
      window.removeEventListener("pointercancel", up);
      window.removeEventListener("touchend", up);
    };
  }, []);

  const items = virtualizer.getVirtualItems();
  // Rows are keyed by screen slot (index modulo the most rows ever drawn at once): a one-row
  // scroll re-renders one row, and a tick that brings a screenful of new lines while following
  // patches the same DOM nodes instead of unmounting and mounting them all.
  const slots = useRef(1);
  slots.current = Math.max(slots.current, items.length);

  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scrollRef}
        role="log"
        aria-label="Log lines"
        aria-live="off"
        tabIndex={0}
        data-testid="log-scroller"
        data-following={following}
        onScroll={onScroll}
        // Intent to leave the bottom counts before the scroll event: a push landing in between
        // must not snap the list back down under the user's hand.
        onWheel={(e) => {
          if (e.deltaY < 0) setFollowing(false);
        }}
        onKeyDown={(e) => {
          if (e.key === "End") {
            e.preventDefault();
            setFollowing(true);
          } else if (["ArrowUp", "PageUp", "Home"].includes(e.key)) setFollowing(false);
        }}
        onPointerDown={() => (holding.current = true)}
        onTouchStart={() => (holding.current = true)}
        // `contain: strict`: its size comes from the parent, never from the rows, so a tick's
        // relayout stays inside the list and the header's changing counts stay outside it.
        className="absolute inset-0 overflow-auto overscroll-contain bg-surface [contain:strict] focus-visible:outline-offset-[-2px]"
      >
        {/* Long lines scroll sideways: the content is as wide as the widest line held (in `ch` of the row font). */}
        <div className="relative min-w-full font-mono text-[12px]" style={{ height: totalSize, width: wrap ? "100%" : `${contentChars}ch` }}>
          <span ref={probeRef} aria-hidden className="invisible absolute top-0 left-0 whitespace-pre">
            {"0000000000"}
          </span>
          {items.map((item) => {
            const entry = rows[item.index];
            if (!entry) return null;
            return (
              <LogRow
                // Wrapped rows are measured per line: a node must not pass from one line to another.
                key={wrap ? entry.seq : item.index % slots.current}
                entry={entry}
                index={item.index}
                measureRef={wrap ? virtualizer.measureElement : undefined}
                wrap={wrap}
                permalink={permalink}
                linked={entry.seq === linkedSeq}
                top={item.start}
                gutter={gutterFor(entry.kind === "line" ? entry.container : entry.container)}
                merged={merged}
                time={time}
                matcher={matcher}
                currentMatch={entry.seq === currentMatchSeq}
                selected={entry.seq === selectedSeq}
                onToggle={onToggle}
              />
            );
          })}
        </div>
      </div>
      {rows.length === 0 && empty && <div className="pointer-events-none absolute inset-0 flex items-center justify-center p-6">{empty}</div>}
      {!following && rows.length > 0 && (
        <button
          type="button"
          data-testid="jump-to-latest"
          onClick={() => {
            setFollowing(true);
            scrollRef.current?.focus({ preventScroll: true });
          }}
          className={cn(
            "absolute bottom-4 left-1/2 inline-flex h-8 -translate-x-1/2 items-center gap-1.5 rounded-full px-3.5 text-[13px] font-medium whitespace-nowrap shadow-lg",
            "animate-fade-in bg-accent text-accent-fg ring-1 ring-black/5 hover:bg-accent-hover",
          )}
        >
          <ArrowDown className="size-4" aria-hidden />
          {newLines > 0 ? (
            <>
              {newLines.toLocaleString("en-US")} new {newLines === 1 ? "line" : "lines"}
              <span className="hidden sm:inline">— jump to latest</span>
            </>
          ) : (
            "Jump to latest"
          )}
        </button>
      )}
    </div>
  );
});
