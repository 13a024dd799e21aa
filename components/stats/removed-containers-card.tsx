"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import Link from "next/link";
import { useDeferredValue, useState } from "react";
import { RelativeTime } from "@/components/containers/relative-time";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TableFrame, Td, Th } from "@/components/ui/table";
import { ApiError } from "@/lib/api-client";
import { shortId } from "@/lib/format";
import { removedContainersQuery } from "@/lib/queries/stats";

/** Rows shown before "Show all": the overview is about what runs now. */
const COLLAPSED_ROWS = 5;
const FETCHED_ROWS = 50;

/** Link to a removed container's kept charts; by id, since a new container may reuse the name. */
export function removedHistoryHref(id: string): string {
  return `/overview/removed/${encodeURIComponent(id)}`;
}

/**
 * Containers that are gone but whose stats history Berth keeps (up to 7 days): what a container
 * did before it was removed, or OOM-killed and cleaned up. Hidden while there are none.
 */
export function RemovedContainersCard({ engine }: { engine: string }) {
  const [filter, setFilter] = useState("");
  const q = useDeferredValue(filter.trim());
  const [expanded, setExpanded] = useState(false);
  const list = useQuery({ ...removedContainersQuery(engine, q, FETCHED_ROWS), placeholderData: keepPreviousData });

  if (!list.data && !list.isError) return null;
  if (list.data && list.data.total === 0 && !q) return null;

  const rows = list.data?.containers ?? [];
  const shown = expanded || q ? rows : rows.slice(0, COLLAPSED_ROWS);
  const total = list.data?.total ?? 0;

  return (
    <section data-testid="removed-containers">
      <div className="mb-2 flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 className="text-[13px] font-semibold text-fg">
            Recently removed <span className="font-normal text-muted tabular">{total}</span>
          </h2>
          <p className="text-xs text-muted">Gone from the engine; their resource history is kept for 7 days.</p>
        </div>
        <label className="relative block w-full sm:w-56">
          <span className="sr-only">Filter removed containers</span>
          <Search className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-faint" aria-hidden />
          <Input value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Name, image or id" className="h-7 pl-7 text-[13px]" />
        </label>
      </div>
      {list.isError ? (
        <p role="alert" className="rounded-lg border border-line bg-surface px-4 py-3 text-[13px] text-danger">
          {list.error instanceof ApiError ? list.error.message : "Could not load removed containers"}
        </p>
      ) : rows.length === 0 ? (
        <p className="rounded-lg border border-line bg-surface px-4 py-3 text-[13px] text-muted">No removed container matches “{q}”.</p>
      ) : (
        <TableFrame>
          <Table>
            <thead>
              <tr>
                <Th>Container</Th>
                <Th className="max-sm:hidden">Image</Th>
                <Th className="max-md:hidden">Id</Th>
                <Th>Last data</Th>
                <Th>Removed</Th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={c.id} className="hover:bg-hover" data-testid="removed-row" data-name={c.name}>
                  <Td className="max-w-[16rem]">
                    <Link
                      href={removedHistoryHref(c.id)}
                      className="block truncate font-medium text-accent hover:underline"
                      title={`Stats history of ${c.name}`}
                    >
                      {c.name}
                    </Link>
                  </Td>
                  <Td className="max-w-[16rem] truncate font-mono text-xs text-muted max-sm:hidden" title={c.image}>
                    {c.image}
                  </Td>
                  <Td className="font-mono text-xs text-muted max-md:hidden">{shortId(c.id)}</Td>
                  <Td className="whitespace-nowrap text-muted">
                    <RelativeTime iso={c.lastSampleAt} compact />
                  </Td>
                  <Td className="whitespace-nowrap text-muted">
                    <RelativeTime iso={c.removedAt} compact />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {(rows.length > shown.length || total > rows.length) && (
            <div className="flex items-center gap-3 px-2.5 py-1.5 text-xs text-muted">
              {rows.length > shown.length && (
                <Button size="sm" variant="ghost" onClick={() => setExpanded(true)}>
                  Show {rows.length - shown.length} more
                </Button>
              )}
              {total > rows.length && (expanded || q) && (
                <span>
                  Showing the latest {rows.length} of {total}; filter to find older ones.
                </span>
              )}
            </div>
          )}
        </TableFrame>
      )}
    </section>
  );
}
