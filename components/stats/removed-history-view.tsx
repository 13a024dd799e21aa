"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronRight, History, Layers, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { formatFullDate, RelativeTime } from "@/components/containers/relative-time";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { DetailSkeleton } from "@/components/ui/detail-skeleton";
import { EmptyState } from "@/components/ui/empty-state";
import { ApiError } from "@/lib/api-client";
import { shortId } from "@/lib/format";
import { removedContainerQuery } from "@/lib/queries/stats";
import { rangeReaching } from "@/lib/stats/range";
import { ContainerStatsPanel } from "./container-stats-panel";

function Breadcrumb({ name }: { name: string }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-1 flex items-center gap-1 text-[13px] text-muted">
      <Link href="/overview" className="rounded hover:text-fg hover:underline">
        Overview
      </Link>
      <ChevronRight className="size-3.5 text-faint" aria-hidden />
      <span>Recently removed</span>
      <ChevronRight className="size-3.5 text-faint" aria-hidden />
      <span className="truncate text-fg">{name}</span>
    </nav>
  );
}

/**
 * The kept charts of a container that no longer exists: who it was (name, image, id), when it
 * went, and its CPU, memory, network, block I/O and PIDs up to 7 days back.
 */
export function RemovedHistoryView({ engine, containerRef }: { engine: string; containerRef: string }) {
  const record = useQuery(removedContainerQuery(engine, containerRef));

  if (record.isPending) return <DetailSkeleton breadcrumb={<Breadcrumb name={containerRef} />} />;

  if (!record.data) {
    const missing = record.error instanceof ApiError && record.error.status === 404;
    return (
      <div className="p-4 sm:p-6">
        <Breadcrumb name={containerRef} />
        <div className="mt-3 rounded-lg border border-line bg-surface" data-testid="removed-history-missing">
          <EmptyState
            icon={missing ? History : TriangleAlert}
            tone={missing ? "neutral" : "danger"}
            title={missing ? "No kept history for this container" : "Could not load the history"}
            action={
              missing ? (
                <>
                  <Link href="/overview" className={buttonClasses("secondary")}>
                    Back to overview
                  </Link>
                  <Link href={`/containers/${encodeURIComponent(containerRef)}?tab=stats`} className={buttonClasses("ghost")}>
                    Open as a container
                  </Link>
                </>
              ) : (
                <Button variant="secondary" onClick={() => void record.refetch()} disabled={record.isFetching}>
                  Retry
                </Button>
              )
            }
          >
            {missing
              ? "Berth keeps the stats of removed containers for 7 days, for containers it saw running. This one is not among them, or it still exists."
              : record.error instanceof ApiError
                ? record.error.message
                : "The server did not answer."}
          </EmptyState>
        </div>
      </div>
    );
  }

  const c = record.data;
  return (
    <div>
      <div className="border-b border-line bg-surface px-4 pt-4 pb-3 sm:px-6">
        <Breadcrumb name={c.name} />
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="truncate text-lg font-semibold tracking-tight" data-testid="removed-history-name">
            {c.name}
          </h1>
          <Badge tone="red" dot data-testid="removed-history-badge">
            removed
          </Badge>
        </div>
        <p className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-[13px] text-muted">
          <span>
            Removed <RelativeTime iso={c.removedAt} /> <span className="text-faint">({formatFullDate(c.removedAt)})</span>
          </span>
          <span>
            last data <RelativeTime iso={c.lastSampleAt} />
          </span>
          <span className="inline-flex items-center gap-0.5">
            <code className="font-mono text-xs" title={c.id}>
              {shortId(c.id)}
            </code>
            <CopyButton text={c.id} label="Copy full container id" variant="ghost" size="icon-sm" iconOnly />
          </span>
          <span className="inline-flex min-w-0 items-center gap-1.5" title="Image">
            <Layers className="size-3.5 shrink-0 text-faint" aria-hidden />
            <code className="truncate font-mono text-xs">{c.image}</code>
          </span>
          {c.project && <span title="Compose project">project {c.project}</span>}
        </p>
      </div>
      <div className="px-4 py-4 sm:px-6">
        <ContainerStatsPanel engine={engine} containerRef={c.id} running={false} removed initialRange={rangeReaching(c.lastSampleAt)} />
      </div>
    </div>
  );
}
