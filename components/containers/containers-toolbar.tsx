"use client";

import { FolderTree, RefreshCw, Search, X } from "lucide-react";
import { forwardRef } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Tooltip } from "@/components/ui/tooltip";
import { STATE_FILTERS, type StateFilter } from "./list-params";

const FILTER_LABEL: Record<StateFilter, string> = { all: "All", running: "Running", paused: "Paused", exited: "Exited", created: "Created" };
const FILTER_HINT: Record<StateFilter, string> = {
  all: "Every container",
  running: "Running or restarting",
  paused: "Paused (processes frozen)",
  exited: "Ran and stopped, with any exit code (dead ones too)",
  created: "Created, never started",
};

export function StateFilterTabs({ value, counts, onChange }: { value: StateFilter; counts: Record<StateFilter, number>; onChange: (f: StateFilter) => void }) {
  return (
    <div role="group" aria-label="Filter by state" className="flex max-w-full overflow-x-auto rounded-md border border-line bg-surface-2/60 p-0.5">
      {STATE_FILTERS.map((f) => {
        const active = f === value;
        return (
          <Tooltip key={f} content={FILTER_HINT[f]}>
            <button
              type="button"
              aria-pressed={active}
              data-testid={`state-filter-${f}`}
              onClick={() => onChange(f)}
              className={cn(
                // Tighter on a phone so all five tabs fit 390 px.
                "inline-flex h-7 items-center gap-1 rounded px-1.5 text-[13px] font-medium whitespace-nowrap transition-colors sm:gap-1.5 sm:px-2.5",
                active ? "bg-surface text-fg shadow-sm ring-1 ring-line" : "text-muted hover:text-fg",
              )}
            >
              {FILTER_LABEL[f]}
              <span className={cn("text-xs tabular", active ? "text-muted" : "text-faint")}>{counts[f]}</span>
            </button>
          </Tooltip>
        );
      })}
    </div>
  );
}

export const SearchBox = forwardRef<HTMLInputElement, { value: string; onChange: (v: string) => void }>(function SearchBox({ value, onChange }, ref) {
  return (
    <div className="relative w-full sm:w-72">
      <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-faint" aria-hidden />
      <input
        ref={ref}
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            if (value) onChange("");
            else e.currentTarget.blur();
          }
        }}
        placeholder="Search containers…"
        title="Matches name, image, id, compose project and label keys or values"
        aria-label="Search containers"
        data-testid="container-search"
        className="h-8 w-full rounded-md border border-line-strong bg-surface pr-14 pl-8 text-sm text-fg shadow-xs placeholder:text-faint focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-offset-0 [&::-webkit-search-cancel-button]:hidden"
      />
      {value ? (
        <button
          type="button"
          aria-label="Clear search"
          onClick={() => onChange("")}
          className="absolute top-1/2 right-1.5 -translate-y-1/2 rounded p-1 text-faint hover:bg-hover hover:text-fg"
        >
          <X className="size-3.5" />
        </button>
      ) : (
        <kbd className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2 rounded border border-line bg-surface-2 px-1.5 font-mono text-[11px] text-faint">
          /
        </kbd>
      )}
    </div>
  );
});

export function GroupToggle({ pressed, onChange }: { pressed: boolean; onChange: (v: boolean) => void }) {
  return (
    <Tooltip content="Group containers by compose project">
      <button
        type="button"
        aria-pressed={pressed}
        data-testid="group-toggle"
        onClick={() => onChange(!pressed)}
        className={cn(
          "inline-flex h-8 items-center gap-1.5 rounded-md border px-2.5 text-[13px] font-medium whitespace-nowrap transition-colors",
          pressed ? "border-accent/40 bg-accent-soft text-accent" : "border-line-strong bg-surface text-muted shadow-xs hover:bg-hover hover:text-fg",
        )}
      >
        <FolderTree className="size-4" aria-hidden />
        Group by project
      </button>
    </Tooltip>
  );
}

export function RefreshButton({ fetching, onClick }: { fetching: boolean; onClick: () => void }) {
  return (
    <Tooltip content="Refresh now (the list also updates live)">
      <Button variant="secondary" size="icon" aria-label="Refresh" onClick={onClick}>
        <RefreshCw className={cn(fetching && "animate-spin")} />
      </Button>
    </Tooltip>
  );
}
