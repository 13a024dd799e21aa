"use client";

import { useQuery } from "@tanstack/react-query";
import { Boxes, SearchX, ServerCrash, TriangleAlert } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { PageHeader } from "@/components/page-header";
import { useCurrentUser } from "@/components/shell/current-user";
import { useConnectionState } from "@/components/socket/use-connection-state";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ApiError } from "@/lib/api-client";
import { can } from "@/lib/policy";
import { containersQuery, isEngineUnreachable } from "@/lib/queries/containers";
import { useHotkey } from "@/lib/use-hotkey";
import type { ContainerSummary } from "@/lib/wire";
import { BulkActionBar } from "./bulk-action-bar";
import { ContainersTable, ContainersTableSkeleton } from "./containers-table";
import { GroupToggle, RefreshButton, SearchBox, StateFilterTabs } from "./containers-toolbar";
import {
  DEFAULT_DIR,
  groupByProject,
  matchesSearch,
  matchesState,
  parseListParams,
  serializeListParams,
  sortContainers,
  stateCounts,
  type ListParams,
  type LiveUsage,
  type SortKey,
} from "./list-params";
import { useOverviewStatsStore, useStoreVersion } from "@/components/stats/overview-store";
import { useActionFlow } from "./use-action-flow";
import { usePendingActions } from "./use-container-actions";

const SEARCH_DEBOUNCE_MS = 250;

/**
 * Filter, search, sort and grouping live in the URL; this hook reads and replaces them.
 * history.replaceState (which Next folds into useSearchParams) rather than router.replace: it is
 * synchronous, so two quick changes (typing, then a filter click) cannot overwrite each other
 * from a stale copy, and a filter click costs no server round trip or scroll jump.
 */
function useListParams(): [ListParams, (patch: Partial<ListParams>) => void] {
  const sp = useSearchParams();
  const params = useMemo(() => parseListParams(sp), [sp]);
  const update = useCallback((patch: Partial<ListParams>) => {
    const current = parseListParams(new URLSearchParams(window.location.search));
    window.history.replaceState(null, "", window.location.pathname + serializeListParams({ ...current, ...patch }));
  }, []);
  return [params, update];
}

