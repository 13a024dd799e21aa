"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, KeyRound, Layers, MoreHorizontal, RefreshCw, Scissors, Tag, Trash2, Upload } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { PageHeader } from "@/components/page-header";
import { RelativeTime } from "@/components/containers/relative-time";
import { FilterTabs, ResourceTable, SearchInput, sortRows, TableSkeleton, type Column } from "@/components/resources/resource-table";
import { ListBody, SelectionBar } from "@/components/resources/list-frame";
import { PruneDialog } from "@/components/resources/prune-dialog";
import { useListState } from "@/components/resources/use-list-state";
import { useResourcesSync } from "@/components/resources/use-resources-sync";
import { runWithToast } from "@/components/resources/use-run";
import { useCurrentUser } from "@/components/shell/current-user";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Select } from "@/components/ui/input";
import { Tooltip } from "@/components/ui/tooltip";
import { formatBytes, shortId } from "@/lib/format";
import { can } from "@/lib/policy";
import { imageKeys, imagePrunePreviewQuery, imagesQuery, pruneImages } from "@/lib/queries/images";
import type { ImageSummary } from "@/lib/wire";
import { PullDialog } from "./image-dialogs";
import { imageLabel as label, useImageActions } from "./use-image-actions";
import { plural } from "@/lib/plural";

const FILTERS = ["all", "used", "unused", "dangling"] as const;
type Filter = (typeof FILTERS)[number];
const DEFAULTS = { q: "", sort: "name", dir: "asc" as const, filter: "all" };

function matches(i: ImageSummary, f: Filter): boolean {
  if (f === "used") return i.containers > 0;
  if (f === "unused") return i.containers === 0;
  if (f === "dangling") return i.dangling;
  return true;
}

function matchesSearch(i: ImageSummary, q: string): boolean {
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = [...i.repoTags, ...Object.entries(i.labels).flat()].map((s) => s.toLowerCase());
  const id = i.id.replace(/^sha256:/, "");
  return terms.every((t) => id.startsWith(t.replace(/^sha256:/, "")) || hay.some((h) => h.includes(t)));
}

