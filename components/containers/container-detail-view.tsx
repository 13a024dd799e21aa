"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronRight, History, Layers, PackageX, ServerCrash, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { useCurrentUser } from "@/components/shell/current-user";
import { useConnectionState } from "@/components/socket/use-connection-state";
import { Button, buttonClasses } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { DetailSkeleton } from "@/components/ui/detail-skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { ContainerStatsPanel } from "@/components/stats/container-stats-panel";
import { removedHistoryHref } from "@/components/stats/removed-containers-card";
import { ApiError } from "@/lib/api-client";
import { shortId } from "@/lib/format";
import { can } from "@/lib/policy";
import { containerQuery, isEngineUnreachable, revealedContainerQuery } from "@/lib/queries/containers";
import { removedContainerQuery } from "@/lib/queries/stats";
import type { ContainerDetail } from "@/lib/wire";
import { DetailActions } from "./detail-actions";
import { DetailEnv } from "./detail-env";
import { DetailOverview } from "./detail-overview";
import { DetailLabels, DetailMounts, DetailNetworks, DetailPorts, DetailRaw } from "./detail-tables";
import { RelativeTime } from "./relative-time";
import { HealthBadge, StateBadge } from "./state-badge";
import { useActionFlow } from "./use-action-flow";
import { usePendingActions } from "./use-container-actions";

const TABS = ["overview", "stats", "env", "ports", "mounts", "networks", "labels", "inspect"] as const;
type Tab = (typeof TABS)[number];

function Breadcrumb({ name }: { name?: string }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-1 flex items-center gap-1 text-[13px] text-muted">
      <Link href="/containers" className="rounded hover:text-fg hover:underline">
        Containers
      </Link>
      {name && (
        <>
          <ChevronRight className="size-3.5 text-faint" aria-hidden />
          <span className="truncate text-fg">{name}</span>
        </>
      )}
    </nav>
  );
}

function Gone({ engine, name, wasOpen }: { engine: string; name: string; wasOpen: boolean }) {
  // Stats history outlives the container: offer what it did before it went away, when Berth kept any.
  const history = useQuery(removedContainerQuery(engine, name));
  return (
    <div className="p-4 sm:p-6">
      <Breadcrumb name={name} />
      <div className="mt-3 rounded-lg border border-line bg-surface" data-testid="container-not-found">
        <EmptyState
          icon={PackageX}
          title={wasOpen ? `Container “${name}” was removed` : "Container not found (maybe removed)"}
          action={
            <>
              {history.data && (
                <Link href={removedHistoryHref(history.data.id)} className={buttonClasses("default")} data-testid="removed-history-link">
                  <History aria-hidden /> View its stats history
                </Link>
              )}
              <Link href="/containers" className={buttonClasses("secondary")}>
                Back to containers
              </Link>
            </>
          }
        >
          {wasOpen ? (
            "Someone removed it while this page was open. Its logs and settings are gone with it."
          ) : (
            <>
              No container called or with id <code className="font-mono text-xs">{name}</code> exists on this engine. It may have been removed, or renamed.
            </>
          )}
          {history.data && (
            <span className="mt-1 block">
              Berth kept its CPU, memory, network and disk charts (last data <RelativeTime iso={history.data.lastSampleAt} />
              ).
            </span>
          )}
        </EmptyState>
      </div>
    </div>
  );
}