export function ContainersView({ engine }: { engine: string }) {
  const user = useCurrentUser();
  const permissions = useMemo(() => ({ lifecycle: can(user.role, "containers:lifecycle"), remove: can(user.role, "containers:remove") }), [user.role]);
  const [params, setParams] = useListParams();
  const connection = useConnectionState();

  const query = useQuery({
    ...containersQuery(engine),
    // Without the socket there are no change pushes: poll gently until it is back.
    refetchInterval: (q) => (isEngineUnreachable(q.state.error) ? 3_000 : connection.status !== "connected" ? 10_000 : false),
  });

  // The search box answers every keystroke; the URL catches up after a pause.
  const [search, setSearch] = useState(params.q);
  const pushedQ = useRef(params.q);
  useEffect(() => {
    if (search === params.q) return;
    const t = setTimeout(() => {
      pushedQ.current = search;
      setParams({ q: search });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [search, params.q, setParams]);
  useEffect(() => {
    // Back/forward or a pasted link changed q: follow it, unless it is our own debounced write.
    if (params.q !== pushedQ.current) {
      pushedQ.current = params.q;
      setSearch(params.q);
    }
  }, [params.q]);

  const searchRef = useRef<HTMLInputElement>(null);
  useHotkey("/", () => searchRef.current?.focus());

  // Live CPU and memory from the stats socket, subscribed while this list is on screen (the hook
  // unsubscribes on unmount); no backlog: only the latest sample of each container is shown.
  const stats = useOverviewStatsStore(engine, 0);
  const statsVersion = useStoreVersion(stats);
  const all = query.data;
  const usage = useMemo(() => {
    void statsVersion;
    const m = new Map<string, LiveUsage>();
    // Only containers that run now: a stopped one's last sample lingers in the store for a few seconds.
    for (const c of all ?? []) {
      if (c.state !== "running" && c.state !== "paused" && c.state !== "restarting") continue;
      const s = stats.rings.latest(c.id);
      if (s) m.set(c.id, { cpu: s.cpuPercent, mem: s.memUsage });
    }
    return m;
  }, [stats, statsVersion, all]);

  const searched = useMemo(() => (all ?? []).filter((c) => matchesSearch(c, search)), [all, search]);
  const counts = useMemo(() => stateCounts(searched), [searched]);
  // The live numbers re-sort only when they are the sort key, so other sorts do not churn every second.
  const sortUsage = params.sort === "cpu" || params.sort === "mem" ? usage : undefined;
  const visible = useMemo(
    () =>
      sortContainers(
        searched.filter((c) => matchesState(c, params.state)),
        params.sort,
        params.dir,
        sortUsage,
      ),
    [searched, params.state, params.sort, params.dir, sortUsage],
  );
  const groups = useMemo(() => (params.group ? groupByProject(visible) : null), [params.group, visible]);

  // Selection is kept to rows on screen, so it stays valid as containers come, go or get filtered out.
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const selectedRows = useMemo(() => visible.filter((c) => selectedIds.has(c.id)), [visible, selectedIds]);
  const selected = useMemo(() => new Set(selectedRows.map((c) => c.id)), [selectedRows]);
  const onSelect = useCallback(
    (ids: readonly string[], on: boolean) => {
      const next = new Set(selected);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      setSelectedIds(next);
    },
    [selected],
  );
  const clearSelection = useCallback(() => setSelectedIds(new Set()), []);

  const onSort = (key: SortKey) => setParams(key === params.sort ? { dir: params.dir === "asc" ? "desc" : "asc" } : { sort: key, dir: DEFAULT_DIR[key] });

  const pending = usePendingActions();
  const { request, dialogs } = useActionFlow(engine);
  const onRequest = useCallback((verb: Parameters<typeof request>[0], targets: readonly ContainerSummary[]) => request(verb, targets), [request]);

  const total = all?.length ?? 0;
  const runningTotal = all?.filter((c) => c.state === "running").length ?? 0;
  const filtered = params.state !== "all" || search.trim() !== "";

  let body: React.ReactNode;
  if (query.isPending) {
    body = <ContainersTableSkeleton />;
  } else if (!all) {
    const down = isEngineUnreachable(query.error);
    body = (
      <div className="rounded-lg border border-line bg-surface" data-testid="containers-error">
        <EmptyState
          icon={down ? ServerCrash : TriangleAlert}
          tone="danger"
          title={down ? `Cannot reach Docker engine “${engine}”` : "Could not load containers"}
          action={
            <Button variant="secondary" onClick={() => void query.refetch()} disabled={query.isFetching}>
              {query.isFetching ? "Retrying…" : "Retry"}
            </Button>
          }
        >
          {down
            ? "Berth keeps retrying in the background; the list appears as soon as the engine answers."
            : query.error instanceof ApiError
              ? query.error.message
              : "The server did not answer."}
        </EmptyState>
      </div>
    );
  } else if (total === 0) {
    body = (
      <div className="rounded-lg border border-line bg-surface" data-testid="containers-empty">
        <EmptyState icon={Boxes} title="No containers on this engine">
          Containers appear here the moment they are created, by Berth, the <code className="font-mono text-xs">docker</code> CLI or Compose.
        </EmptyState>
      </div>
    );
  } else if (visible.length === 0) {
    body = (
      <div className="rounded-lg border border-line bg-surface" data-testid="containers-no-match">
        <EmptyState
          icon={SearchX}
          title="No containers match"
          action={
            <Button
              variant="secondary"
              onClick={() => {
                setSearch("");
                pushedQ.current = "";
                setParams({ state: "all", q: "" });
              }}
            >
              Clear filters
            </Button>
          }
        >
          {total} {total === 1 ? "container is" : "containers are"} hidden by the current filter{search.trim() ? " and search" : ""}.
        </EmptyState>
      </div>
    );
  } else {
    body = (
      <ContainersTable
        rows={visible}
        groups={groups}
        grouped={params.group}
        selected={selected}
        onSelect={onSelect}
        sort={params.sort}
        dir={params.dir}
        onSort={onSort}
        permissions={permissions}
        pending={pending}
        onRequest={onRequest}
        hideProjectColumn={params.group}
        usage={usage}
      />
    );
  }

  return (
    <>
      <PageHeader
        title="Containers"
        description={
          all ? (
            <span data-testid="containers-summary">
              {total} {total === 1 ? "container" : "containers"} on <span className="font-medium text-fg">{engine}</span> · {runningTotal} running
              {filtered && ` · ${visible.length} shown`}
            </span>
          ) : (
            <>Every container on engine {engine}</>
          )
        }
        actions={<RefreshButton fetching={query.isFetching} onClick={() => void query.refetch()} />}
      />
      <div className="px-4 py-4 sm:px-6">
        <div className="mb-3 flex flex-wrap items-center gap-2">
          <StateFilterTabs value={params.state} counts={counts} onChange={(state) => setParams({ state })} />
          <SearchBox ref={searchRef} value={search} onChange={setSearch} />
          <GroupToggle pressed={params.group} onChange={(group) => setParams({ group })} />
        </div>
        {all && query.isError && !isEngineUnreachable(query.error) && (
          <p className="mb-3 flex items-center gap-2 text-[13px] text-amber-700 dark:text-amber-300" role="status">
            <TriangleAlert className="size-4" aria-hidden />
            The last refresh failed ({query.error instanceof ApiError ? query.error.message : "network error"}); showing the previous list.
          </p>
        )}
        {body}
        <BulkActionBar selected={selectedRows} permissions={permissions} onRequest={onRequest} onClear={clearSelection} />
      </div>
      {dialogs}
    </>
  );
}
