"use client";

import { ChevronDown, ChevronUp, ListFilter, Search, X } from "lucide-react";
import { forwardRef } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Tooltip } from "@/components/ui/tooltip";
import { LEVELS, nextLevels, type Level } from "@/lib/logs/levels";
import { ToggleButton } from "./toggle-button";

interface SearchProps {
  value: string;
  onChange: (q: string) => void;
  regex: boolean;
  onRegex: (on: boolean) => void;
  caseSensitive: boolean;
  onCase: (on: boolean) => void;
  onlyMatching: boolean;
  onOnlyMatching: (on: boolean) => void;
  /** 0-based position of the current match, or null before the first jump. */
  current: number | null;
  total: number;
  error: string | null;
  onNext: () => void;
  onPrev: () => void;
  /** More filters, on the same row as the match controls (the level chips). */
  children?: React.ReactNode;
}

/** Search: plain or regex, case toggle, Enter / Shift+Enter to walk matches, "only matching" filter. */
export const LogSearchBar = forwardRef<HTMLInputElement, SearchProps>(function LogSearchBar(p, ref) {
  const active = p.value !== "";
  return (
    // One wrapping row: on a phone the search box fills the first line (with "only matching" as an
    // icon beside it) and the level chips take the next; nothing scrolls sideways.
    <div className="flex min-w-0 flex-1 flex-wrap items-center gap-1.5">
      <div className="relative min-w-0 flex-1 basis-48 lg:w-72 lg:flex-none lg:basis-auto 2xl:w-96">
        <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-faint" aria-hidden />
        <input
          ref={ref}
          type="text"
          value={p.value}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => p.onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              if (e.shiftKey) p.onPrev();
              else p.onNext();
            } else if (e.key === "Escape") {
              e.preventDefault();
              if (p.value) p.onChange("");
              else e.currentTarget.blur();
            }
          }}
          placeholder={p.regex ? "Regular expression…" : "Search lines…"}
          aria-label="Search log lines"
          aria-invalid={!!p.error}
          aria-describedby={p.error ? "log-search-error" : undefined}
          data-testid="log-search"
          className={cn(
            "h-8 w-full rounded-md border bg-surface pr-[6.25rem] pl-8 font-mono text-[13px] text-fg shadow-xs placeholder:font-sans placeholder:text-faint sm:pr-[4.25rem]",
            "focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-offset-0",
            p.error ? "border-danger" : "border-line-strong",
          )}
        />
        <div className="absolute top-1/2 right-1 flex -translate-y-1/2 items-center gap-0.5">
          <Tooltip content="Regular expression">
            <ToggleButton
              pressed={p.regex}
              onClick={() => p.onRegex(!p.regex)}
              aria-label="Regular expression"
              data-testid="search-regex"
              className="h-6 px-1.5 font-mono text-[12px]"
            >
              .*
            </ToggleButton>
          </Tooltip>
          <Tooltip content="Match case">
            <ToggleButton
              pressed={p.caseSensitive}
              onClick={() => p.onCase(!p.caseSensitive)}
              aria-label="Match case"
              data-testid="search-case"
              className="h-6 px-1.5 text-[12px]"
            >
              Aa
            </ToggleButton>
          </Tooltip>
          {/* On a phone "only matching" is an icon inside the box, so the box, the match counter
              and its arrows share one line. */}
          <ToggleButton
            pressed={p.onlyMatching}
            onClick={() => p.onOnlyMatching(!p.onlyMatching)}
            aria-label="Only matching lines"
            title="Hide lines without a match"
            data-testid="only-matching-compact"
            className="h-6 px-1.5 sm:hidden"
          >
            <ListFilter aria-hidden />
          </ToggleButton>
        </div>
      </div>
      {/* Wraps on a phone: every control stays on screen, none behind a sideways scroll. */}
      {active && (
        <div className="flex shrink-0 items-center gap-0.5">
          <span
            className={cn("min-w-[4.5rem] px-1 text-right text-xs tabular", p.error ? "text-danger" : p.total === 0 ? "text-danger" : "text-muted")}
            data-testid="match-counter"
            aria-live="polite"
          >
            {p.error
              ? "invalid"
              : p.total === 0
                ? "no matches"
                : p.current === null
                  ? `${p.total.toLocaleString("en-US")} ${p.total === 1 ? "match" : "matches"}`
                  : `${(p.current + 1).toLocaleString("en-US")} of ${p.total.toLocaleString("en-US")}`}
          </span>
          <Tooltip content="Previous match (Shift+Enter)">
            <Button variant="ghost" size="icon-sm" aria-label="Previous match" onClick={p.onPrev} disabled={p.total === 0} data-testid="match-prev">
              <ChevronUp />
            </Button>
          </Tooltip>
          <Tooltip content="Next match (Enter)">
            <Button variant="ghost" size="icon-sm" aria-label="Next match" onClick={p.onNext} disabled={p.total === 0} data-testid="match-next">
              <ChevronDown />
            </Button>
          </Tooltip>
          <Tooltip content="Clear search (Esc)">
            <Button variant="ghost" size="icon-sm" aria-label="Clear search" onClick={() => p.onChange("")}>
              <X />
            </Button>
          </Tooltip>
        </div>
      )}
      <ToggleButton
        pressed={p.onlyMatching}
        onClick={() => p.onOnlyMatching(!p.onlyMatching)}
        data-testid="only-matching"
        title="Hide lines without a match"
        className="max-sm:hidden"
      >
        <ListFilter aria-hidden />
        Only matching
      </ToggleButton>
      {p.children}
      {p.error && (
        <p id="log-search-error" role="alert" className="w-full text-xs text-danger" data-testid="search-error">
          Not a valid regular expression: {p.error}
        </p>
      )}
    </div>
  );
});

