"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { ArrowDown } from "lucide-react";
import { forwardRef, useCallback, useImperativeHandle, useLayoutEffect, useRef, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { LogEntry } from "@/lib/logs/entries";
import type { Matcher } from "@/lib/logs/search";
import type { TimeFormat } from "@/lib/logs/timestamps";
import { LogRow, ROW_HEIGHT, type GutterInfo } from "./log-row";

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
  onToggle: (seq: number) => void;
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
 */
export const LogList = forwardRef<LogListHandle, Props>(function LogList(
  { rows, gutterFor, merged, time, matcher, currentMatchSeq, selectedSeq, onToggle, following, onFollowingChange, newLines, empty, contentChars },
  ref,
) {
  const scrollRef = useRef<HTMLDivElement>(null);
  /** Ten monospace characters, to turn a column into pixels. */
  const probeRef = useRef<HTMLSpanElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Every row on screen is restyled, laid out and painted on each tick while following: extra
    // rows off screen cost the same. Rows are all one height, so a few are enough for scrolling.
    overscan: 4,
  });

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
    const first = Math.floor(el.scrollTop / ROW_HEIGHT);
    const entry = rowsRef.current[first];
    anchor.current = entry ? { entry, delta: el.scrollTop - first * ROW_HEIGHT } : null;
  }, []);

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
    const target = idx * ROW_HEIGHT + a.delta;
    if (Math.abs(el.scrollTop - target) >= 1) el.scrollTop = target;
  }, [rows, following]);

  useImperativeHandle(
    ref,
    () => ({
      scrollToIndex(index, column) {
        setFollowing(false);
        const el = scrollRef.current;
        if (!el) return;
        const top = Math.max(0, index * ROW_HEIGHT - el.clientHeight / 2 + ROW_HEIGHT / 2);
        el.scrollTop = top;
        if (column !== undefined && probeRef.current) {
          // A match far along a long line (or on a phone) is brought into view sideways too.
          const x = column * (probeRef.current.offsetWidth / 10);
          if (x < el.scrollLeft + 40 || x > el.scrollLeft + el.clientWidth - 80) el.scrollLeft = x < el.clientWidth - 80 ? 0 : x - el.clientWidth / 3;
        }
        rememberAnchor();
      },
      focus() {
        scrollRef.current?.focus();
      },
      visibleRange() {
        const el = scrollRef.current;
        if (!el) return [0, 0];
        return [Math.floor(el.scrollTop / ROW_HEIGHT), Math.max(0, Math.ceil((el.scrollTop + el.clientHeight) / ROW_HEIGHT) - 1)];
      },
    }),
    [setFollowing, rememberAnchor],
  );

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    rememberAnchor();
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
        <div className="relative min-w-full font-mono text-[12px]" style={{ height: virtualizer.getTotalSize(), width: `${contentChars}ch` }}>
          <span ref={probeRef} aria-hidden className="invisible absolute top-0 left-0 whitespace-pre">
            {"0000000000"}
          </span>
          {items.map((item) => {
            const entry = rows[item.index];
            if (!entry) return null;
            return (
              <LogRow
                key={item.index % slots.current}
                entry={entry}
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
            "bg-accent text-accent-fg ring-1 ring-black/5 hover:bg-accent-hover animate-fade-in",
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
