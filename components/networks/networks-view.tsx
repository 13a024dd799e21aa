"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Network, Plus, RefreshCw, Scissors, Trash2 } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { PageHeader } from "@/components/page-header";
import { ListBody, SelectionBar } from "@/components/resources/list-frame";
import { PruneDialog } from "@/components/resources/prune-dialog";
import { FilterTabs, ResourceTable, SearchInput, sortRows, TableSkeleton, type Column } from "@/components/resources/resource-table";
import { useListState } from "@/components/resources/use-list-state";
import { useResourcesSync } from "@/components/resources/use-resources-sync";
import { runWithToast } from "@/components/resources/use-run";
import { useCurrentUser } from "@/components/shell/current-user";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Tooltip } from "@/components/ui/tooltip";
import { can } from "@/lib/policy";
import { networkKeys, networkPrunePreviewQuery, networksQuery, pruneNetworks, removeNetwork } from "@/lib/queries/networks";
import type { NetworkSummary } from "@/lib/wire";
import { CreateNetworkDialog } from "./create-network-dialog";
import { plural } from "@/lib/plural";

const FILTERS = ["all", "used", "unused", "custom"] as const;
type Filter = (typeof FILTERS)[number];
const DEFAULTS = { q: "", sort: "name", dir: "asc" as const, filter: "all" };

function matches(n: NetworkSummary, f: Filter) {
  if (f === "used") return n.containerCount > 0;
  if (f === "unused") return n.containerCount === 0;
  if (f === "custom") return !n.predefined;
  return true;
}

