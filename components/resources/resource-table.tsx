"use client";

import { ArrowDown, ArrowUp, ChevronsUpDown, Search, X } from "lucide-react";
import type { ReactNode } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableFrame, Td, Th } from "@/components/ui/table";
import { Tooltip } from "@/components/ui/tooltip";
import type { SortDir } from "./use-list-state";

export interface Column<T> {
  key: string;
  label: string;
  className?: string;
  /** Sort key; columns without one are not sortable. */
  sortValue?: (row: T) => string | number;
  defaultDir?: SortDir;
  render: (row: T) => ReactNode;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

export function sortRows<T>(rows: readonly T[], columns: readonly Column<T>[], sort: string, dir: SortDir): T[] {
  const col = columns.find((c) => c.key === sort && c.sortValue) ?? columns.find((c) => c.sortValue);
  if (!col?.sortValue) return [...rows];
  const sign = dir === "asc" ? 1 : -1;
  const v = col.sortValue;
  return [...rows].sort((a, b) => {
    const x = v(a);
    const y = v(b);
    return sign * (typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y)));
  });
}

/** Dense sortable table with optional selection, same look and behaviour as the containers list. */
export function ResourceTable<T>({
  rows,
  columns,
  rowKey,
  rowTestId,
  rowAttrs,
  sort,
  dir,
  onSort,
  selectable,
  selected,
  onSelect,
  actions,
  label,
}: {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  rowTestId: string;
  rowAttrs?: (row: T) => Record<string, string>;
  sort: string;
  dir: SortDir;
  onSort: (key: string, defaultDir?: SortDir) => void;
  selectable?: (row: T) => boolean;
  selected?: ReadonlySet<string>;
  onSelect?: (keys: readonly string[], on: boolean) => void;
  actions?: (row: T) => ReactNode;
  label: string;
}) {
  const canSelect = !!onSelect && !!selected;
  const selectableKeys = rows.filter((r) => selectable?.(r) ?? true).map(rowKey);
  const n = selectableKeys.filter((k) => selected?.has(k)).length;
  const all = n === 0 ? false : n === selectableKeys.length ? true : "indeterminate";
  return (
    <TableFrame>
      <Table aria-label={label}>
        <thead>
          <tr>
            {canSelect && (
              <Th className="w-9 pr-0 pl-3">
                <Checkbox
                  checked={all}
                  onCheckedChange={(on) => onSelect!(selectableKeys, on)}
                  aria-label="Select all shown"
                  disabled={selectableKeys.length === 0}
                />
              </Th>
            )}
            {columns.map((c) => {
              const active = c.key === sort;
              const Icon = !active ? ChevronsUpDown : dir === "asc" ? ArrowUp : ArrowDown;
              return (
                <Th key={c.key} className={c.className} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}>
                  {c.sortValue ? (
                    <button
                      type="button"
                      onClick={() => onSort(c.key, c.defaultDir)}
                      data-testid={`sort-${c.key}`}
                      className={cn("group -mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:text-fg", active && "text-fg")}
                    >
                      {c.label}
                      <Icon className={cn("size-3.5", active ? "text-accent" : "text-faint opacity-0 group-hover:opacity-100")} aria-hidden />
                    </button>
                  ) : (
                    c.label
                  )}
                </Th>
              );
            })}
            {actions && (
              <Th className="w-10 pr-3 text-right">
                <span className="sr-only">Actions</span>
              </Th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const key = rowKey(r);
            const isSel = selected?.has(key) ?? false;
            const can = selectable?.(r) ?? true;
            return (
              <tr
                key={key}
                data-testid={rowTestId}
                {...rowAttrs?.(r)}
                aria-selected={isSel}
                className={cn("transition-colors", isSel ? "bg-selected" : "bg-surface hover:bg-hover")}
              >
                {canSelect && (
                  <Td className="w-9 pr-0 pl-3">
                    {can ? <Checkbox checked={isSel} onCheckedChange={(on) => onSelect!([key], on)} aria-label={`Select ${key}`} /> : null}
                  </Td>
                )}
                {columns.map((c) => (
                  <Td key={c.key} className={c.className}>
                    {c.render(r)}
                  </Td>
                ))}
                {actions && <Td className="w-10 py-0 pr-2 text-right whitespace-nowrap">{actions(r)}</Td>}
              </tr>
            );
          })}
        </tbody>
      </Table>
    </TableFrame>
  );
}

export function TableSkeleton({ columns, rows = 6 }: { columns: number; rows?: number }) {
  return (
    <TableFrame aria-busy="true">
      <Table>
        <tbody>
          {Array.from({ length: rows }, (_, i) => (
            <tr key={i}>
              {Array.from({ length: columns }, (_, j) => (
                <Td key={j}>
                  <Skeleton className="h-3.5 w-24" />
                </Td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
    </TableFrame>
  );
}

export function SearchInput({ value, onChange, placeholder, testId }: { value: string; onChange: (v: string) => void; placeholder: string; testId: string }) {
  return (
    <div className="relative w-full sm:w-72">
      <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-faint" aria-hidden />
      <input
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => e.key === "Escape" && onChange("")}
        placeholder={placeholder}
        aria-label={placeholder}
        data-testid={testId}
        className="h-8 w-full rounded-md border border-line-strong bg-surface pr-8 pl-8 text-sm text-fg shadow-xs placeholder:text-faint focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-offset-0 [&::-webkit-search-cancel-button]:hidden"
      />
      {value && (
        <button
          type="button"
          aria-label="Clear search"
          onClick={() => onChange("")}
          className="absolute top-1/2 right-1.5 -translate-y-1/2 rounded p-1 text-faint hover:bg-hover hover:text-fg"
        >
          <X className="size-3.5" />
        </button>
      )}
    </div>
  );
}

export function FilterTabs<K extends string>({
  value,
  options,
  onChange,
  label,
}: {
  value: K;
  options: readonly { key: K; label: string; count: number; hint: string }[];
  onChange: (k: K) => void;
  label: string;
}) {
  return (
    <div role="group" aria-label={label} className="flex max-w-full overflow-x-auto rounded-md border border-line bg-surface-2/60 p-0.5">
      {options.map((o) => {
        const active = o.key === value;
        return (
          <Tooltip key={o.key} content={o.hint}>
            <button
              type="button"
              aria-pressed={active}
              data-testid={`filter-${o.key}`}
              onClick={() => onChange(o.key)}
              className={cn(
                "inline-flex h-7 items-center gap-1.5 rounded px-2.5 text-[13px] font-medium whitespace-nowrap transition-colors",
                active ? "bg-surface text-fg shadow-sm ring-1 ring-line" : "text-muted hover:text-fg",
              )}
            >
              {o.label}
              <span className={cn("text-xs tabular", active ? "text-muted" : "text-faint")}>{o.count}</span>
            </button>
          </Tooltip>
        );
      })}
    </div>
  );
}