export function ContainerDetailView({ engine, containerRef }: { engine: string; containerRef: string }) {
  const user = useCurrentUser();
  const router = useRouter();
  const pathname = usePathname();
  const sp = useSearchParams();
  const tabParam = sp.get("tab");
  const tab: Tab = (TABS as readonly string[]).includes(tabParam ?? "") ? (tabParam as Tab) : "overview";
  // Shallow URL update (no server round trip), so a shared link opens the same tab.
  const setTab = (t: string) => window.history.replaceState(null, "", t === "overview" ? pathname : `${pathname}?tab=${t}`);

  const permissions = useMemo(() => ({ lifecycle: can(user.role, "containers:lifecycle"), remove: can(user.role, "containers:remove") }), [user.role]);
  const canReveal = can(user.role, "containers:reveal-secrets");
  const connection = useConnectionState();

  const query = useQuery({
    ...containerQuery(engine, containerRef),
    refetchInterval: (q) => (isEngineUnreachable(q.state.error) ? 3_000 : connection.status !== "connected" ? 10_000 : false),
  });
  const [reveal, setReveal] = useState(false);
  const revealed = useQuery({ ...revealedContainerQuery(engine, containerRef), enabled: reveal && canReveal });

  const pending = usePendingActions();
  const { request, dialogs } = useActionFlow(engine, { onRemoved: () => router.push("/containers") });

  const notFound = query.error instanceof ApiError && query.error.status === 404;
  if (notFound) return <Gone engine={engine} name={query.data?.name ?? containerRef} wasOpen={query.data !== undefined} />;
  if (query.isPending) return <DetailSkeleton breadcrumb={<Breadcrumb name={containerRef} />} />;
  if (!query.data) {
    const down = isEngineUnreachable(query.error);
    return (
      <div className="p-4 sm:p-6">
        <Breadcrumb name={containerRef} />
        <div className="mt-3 rounded-lg border border-line bg-surface">
          <EmptyState
            icon={down ? ServerCrash : TriangleAlert}
            tone="danger"
            title={down ? `Cannot reach Docker engine “${engine}”` : "Could not load this container"}
            action={
              <Button variant="secondary" onClick={() => void query.refetch()} disabled={query.isFetching}>
                Retry
              </Button>
            }
          >
            {down
              ? "Berth keeps retrying; the page fills in when the engine answers."
              : query.error instanceof ApiError
                ? query.error.message
                : "The server did not answer."}
          </EmptyState>
        </div>
      </div>
    );
  }

  // The revealed copy replaces the masked one only while the admin asked for it.
  const d: ContainerDetail = reveal && revealed.data ? revealed.data : query.data;
  const pendingVerb = pending.get(d.id);

  return (
    <Tabs value={tab} onValueChange={setTab}>
      <div className="border-b border-line bg-surface px-4 pt-4 sm:px-6">
        <Breadcrumb name={d.name} />
        <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3">
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              <h1 className="truncate text-lg font-semibold tracking-tight" data-testid="container-name">
                {d.name}
              </h1>
              <StateBadge state={d.state} status={d.status} exitCode={d.exitCode} />
              <HealthBadge health={d.health} />
            </div>
            <p className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-[13px] text-muted">
              <span data-testid="detail-status">{d.status}</span>
              <span className="inline-flex items-center gap-0.5">
                <code className="font-mono text-xs" title={d.id}>
                  {shortId(d.id)}
                </code>
                <CopyButton text={d.id} label="Copy full container id" variant="ghost" size="icon-sm" iconOnly />
              </span>
              <span className="inline-flex min-w-0 items-center gap-1.5" title="Image">
                <Layers className="size-3.5 shrink-0 text-faint" aria-hidden />
                <code className="truncate font-mono text-xs">{d.image}</code>
              </span>
            </p>
          </div>
          <DetailActions d={d} permissions={permissions} pendingVerb={pendingVerb} onRequest={(v) => request(v, [d])} />
        </div>
        {query.isError && (
          <p className="mt-2 flex items-center gap-2 text-[13px] text-amber-700 dark:text-amber-300" role="status">
            <TriangleAlert className="size-4" aria-hidden />
            Could not refresh ({query.error instanceof ApiError ? query.error.message : "network error"}); showing the last known state.
          </p>
        )}
        <TabsList aria-label="Container details" className="mt-3 -mb-px border-b-0">
          <TabsTrigger value="overview">Overview</TabsTrigger>
          <TabsTrigger value="stats">Stats</TabsTrigger>
          <TabsTrigger value="env">
            Environment <span className="text-xs text-faint tabular">{d.env.length}</span>
          </TabsTrigger>
          <TabsTrigger value="ports">
            Ports <span className="text-xs text-faint tabular">{d.ports.length}</span>
          </TabsTrigger>
          <TabsTrigger value="mounts">
            Mounts <span className="text-xs text-faint tabular">{d.mounts.length}</span>
          </TabsTrigger>
          <TabsTrigger value="networks">
            Networks <span className="text-xs text-faint tabular">{d.networks.length}</span>
          </TabsTrigger>
          <TabsTrigger value="labels">
            Labels <span className="text-xs text-faint tabular">{Object.keys(d.labels).length}</span>
          </TabsTrigger>
          <TabsTrigger value="inspect">Inspect</TabsTrigger>
        </TabsList>
      </div>
      <div className="px-4 py-4 sm:px-6">
        <TabsContent value="overview" className="pt-0">
          <DetailOverview engine={engine} d={d} />
        </TabsContent>
        <TabsContent value="stats" className="pt-0">
          <ContainerStatsPanel
            engine={engine}
            containerRef={d.name}
            running={d.state === "running" || d.state === "paused" || d.state === "restarting"}
            memoryLimitBytes={d.limits.memoryBytes}
          />
        </TabsContent>
        <TabsContent value="env" className="pt-0">
          <DetailEnv
            d={d}
            canReveal={canReveal}
            revealed={reveal && !!revealed.data}
            revealing={reveal && revealed.isFetching}
            onReveal={() => setReveal(true)}
            onHide={() => setReveal(false)}
            revealError={reveal && revealed.error instanceof ApiError ? revealed.error.message : null}
          />
        </TabsContent>
        <TabsContent value="ports" className="pt-0">
          <DetailPorts d={d} />
        </TabsContent>
        <TabsContent value="mounts" className="pt-0">
          <DetailMounts d={d} />
        </TabsContent>
        <TabsContent value="networks" className="pt-0">
          <DetailNetworks d={d} />
        </TabsContent>
        <TabsContent value="labels" className="pt-0">
          <DetailLabels d={d} />
        </TabsContent>
        <TabsContent value="inspect" className="pt-0">
          <DetailRaw d={d} />
        </TabsContent>
      </div>
      {dialogs}
    </Tabs>
  );
}