const LEVEL_CHIP: Record<Level, { label: string; on: string; dot: string }> = {
  error: { label: "Error", on: "bg-red-50 text-red-700 ring-red-600/25 dark:bg-red-500/15 dark:text-red-300 dark:ring-red-400/30", dot: "bg-red-500" },
  warn: {
    label: "Warn",
    on: "bg-amber-50 text-amber-800 ring-amber-600/25 dark:bg-amber-500/15 dark:text-amber-300 dark:ring-amber-400/30",
    dot: "bg-amber-500",
  },
  info: { label: "Info", on: "bg-sky-50 text-sky-700 ring-sky-600/25 dark:bg-sky-500/15 dark:text-sky-300 dark:ring-sky-400/30", dot: "bg-sky-500" },
  debug: { label: "Debug", on: "bg-zinc-100 text-zinc-700 ring-zinc-500/25 dark:bg-zinc-400/15 dark:text-zinc-300 dark:ring-zinc-400/25", dot: "bg-zinc-400" },
  unknown: {
    label: "Other",
    on: "bg-zinc-100 text-zinc-700 ring-zinc-500/25 dark:bg-zinc-400/15 dark:text-zinc-300 dark:ring-zinc-400/25",
    dot: "bg-zinc-300 dark:bg-zinc-600",
  },
};

/**
 * Level filter chips with the count held per level. A click shows only that level (again: all);
 * Shift-, Ctrl- or Cmd-click adds or removes one level; "All" shows every level.
 */
export function LevelChips({ levels, counts, onChange }: { levels: readonly Level[]; counts: Record<Level, number>; onChange: (levels: Level[]) => void }) {
  const all = levels.length === LEVELS.length;
  return (
    <div role="group" aria-label="Filter by level" className="flex flex-wrap items-center gap-1" data-testid="level-filter">
      <button
        type="button"
        aria-pressed={all}
        data-level="all"
        title="Show lines of every level"
        onClick={() => onChange([...LEVELS])}
        className={cn(
          "inline-flex h-6 items-center rounded-full px-2 text-xs font-medium ring-1 transition-colors ring-inset",
          all ? "bg-surface-2 text-fg ring-line-strong" : "text-muted ring-line hover:bg-hover hover:text-fg",
        )}
      >
        All
      </button>
      {LEVELS.map((l) => {
        const on = levels.includes(l);
        const chip = LEVEL_CHIP[l];
        const what = l === "unknown" ? "lines without a recognisable level" : `${chip.label.toLowerCase()} lines`;
        return (
          <button
            key={l}
            type="button"
            aria-pressed={on}
            data-level={l}
            title={`Show only ${what}; Shift- or Ctrl-click to add or remove them`}
            onClick={(e) => onChange(nextLevels(levels, l, e.shiftKey || e.ctrlKey || e.metaKey))}
            className={cn(
              "inline-flex h-6 items-center gap-1 rounded-full px-2 text-xs font-medium ring-1 transition-colors select-none ring-inset",
              // Every level shown is the unfiltered state: chips look on but quieter than a choice.
              on ? chip.on : "text-faint ring-line hover:text-muted",
            )}
          >
            {/* No dot on a phone: the chip's colour says the same, and all six fit one line. */}
            <span aria-hidden className={cn("hidden size-1.5 rounded-full sm:inline-block", on ? chip.dot : "bg-line-strong")} />
            <span className={cn(!on && "line-through decoration-faint/60")}>{chip.label}</span>
            <span className="tabular opacity-70" data-testid="level-count">
              {compact(counts[l])}
            </span>
          </button>
        );
      })}
    </div>
  );
}

function compact(n: number): string {
  if (n < 10_000) return n.toLocaleString("en-US");
  if (n < 1_000_000) return `${Math.round(n / 1000)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}