export function NetworksView({ engine }: { engine: string }) {
  useResourcesSync(engine);
  const user = useCurrentUser();
  const perm = { create: can(user.role, "networks:create"), remove: can(user.role, "networks:remove"), prune: can(user.role, "networks:prune") };
  const qc = useQueryClient();
  const query = useQuery(networksQuery(engine));
  const { state, update, search, setSearch, onSort } = useListState(DEFAULTS);
  const filter = (FILTERS as readonly string[]).includes(state.filter) ? (state.filter as Filter) : "all";
  const refresh = () => void qc.invalidateQueries({ queryKey: networkKeys.list(engine) });

  const columns: Column<NetworkSummary>[] = useMemo(
    () => [
      {
        key: "name",
        label: "Name",
        sortValue: (n) => n.name,
        render: (n) => (
          <span className="flex flex-wrap items-center gap-x-1.5 gap-y-0.5">
            <Link
              href={`/networks/${encodeURIComponent(n.name)}`}
              className="max-w-[45vw] truncate font-medium text-fg hover:text-accent hover:underline sm:max-w-[22rem]"
              title={n.name}
              data-testid="network-link"
            >
              {n.name}
            </Link>
            {n.predefined && <Badge>predefined</Badge>}
          </span>
        ),
      },
      { key: "driver", label: "Driver", className: "hidden sm:table-cell", sortValue: (n) => n.driver, render: (n) => n.driver },
      {
        key: "scope",
        label: "Scope",
        className: "hidden lg:table-cell",
        sortValue: (n) => n.scope,
        render: (n) => <span className="text-muted">{n.scope}</span>,
      },
      {
        key: "subnet",
        label: "Subnet",
        className: "hidden sm:table-cell",
        sortValue: (n) => n.subnets[0]?.subnet ?? "",
        render: (n) =>
          n.subnets.length ? <span className="font-mono text-xs">{n.subnets.map((s) => s.subnet).join(", ")}</span> : <span className="text-faint">—</span>,
      },
      {
        key: "gateway",
        label: "Gateway",
        className: "hidden md:table-cell",
        render: (n) =>
          n.subnets.some((s) => s.gateway) ? (
            <span className="font-mono text-xs">
              {n.subnets
                .map((s) => s.gateway)
                .filter(Boolean)
                .join(", ")}
            </span>
          ) : (
            <span className="text-faint">—</span>
          ),
      },
      {
        key: "flags",
        label: "Flags",
        className: "hidden md:table-cell",
        render: (n) => (
          <span className="flex gap-1">
            {n.internal && <Badge tone="amber">internal</Badge>}
            {n.attachable && <Badge tone="blue">attachable</Badge>}
            {n.ipv6 && <Badge tone="violet">IPv6</Badge>}
          </span>
        ),
      },
      {
        key: "containers",
        label: "Containers",
        sortValue: (n) => n.containerCount,
        defaultDir: "desc",
        render: (n) => (n.containerCount ? <Badge tone="green">{n.containerCount}</Badge> : <span className="text-faint">0</span>),
      },
    ],
    [],
  );

  const searched = useMemo(() => {
    const terms = search.toLowerCase().split(/\s+/).filter(Boolean);
    return (query.data ?? []).filter((n) =>
      terms.every((t) =>
        [n.name, n.driver, n.id, ...n.subnets.map((s) => s.subnet), ...Object.entries(n.labels).flat()].some((h) => h.toLowerCase().includes(t)),
      ),
    );
  }, [query.data, search]);
  const counts = useMemo(() => Object.fromEntries(FILTERS.map((f) => [f, searched.filter((n) => matches(n, f)).length])) as Record<Filter, number>, [searched]);
  const visible = useMemo(
    () =>
      sortRows(
        searched.filter((n) => matches(n, filter)),
        columns,
        state.sort,
        state.dir,
      ),
    [searched, filter, columns, state.sort, state.dir],
  );

  const [selectedIds, setSelected] = useState<ReadonlySet<string>>(new Set());
  const selectedRows = visible.filter((n) => selectedIds.has(n.id) && !n.predefined);
  const [createOpen, setCreateOpen] = useState(false);
  const [pruneOpen, setPruneOpen] = useState(false);
  const [removeFor, setRemoveFor] = useState<readonly NetworkSummary[] | null>(null);

  const doRemove = async (targets: readonly NetworkSummary[]) => {
    await Promise.all(
      targets.map((n) =>
        runWithToast(`net-rm-${n.id}`, () => removeNetwork(engine, n.id), {
          success: () => `Removed network ${n.name}`,
          failure: `Could not remove ${n.name}`,
        }),
      ),
    );
    setSelected(new Set());
    refresh();
  };

  return (
    <>
      <PageHeader
        title="Networks"
        description={
          query.data ? (
            <>
              {plural(query.data.length, "network")} on <span className="font-medium text-fg">{engine}</span> · {counts.unused} without containers
            </>
          ) : (
            <>Networks on engine {engine}</>
          )
        }
        actions={
          <>
            {perm.prune && (
              <Button variant="secondary" onClick={() => setPruneOpen(true)} data-testid="networks-prune">
                <Scissors /> Prune
              </Button>
            )}
            {perm.create && (
              <Button onClick={() => setCreateOpen(true)} data-testid="networks-create">
                <Plus /> Create
              </Button>
            )}
            <Tooltip content="Refresh now (the list also updates live)">
              <Button variant="secondary" size="icon" aria-label="Refresh" onClick={refresh}>
                <RefreshCw className={cn(query.isFetching && "animate-spin")} />
              </Button>
            </Tooltip>
          </>
        }
      />
      <div className="px-4 py-4 sm:px-6">
        <div className="mb-3 flex flex-wrap items-center gap-2">
          <FilterTabs
            label="Filter networks"
            value={filter}
            onChange={(f) => update({ filter: f })}
            options={[
              { key: "all", label: "All", count: counts.all, hint: "Every network" },
              { key: "used", label: "In use", count: counts.used, hint: "At least one container attached" },
              { key: "unused", label: "Unused", count: counts.unused, hint: "No container attached: prune would remove the non-predefined ones" },
              { key: "custom", label: "User-defined", count: counts.custom, hint: "Everything except bridge, host and none" },
            ]}
          />
          <SearchInput value={search} onChange={setSearch} placeholder="Search networks…" testId="network-search" />
        </div>
        <ListBody
          query={query}
          engine={engine}
          noun="network"
          icon={Network}
          emptyText="Docker always has bridge, host and none; this engine reports none."
          shown={visible.length}
          onClear={() => {
            setSearch("");
            update({ filter: "all", q: "" });
          }}
          skeleton={<TableSkeleton columns={7} />}
        >
          <ResourceTable
            label="Networks"
            rows={visible}
            columns={columns}
            rowKey={(n) => n.id}
            rowTestId="network-row"
            rowAttrs={(n) => ({ "data-name": n.name })}
            sort={state.sort}
            dir={state.dir}
            onSort={onSort}
            selectable={(n) => !n.predefined}
            selected={perm.remove ? new Set(selectedRows.map((n) => n.id)) : undefined}
            onSelect={
              perm.remove
                ? (ids, on) => {
                    const next = new Set(selectedIds);
                    for (const id of ids) {
                      if (on) next.add(id);
                      else next.delete(id);
                    }
                    setSelected(next);
                  }
                : undefined
            }
            actions={
              perm.remove
                ? (n) =>
                    n.predefined ? null : (
                      <Tooltip content="Remove">
                        <Button
                          variant="ghost-danger"
                          size="icon-sm"
                          aria-label={`Remove ${n.name}`}
                          data-testid="row-remove"
                          onClick={() => setRemoveFor([n])}
                        >
                          <Trash2 />
                        </Button>
                      </Tooltip>
                    )
                : undefined
            }
          />
        </ListBody>
        <SelectionBar count={selectedRows.length} onClear={() => setSelected(new Set())}>
          <Button variant="ghost-danger" size="sm" data-testid="bulk-remove" onClick={() => setRemoveFor(selectedRows)}>
            <Trash2 /> Remove
          </Button>
        </SelectionBar>
      </div>
      {createOpen && <CreateNetworkDialog engine={engine} onClose={() => setCreateOpen(false)} onCreated={refresh} />}
      {removeFor && (
        <ConfirmDialog
          open
          onOpenChange={(o) => !o && setRemoveFor(null)}
          title={removeFor.length === 1 ? `Remove network ${removeFor[0]!.name}?` : `Remove ${plural(removeFor.length, "network")}?`}
          description="Docker refuses while containers are attached and names them."
          confirmLabel="Remove"
          onConfirm={() => void doRemove(removeFor)}
        />
      )}
      {pruneOpen && (
        <PruneDialog
          open
          onOpenChange={setPruneOpen}
          title="Prune networks"
          what="network"
          showBytes={false}
          query={networkPrunePreviewQuery(engine)}
          onConfirm={() =>
            void runWithToast("net-prune", () => pruneNetworks(engine), {
              success: (r) => `Removed ${plural(r.removed.length, "network")}`,
              failure: "Prune failed",
            }).then(refresh)
          }
        />
      )}
    </>
  );
}
