"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { SearchX, ServerCrash, TriangleAlert, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { isEngineUnreachable } from "@/lib/queries/containers";
import { errorMessage } from "./use-run";
import { plural, pluralNoun } from "@/lib/plural";

/** Loading, engine-down, error, empty and no-match states around a resource table. */
export function ListBody<T>({
  query,
  engine,
  noun,
  icon,
  emptyText,
  shown,
  onClear,
  skeleton,
  children,
}: {
  query: UseQueryResult<readonly T[]>;
  engine: string;
  noun: string;
  icon: LucideIcon;
  emptyText: ReactNode;
  shown: number;
  onClear: () => void;
  skeleton: ReactNode;
  children: ReactNode;
}) {
  if (query.isPending) return <>{skeleton}</>;
  if (!query.data) {
    const down = isEngineUnreachable(query.error);
    return (
      <div className="rounded-lg border border-line bg-surface">
        <EmptyState
          icon={down ? ServerCrash : TriangleAlert}
          tone="danger"
          title={down ? `Cannot reach Docker engine “${engine}”` : `Could not load ${pluralNoun(noun)}`}
          action={
            <Button variant="secondary" onClick={() => void query.refetch()} disabled={query.isFetching}>
              {query.isFetching ? "Retrying…" : "Retry"}
            </Button>
          }
        >
          {down ? "The list appears as soon as the engine answers." : errorMessage(query.error)}
        </EmptyState>
      </div>
    );
  }
  if (query.data.length === 0)
    return (
      <div className="rounded-lg border border-line bg-surface" data-testid={`${noun}s-empty`}>
        <EmptyState icon={icon} title={`No ${pluralNoun(noun)} on this engine`}>
          {emptyText}
        </EmptyState>
      </div>
    );
  if (shown === 0)
    return (
      <div className="rounded-lg border border-line bg-surface">
        <EmptyState
          icon={SearchX}
          title={`No ${pluralNoun(noun)} match`}
          action={
            <Button variant="secondary" onClick={onClear}>
              Clear filters
            </Button>
          }
        >
          {plural(query.data.length, noun)} {query.data.length === 1 ? "is" : "are"} hidden by the current filter or search.
        </EmptyState>
      </div>
    );
  return <>{children}</>;
}

/** Small bar shown while rows are selected. */
export function SelectionBar({ count, onClear, children }: { count: number; onClear: () => void; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <div
      role="toolbar"
      aria-label="Bulk actions"
      data-testid="bulk-bar"
      className="sticky bottom-3 z-20 mx-auto mt-3 flex w-fit max-w-full animate-fade-in flex-wrap items-center gap-1 rounded-lg border border-line-strong bg-surface p-1.5 shadow-lg"
    >
      <span className="px-2 text-[13px] font-medium text-fg tabular">{count} selected</span>
      <Button variant="ghost" size="sm" onClick={onClear}>
        Clear
      </Button>
      <span aria-hidden className="mx-1 h-5 w-px bg-line" />
      {children}
    </div>
  );
}
