"use client";

import { useQuery, type UseQueryOptions } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { formatBytes } from "@/lib/format";
import type { PrunePart } from "@/lib/wire";
import { errorMessage } from "./use-run";
import { plural } from "@/lib/plural";

/** The list of what a prune would remove, with sizes, capped for long lists. */
export function PruneItems({ part, showBytes = true, empty }: { part: PrunePart; showBytes?: boolean; empty: string }) {
  if (part.count === 0) return <p className="rounded-md bg-surface-2/60 px-3 py-2 text-[13px] text-muted">{empty}</p>;
  return (
    <ul data-testid="prune-items" className="max-h-52 overflow-y-auto rounded-md border border-line bg-surface-2/50 px-3 py-1.5 font-mono text-[12px] text-fg">
      {part.items.slice(0, 200).map((i) => (
        <li key={i.id} className="flex justify-between gap-3 py-0.5">
          <span className="truncate" title={i.name}>
            {i.name}
          </span>
          {showBytes && <span className="shrink-0 text-muted tabular">{formatBytes(i.bytes)}</span>}
        </li>
      ))}
      {part.items.length > 200 && <li className="py-0.5 text-muted">… and {part.items.length - 200} more</li>}
    </ul>
  );
}

/**
 * "Prune" confirmation that first shows what would go and how much space it frees (fresh
 * `system df`), then asks once.
 */
export function PruneDialog<K extends readonly unknown[]>({
  open,
  onOpenChange,
  title,
  query,
  what,
  showBytes = true,
  onConfirm,
  children,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  title: string;
  query: UseQueryOptions<PrunePart, Error, PrunePart, K>;
  what: string;
  showBytes?: boolean;
  onConfirm: () => void;
  children?: ReactNode;
}) {
  const preview = useQuery({ ...query, enabled: open });
  const part = preview.data;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title={title} description="Docker removes these now; this cannot be undone." className="!max-w-lg">
        {children}
        <div className="mt-3">
          {preview.isPending ? (
            <p className="flex items-center gap-2 text-[13px] text-muted">
              <Spinner /> Asking Docker what would be removed…
            </p>
          ) : preview.isError ? (
            <p className="flex gap-2 text-[13px] text-danger">
              <TriangleAlert className="size-4" /> {errorMessage(preview.error)}
            </p>
          ) : (
            <>
              <p className="mb-2 text-[13px] text-fg" data-testid="prune-summary">
                {plural(part!.count, what)}
                {showBytes && (
                  <>
                    {" "}
                    · frees at least <span className="font-semibold tabular">{formatBytes(part!.bytes)}</span>
                  </>
                )}
              </p>
              <PruneItems part={part!} showBytes={showBytes} empty={`Nothing to prune: no unused ${what}s.`} />
            </>
          )}
        </div>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button
            variant="danger"
            data-testid="confirm-prune"
            disabled={!part || part.count === 0}
            onClick={() => {
              onConfirm();
              onOpenChange(false);
            }}
          >
            Prune{part ? ` ${part.count}` : ""}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
