"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { HardDrive, Plus, RefreshCw, RotateCcw, Scissors, Trash2 } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { PageHeader } from "@/components/page-header";
import { formatFullDate, RelativeTime } from "@/components/containers/relative-time";
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
import { formatBytes } from "@/lib/format";
import { can } from "@/lib/policy";
import { pruneVolumes, removeVolume, volumeKeys, volumePrunePreviewQuery, volumesQuery } from "@/lib/queries/volumes";
import type { VolumeSummary } from "@/lib/wire";
import { CreateVolumeDialog } from "./create-volume-dialog";
import { MeasuredAgo } from "./measured-ago";
import { RestoreDialog } from "./restore-dialog";
import { plural } from "@/lib/plural";

const FILTERS = ["all", "used", "dangling"] as const;
type Filter = (typeof FILTERS)[number];
const DEFAULTS = { q: "", sort: "name", dir: "asc" as const, filter: "all" };

const matches = (v: VolumeSummary, f: Filter) => (f === "used" ? !v.dangling : f === "dangling" ? v.dangling : true);

export function VolumesView({ engine }: { engine: string }) {
  useResourcesSync(engine);
  const user = useCurrentUser();
  const perm = {
    create: can(user.role, "volumes:create"),
    remove: can(user.role, "volumes:remove"),
    prune: can(user.role, "volumes:prune"),
    restore: can(user.role, "volumes:restore"),
  };
  const qc = useQueryClient();
  const query = useQuery(volumesQuery(engine));
  const { state, update, search, setSearch, onSort } = useListState(DEFAULTS);
  const filter = (FILTERS as readonly string[]).includes(state.filter) ? (state.filter as Filter) : "all";
  const refresh = () => void qc.invalidateQueries({ queryKey: volumeKeys.list(engine) });

  const columns: Column<VolumeSummary>[] = useMemo(
    () => [
      {
        key: "name",
        label: "Name",
        sortValue: (v) => v.name,
        render: (v) => (
          <span className="flex min-w-0 flex-wrap items-center gap-x-1.5 gap-y-0.5">
            <Link
              href={`/volumes/${encodeURIComponent(v.name)}`}
              className="max-w-[45vw] truncate font-medium text-fg hover:text-accent hover:underline sm:max-w-[22rem]"
              title={v.name}
              data-testid="volume-link"
            >
              {v.name}
            </Link>
            {v.dangling && <Badge tone="amber">unused</Badge>}
          </span>
        ),
      },
      { key: "driver", label: "Driver", className: "hidden sm:table-cell", sortValue: (v) => v.driver, render: (v) => v.driver },
      {
        key: "size",
        label: "Size",
        className: "text-right whitespace-nowrap",
        sortValue: (v) => v.size ?? -1,
        defaultDir: "desc",
        render: (v) => (
          <span
            className="tabular"
            title={
              v.sizeMeasuredAt
                ? `From docker system df, measured ${formatFullDate(v.sizeMeasuredAt)} (re-measured after 30 s, and after writes through Berth)`
                : "From docker system df"
            }
          >
            {v.size === null ? "—" : formatBytes(v.size)}
          </span>
        ),
      },
      {
        key: "usedBy",
        label: "Used by",
        className: "hidden md:table-cell",
        sortValue: (v) => v.usedBy.length,
        defaultDir: "desc",
        render: (v) =>
          v.usedBy.length ? (
            <span className="flex flex-wrap gap-1">
              {v.usedBy.slice(0, 3).map((c) => (
                <Link key={c.id} href={`/containers/${encodeURIComponent(c.name)}`} className="text-accent hover:underline">
                  {c.name}
                </Link>
              ))}
              {v.usedBy.length > 3 && <span className="text-muted">+{v.usedBy.length - 3}</span>}
            </span>
          ) : (
            <span className="text-faint">—</span>
          ),
      },
      {
        key: "mountpoint",
        label: "Mountpoint",
        className: "hidden xl:table-cell",
        render: (v) => (
          <span className="block max-w-[14rem] truncate font-mono text-xs text-muted" title={v.mountpoint}>
            {v.mountpoint}
          </span>
        ),
      },
      {
        key: "created",
        label: "Created",
        className: "hidden md:table-cell",
        sortValue: (v) => (v.createdAt ? Date.parse(v.createdAt) : 0),
        defaultDir: "desc",
        render: (v) => (v.createdAt ? <RelativeTime iso={v.createdAt} compact className="text-muted" /> : "—"),
      },
    ],
    [],
  );

  const searched = useMemo(() => {
    const terms = search.toLowerCase().split(/\s+/).filter(Boolean);
    return (query.data ?? []).filter((v) =>
      terms.every((t) => [v.name, v.driver, ...v.usedBy.map((c) => c.name), ...Object.entries(v.labels).flat()].some((h) => h.toLowerCase().includes(t))),
    );
  }, [query.data, search]);
  const counts = useMemo(() => Object.fromEntries(FILTERS.map((f) => [f, searched.filter((v) => matches(v, f)).length])) as Record<Filter, number>, [searched]);
  const visible = useMemo(
    () =>
      sortRows(
        searched.filter((v) => matches(v, filter)),
        columns,
        state.sort,
        state.dir,
      ),
    [searched, filter, columns, state.sort, state.dir],
  );

  const [selectedIds, setSelected] = useState<ReadonlySet<string>>(new Set());
  const selectedRows = visible.filter((v) => selectedIds.has(v.name));
  const [createOpen, setCreateOpen] = useState(false);
  const [restoreOpen, setRestoreOpen] = useState(false);
  const [pruneOpen, setPruneOpen] = useState(false);
  const [removeFor, setRemoveFor] = useState<readonly VolumeSummary[] | null>(null);
  const totalSize = (query.data ?? []).reduce((s, v) => s + (v.size ?? 0), 0);
  // One `system df` measures every size; say when, since writes inside containers do not refresh it.
  const measuredAt = query.data?.find((v) => v.sizeMeasuredAt)?.sizeMeasuredAt;

  const doRemove = async (targets: readonly VolumeSummary[]) => {
    await Promise.all(
      targets.map((v) =>
        runWithToast(`vol-rm-${v.name}`, () => removeVolume(engine, v.name), {
          success: () => `Removed volume ${v.name}`,
          failure: `Could not remove ${v.name}`,
        }),
      ),
    );
    setSelected(new Set());
    refresh();
  };

  return (
    <>
      <PageHeader
        title="Volumes"
        description={
          query.data ? (
            <>
              {plural(query.data.length, "volume")} on <span className="font-medium text-fg">{engine}</span> · {formatBytes(totalSize)} · {counts.dangling}{" "}
              unused
              {measuredAt && (
                <span data-testid="sizes-measured">
                  {" "}
                  · sizes <MeasuredAgo iso={measuredAt} />
                </span>
              )}
            </>
          ) : (
            <>Volumes on engine {engine}</>
          )
        }
        actions={
          <>
            {perm.prune && (
              <Button variant="secondary" onClick={() => setPruneOpen(true)} data-testid="volumes-prune">
                <Scissors /> Prune
              </Button>
            )}
            {perm.restore && (
              <Button variant="secondary" onClick={() => setRestoreOpen(true)} data-testid="volumes-restore">
                <RotateCcw /> Restore backup
              </Button>
            )}
            {perm.create && (
              <Button onClick={() => setCreateOpen(true)} data-testid="volumes-create">
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
            label="Filter volumes"
            value={filter}
            onChange={(f) => update({ filter: f })}
            options={[
              { key: "all", label: "All", count: counts.all, hint: "Every volume" },
              { key: "used", label: "In use", count: counts.used, hint: "Mounted by at least one container (any state)" },
              { key: "dangling", label: "Unused", count: counts.dangling, hint: "No container mounts it: prune would remove it" },
            ]}
          />
          <SearchInput value={search} onChange={setSearch} placeholder="Search volumes…" testId="volume-search" />
        </div>
        <ListBody
          query={query}
          engine={engine}
          noun="volume"
          icon={HardDrive}
          emptyText="Create one, or restore a backup."
          shown={visible.length}
          onClear={() => {
            setSearch("");
            update({ filter: "all", q: "" });
          }}
          skeleton={<TableSkeleton columns={6} />}
        >
          <ResourceTable
            label="Volumes"
            rows={visible}
            columns={columns}
            rowKey={(v) => v.name}
            rowTestId="volume-row"
            rowAttrs={(v) => ({ "data-name": v.name })}
            sort={state.sort}
            dir={state.dir}
            onSort={onSort}
            selected={perm.remove ? new Set(selectedRows.map((v) => v.name)) : undefined}
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
                ? (v) => (
                    <Tooltip content="Remove">
                      <Button variant="ghost-danger" size="icon-sm" aria-label={`Remove ${v.name}`} data-testid="row-remove" onClick={() => setRemoveFor([v])}>
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
      {createOpen && <CreateVolumeDialog engine={engine} onClose={() => setCreateOpen(false)} onCreated={refresh} />}
      {restoreOpen && <RestoreDialog engine={engine} onClose={() => setRestoreOpen(false)} onDone={refresh} />}
      {removeFor && (
        <ConfirmDialog
          open
          onOpenChange={(o) => !o && setRemoveFor(null)}
          title={removeFor.length === 1 ? `Remove volume ${removeFor[0]!.name}?` : `Remove ${plural(removeFor.length, "volume")}?`}
          description="The data in it is deleted. Docker refuses while a container uses the volume and names it."
          confirmLabel="Remove"
          onConfirm={() => void doRemove(removeFor)}
        />
      )}
      {pruneOpen && (
        <PruneDialog
          open
          onOpenChange={setPruneOpen}
          title="Prune volumes"
          what="volume"
          query={volumePrunePreviewQuery(engine)}
          onConfirm={() =>
            void runWithToast("vol-prune", () => pruneVolumes(engine), {
              success: (r) => `Removed ${plural(r.removed.length, "volume")} · ${formatBytes(r.spaceReclaimed)} freed`,
              failure: "Prune failed",
            }).then(refresh)
          }
        />
      )}
    </>
  );
}