export function ImagesView({ engine }: { engine: string }) {
  useResourcesSync(engine);
  const user = useCurrentUser();
  const perm = {
    pull: can(user.role, "images:pull"),
    tag: can(user.role, "images:tag"),
    push: can(user.role, "images:push"),
    remove: can(user.role, "images:remove"),
    prune: can(user.role, "images:prune"),
    registries: can(user.role, "registries:manage"),
  };
  const qc = useQueryClient();
  const query = useQuery(imagesQuery(engine));
  const { state, update, search, setSearch, onSort } = useListState(DEFAULTS);
  const filter = (FILTERS as readonly string[]).includes(state.filter) ? (state.filter as Filter) : "all";

  const columns: Column<ImageSummary>[] = useMemo(
    () => [
      {
        key: "name",
        label: "Repository:tag",
        // Untagged images sort after every tagged one.
        sortValue: (i) => i.repoTags[0] ?? `\uffff${i.id}`,
        render: (i) => (
          <div className="flex min-w-0 flex-wrap items-center gap-1">
            <Link
              href={`/images/${encodeURIComponent(i.id)}`}
              className="max-w-[45vw] truncate font-medium text-fg hover:text-accent hover:underline sm:max-w-none"
              data-testid="image-link"
            >
              {i.repoTags[0] ?? <span className="text-muted">&lt;none&gt;</span>}
            </Link>
            {i.repoTags.slice(1).map((t) => (
              <span key={t} className="truncate rounded bg-surface-2 px-1.5 font-mono text-[11px] text-muted" title={t}>
                {t}
              </span>
            ))}
            {i.dangling && <Badge tone="amber">dangling</Badge>}
          </div>
        ),
      },
      {
        key: "id",
        label: "ID",
        className: "hidden sm:table-cell",
        sortValue: (i) => i.id,
        render: (i) => <span className="font-mono text-xs text-muted">{shortId(i.id)}</span>,
      },
      {
        key: "size",
        label: "Size",
        sortValue: (i) => i.size,
        defaultDir: "desc",
        className: "text-right whitespace-nowrap",
        render: (i) => <span className="tabular">{formatBytes(i.size)}</span>,
      },
      {
        key: "created",
        label: "Created",
        className: "hidden md:table-cell",
        sortValue: (i) => Date.parse(i.createdAt),
        defaultDir: "desc",
        render: (i) => <RelativeTime iso={i.createdAt} compact className="text-muted" />,
      },
      {
        key: "containers",
        label: "Containers",
        className: "hidden sm:table-cell",
        sortValue: (i) => i.containers,
        defaultDir: "desc",
        render: (i) => (i.containers > 0 ? <Badge tone="green">{i.containers} using</Badge> : <span className="text-faint">unused</span>),
      },
    ],
    [],
  );

  const all = query.data;
  const searched = useMemo(() => (all ?? []).filter((i) => matchesSearch(i, search)), [all, search]);
  const counts = useMemo(() => Object.fromEntries(FILTERS.map((f) => [f, searched.filter((i) => matches(i, f)).length])) as Record<Filter, number>, [searched]);
  const visible = useMemo(
    () =>
      sortRows(
        searched.filter((i) => matches(i, filter)),
        columns,
        state.sort,
        state.dir,
      ),
    [searched, filter, columns, state.sort, state.dir],
  );

  const [selectedIds, setSelected] = useState<ReadonlySet<string>>(new Set());
  const selectedRows = visible.filter((i) => selectedIds.has(i.id));
  const selected = new Set(selectedRows.map((i) => i.id));

  const [pullOpen, setPullOpen] = useState(false);
  const [pruneOpen, setPruneOpen] = useState(false);
  const [pruneMode, setPruneMode] = useState<"dangling" | "all">("dangling");
  const actions = useImageActions(engine, { onRemoved: () => setSelected(new Set()) });

  const refresh = () => void qc.invalidateQueries({ queryKey: imageKeys.list(engine) });

  const total = all?.length ?? 0;
  const totalSize = all?.reduce((s, i) => s + i.size, 0) ?? 0;

  return (
    <>
      <PageHeader
        title="Images"
        description={
          all ? (
            <span data-testid="images-summary">
              {plural(total, "image")} on <span className="font-medium text-fg">{engine}</span> · {formatBytes(totalSize)} · {counts.dangling} dangling
            </span>
          ) : (
            <>Images stored on engine {engine}</>
          )
        }
        actions={
          <>
            {perm.registries && (
              <Link href="/images/registries" className={buttonClasses("secondary")} data-testid="registries-link">
                <KeyRound /> Registries
              </Link>
            )}
            {perm.prune && (
              <Button variant="secondary" onClick={() => setPruneOpen(true)} data-testid="images-prune">
                <Scissors /> Prune
              </Button>
            )}
            {perm.pull && (
              <Button onClick={() => setPullOpen(true)} data-testid="images-pull">
                <Download /> Pull
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
            label="Filter images"
            value={filter}
            onChange={(f) => update({ filter: f })}
            options={[
              { key: "all", label: "All", count: counts.all, hint: "Every image" },
              { key: "used", label: "In use", count: counts.used, hint: "Used by at least one container (any state)" },
              { key: "unused", label: "Unused", count: counts.unused, hint: "No container uses it: `prune -a` would remove it" },
              { key: "dangling", label: "Dangling", count: counts.dangling, hint: "No tag: left behind by a re-tag or a build" },
            ]}
          />
          <SearchInput value={search} onChange={setSearch} placeholder="Search images…" testId="image-search" />
        </div>
        <ListBody
          query={query}
          engine={engine}
          noun="image"
          icon={Layers}
          emptyText="Pull one to get started."
          shown={visible.length}
          onClear={() => {
            setSearch("");
            update({ filter: "all", q: "" });
          }}
          skeleton={<TableSkeleton columns={5} />}
        >
          <ResourceTable
            label="Images"
            rows={visible}
            columns={columns}
            rowKey={(i) => i.id}
            rowTestId="image-row"
            rowAttrs={(i) => ({ "data-tags": i.repoTags.join(" "), "data-id": i.id })}
            sort={state.sort}
            dir={state.dir}
            onSort={onSort}
            selected={perm.remove ? selected : undefined}
            onSelect={
              perm.remove
                ? (ids, on) => {
                    const next = new Set(selected);
                    for (const id of ids) {
                      if (on) next.add(id);
                      else next.delete(id);
                    }
                    setSelected(next);
                  }
                : undefined
            }
            actions={
              perm.tag || perm.remove
                ? (i) => (
                    <>
                      {/* On a phone the three buttons become one menu, so the row fits and every action stays reachable. */}
                      <div className="sm:hidden">
                        <DropdownMenu modal={false}>
                          <DropdownMenuTrigger asChild>
                            <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${label(i)}`} data-testid="row-menu">
                              <MoreHorizontal />
                            </Button>
                          </DropdownMenuTrigger>
                          <DropdownMenuContent>
                            {perm.tag && (
                              <DropdownMenuItem onSelect={() => actions.tag(i)}>
                                <Tag /> Add a tag
                              </DropdownMenuItem>
                            )}
                            {perm.push && i.repoTags.length > 0 && (
                              <DropdownMenuItem onSelect={() => actions.push(i)}>
                                <Upload /> Push to its registry
                              </DropdownMenuItem>
                            )}
                            {perm.remove && (
                              <DropdownMenuItem danger onSelect={() => actions.remove([i])}>
                                <Trash2 /> Remove
                              </DropdownMenuItem>
                            )}
                          </DropdownMenuContent>
                        </DropdownMenu>
                      </div>
                      <div className="hidden justify-end gap-0.5 sm:flex">
                        {perm.tag && (
                          <Tooltip content="Add a tag">
                            <Button variant="ghost" size="icon-sm" aria-label={`Tag ${label(i)}`} onClick={() => actions.tag(i)}>
                              <Tag />
                            </Button>
                          </Tooltip>
                        )}
                        {perm.push && i.repoTags.length > 0 && (
                          <Tooltip content="Push to its registry">
                            <Button variant="ghost" size="icon-sm" aria-label={`Push ${label(i)}`} data-testid="row-push" onClick={() => actions.push(i)}>
                              <Upload />
                            </Button>
                          </Tooltip>
                        )}
                        {perm.remove && (
                          <Tooltip content="Remove">
                            <Button
                              variant="ghost-danger"
                              size="icon-sm"
                              aria-label={`Remove ${label(i)}`}
                              data-testid="row-remove"
                              onClick={() => actions.remove([i])}
                            >
                              <Trash2 />
                            </Button>
                          </Tooltip>
                        )}
                      </div>
                    </>
                  )
                : undefined
            }
          />
        </ListBody>
        <SelectionBar count={selectedRows.length} onClear={() => setSelected(new Set())}>
          <Button variant="ghost-danger" size="sm" data-testid="bulk-remove" onClick={() => actions.remove(selectedRows)}>
            <Trash2 /> Remove
          </Button>
        </SelectionBar>
      </div>
      {pullOpen && <PullDialog engine={engine} open onOpenChange={setPullOpen} />}
      {actions.dialogs}
      {pruneOpen && (
        <PruneDialog
          open
          onOpenChange={setPruneOpen}
          title="Prune images"
          what="image"
          query={imagePrunePreviewQuery(engine, pruneMode)}
          onConfirm={() =>
            void runWithToast(`image-prune`, () => pruneImages(engine, pruneMode), {
              success: (r) => `Pruned ${plural(r.removed.length, "image")} · ${formatBytes(r.spaceReclaimed)} freed`,
              failure: "Prune failed",
            }).then(refresh)
          }
        >
          <label className="flex items-center gap-2 text-[13px]">
            Remove
            <Select value={pruneMode} onChange={(e) => setPruneMode(e.target.value as "dangling" | "all")} className="!w-auto" data-testid="prune-mode">
              <option value="dangling">dangling images only (docker image prune)</option>
              <option value="all">every image no container uses (prune -a)</option>
            </Select>
          </label>
        </PruneDialog>
      )}
    </>
  );
}
