"use client";

import { ArrowDown, ArrowUp, ChevronsUpDown, FolderTree } from "lucide-react";
import Link from "next/link";
import { Fragment } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableFrame, Td, Th } from "@/components/ui/table";
import { Tooltip } from "@/components/ui/tooltip";
import { shortId } from "@/lib/format";
import { formatMem, formatPercent } from "@/lib/stats/format";
import type { ContainerSummary } from "@/lib/wire";
import type { LifecycleVerb } from "./container-state";
import type { ContainerGroup, LiveUsageMap, SortDir, SortKey } from "./list-params";
import { PortList } from "./port-links";
import { RelativeTime } from "./relative-time";
import { RowActions, type ActionPermissions } from "./row-actions";
import { HealthBadge, StateBadge } from "./state-badge";

interface Column {
  key: SortKey;
  label: string;
  className?: string;
  /** Numbers: right-aligned header and cells. */
  numeric?: boolean;
  title?: string;
}

/*
 * Lower-priority columns give way on narrow screens; name, state and actions always stay. The
 * breakpoints follow the room the table really has (the sidebar takes 13rem from md up), so the
 * table fits its frame at each width with the name taking what is left, and a phone never
 * scrolls sideways. One map, so header, cells and skeleton cannot disagree.
 */
const SHOW = {
  cpu: "hidden sm:table-cell",
  mem: "hidden lg:table-cell",
  image: "hidden lg:table-cell",
  status: "hidden xl:table-cell",
  ports: "hidden xl:table-cell",
  project: "hidden 2xl:table-cell",
  created: "hidden 2xl:table-cell",
} as const;

const COLUMNS: readonly Column[] = [
  { key: "name", label: "Name" },
  { key: "state", label: "State" },
  { key: "cpu", label: "CPU", className: SHOW.cpu, numeric: true, title: "Live CPU use, 100 % = one core" },
  { key: "mem", label: "Memory", className: SHOW.mem, numeric: true, title: "Live memory use" },
  { key: "image", label: "Image", className: SHOW.image },
  { key: "status", label: "Status", className: SHOW.status },
  { key: "ports", label: "Ports", className: SHOW.ports },
  { key: "project", label: "Project", className: SHOW.project },
  { key: "created", label: "Created", className: SHOW.created },
];

/** The whole header cell is the sort button (a click on its padding sorts too), reachable by Tab. */
function SortHeader({ column, sort, dir, onSort }: { column: Column; sort: SortKey; dir: SortDir; onSort: (k: SortKey) => void }) {
  const active = column.key === sort;
  const Icon = !active ? ChevronsUpDown : dir === "asc" ? ArrowUp : ArrowDown;
  return (
    // p-0! beats the primitive's px-2.5 (cn does not merge): the button brings the padding.
    <Th className={cn("p-0!", column.className)} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"} data-testid={`th-${column.key}`}>
      <button
        type="button"
        onClick={() => onSort(column.key)}
        data-testid={`sort-${column.key}`}
        title={column.title}
        className={cn(
          "group flex h-9 w-full items-center gap-1 px-2.5 hover:bg-hover hover:text-fg focus-visible:outline-2 focus-visible:-outline-offset-2",
          column.numeric && "justify-end",
          active && "text-fg",
        )}
      >
        {column.label}
        <Icon className={cn("size-3.5", active ? "text-accent" : "text-faint opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100")} aria-hidden />
      </button>
    </Th>
  );
}

export interface TableProps {
  groups: readonly ContainerGroup[] | null;
  rows: readonly ContainerSummary[];
  grouped: boolean;
  selected: ReadonlySet<string>;
  onSelect: (ids: readonly string[], on: boolean) => void;
  sort: SortKey;
  dir: SortDir;
  onSort: (k: SortKey) => void;
  permissions: ActionPermissions;
  pending: ReadonlyMap<string, LifecycleVerb>;
  onRequest: (verb: LifecycleVerb, targets: readonly ContainerSummary[]) => void;
  hideProjectColumn: boolean;
  /** Live CPU and memory by container id; absent for containers that do not report. */
  usage: LiveUsageMap;
}

/** Checkbox and actions columns exist only for roles that can act on containers. */
const colCount = (hideProject: boolean, actionable: boolean) => COLUMNS.length - (hideProject ? 1 : 0) + (actionable ? 2 : 0);

function checkState(ids: readonly string[], selected: ReadonlySet<string>): boolean | "indeterminate" {
  const n = ids.filter((id) => selected.has(id)).length;
  return n === 0 ? false : n === ids.length ? true : "indeterminate";
}

function Row({ c, props }: { c: ContainerSummary; props: TableProps }) {
  const isSelected = props.selected.has(c.id);
  const showActions = props.permissions.lifecycle || props.permissions.remove;
  const href = `/containers/${encodeURIComponent(c.name)}`;
  return (
    <tr
      data-testid="container-row"
      data-name={c.name}
      data-id={c.id}
      data-state={c.state}
      data-selected={isSelected || undefined}
      className={cn("group/row transition-colors", isSelected ? "bg-selected" : "bg-surface hover:bg-hover")}
    >
      {showActions && (
        <Td className="w-9 pr-0 pl-3">
          <Checkbox checked={isSelected} onCheckedChange={(on) => props.onSelect([c.id], on)} aria-label={`Select ${c.name}`} />
        </Td>
      )}
      {/* max-w-0 + w-full: the name takes the room left and truncates, so a long name cannot push the table wider than its frame. */}
      <Td className="w-full max-w-0 min-w-24 lg:min-w-40">
        {/* No prefetch: one RSC request per visible row would crowd out the API calls on a big engine. */}
        <Link
          href={href}
          prefetch={false}
          className="block truncate rounded font-medium text-fg hover:text-accent hover:underline"
          title={c.name}
          data-testid="container-link"
        >
          {c.name}
        </Link>
      </Td>
      <Td className="whitespace-nowrap">
        <div className="flex flex-wrap items-center gap-1.5 gap-y-1 sm:flex-nowrap">
          <StateBadge state={c.state} status={c.status} />
          <HealthBadge health={c.health} compact />
        </div>
      </Td>
      <UsageCells usage={props.usage.get(c.id)} />
      <Td className={cn("max-w-[11rem]", SHOW.image)}>
        <span className="block truncate font-mono text-xs text-muted" title={c.image}>
          {/* An image whose tag moved on is listed by id: the short id reads better. */}
          {c.image.startsWith("sha256:") ? shortId(c.image) : c.image}
        </span>
      </Td>
      <Td className={cn("max-w-[10rem]", SHOW.status)}>
        {/* Truncated to fit; the tooltip (hover or keyboard focus) has the whole text. */}
        <Tooltip content={c.status}>
          <span className="block truncate rounded text-muted focus-visible:outline-2" tabIndex={0} data-testid="status-text" aria-label={c.status}>
            {/* The health badge already says it. */}
            {c.status.replace(/\s*\((healthy|unhealthy|health: starting)\)$/, "")}
          </span>
        </Tooltip>
      </Td>
      <Td className={SHOW.ports}>
        <PortList ports={c.ports} />
      </Td>
      {!props.hideProjectColumn && (
        <Td className={cn("max-w-[10rem]", SHOW.project)}>
          {c.project ? (
            <span className="block truncate text-muted" title={c.service ? `${c.project} · service ${c.service}` : c.project}>
              {c.project}
            </span>
          ) : (
            <span className="text-faint">—</span>
          )}
        </Td>
      )}
      <Td className={cn("whitespace-nowrap text-muted", SHOW.created)}>
        <RelativeTime iso={c.createdAt} compact />
      </Td>
      {showActions && (
        // Sticky, so the actions stay reachable when a narrow screen scrolls the table sideways.
        <Td className="sticky right-0 w-10 bg-inherit py-0 pr-2 sm:w-20">
          <RowActions container={c} permissions={props.permissions} pendingVerb={props.pending.get(c.id)} onRequest={(verb) => props.onRequest(verb, [c])} />
        </Td>
      )}
    </tr>
  );
}

function UsageCells({ usage }: { usage: { cpu: number; mem: number } | undefined }) {
  return (
    <>
      <Td className={cn("text-right whitespace-nowrap tabular", SHOW.cpu)} data-testid="cpu-cell" data-value={usage?.cpu ?? ""}>
        {usage ? formatPercent(usage.cpu) : <span className="text-faint">—</span>}
      </Td>
      <Td className={cn("text-right whitespace-nowrap tabular", SHOW.mem)} data-testid="mem-cell" data-value={usage?.mem ?? ""}>
        {usage ? formatMem(usage.mem) : <span className="text-faint">—</span>}
      </Td>
    </>
  );
}

function GroupHeader({ group, props, span }: { group: ContainerGroup; props: TableProps; span: number }) {
  const ids = group.items.map((c) => c.id);
  const actionable = props.permissions.lifecycle || props.permissions.remove;
  const running = group.items.filter((c) => c.state === "running").length;
  const name = group.project ?? "Standalone";
  return (
    <tr data-testid="group-row" data-project={group.project ?? ""} className="bg-surface-2/70">
      {actionable && (
        <Td className="w-9 pr-0 pl-3">
          <Checkbox checked={checkState(ids, props.selected)} onCheckedChange={(on) => props.onSelect(ids, on)} aria-label={`Select all in ${name}`} />
        </Td>
      )}
      <Td colSpan={actionable ? span - 1 : span} className="h-8">
        <div className="flex items-center gap-2 text-[13px]">
          <FolderTree className="size-3.5 text-faint" aria-hidden />
          <span className={cn("font-semibold", group.project ? "text-fg" : "text-muted")}>{name}</span>
          <span className="text-xs text-muted tabular" data-testid="group-count">
            {group.items.length} {group.items.length === 1 ? "container" : "containers"} · {running} running
          </span>
        </div>
      </Td>
    </tr>
  );
}

export function ContainersTable(props: TableProps) {
  const showActions = props.permissions.lifecycle || props.permissions.remove;
  const span = colCount(props.hideProjectColumn, showActions);
  const allIds = props.rows.map((c) => c.id);
  return (
    <TableFrame>
      <Table data-testid="containers-table">
        <thead>
          <tr>
            {showActions && (
              <Th className="w-9 pr-0 pl-3">
                <Checkbox
                  checked={checkState(allIds, props.selected)}
                  onCheckedChange={(on) => props.onSelect(allIds, on)}
                  aria-label="Select all shown containers"
                  disabled={allIds.length === 0}
                />
              </Th>
            )}
            {COLUMNS.filter((c) => !(props.hideProjectColumn && c.key === "project")).map((col) => (
              <SortHeader key={col.key} column={col} sort={props.sort} dir={props.dir} onSort={props.onSort} />
            ))}
            {showActions && (
              <Th className="sticky right-0 w-10 pr-3 text-right sm:w-20">
                <span className="sr-only">Actions</span>
              </Th>
            )}
          </tr>
        </thead>
        <tbody>
          {props.grouped && props.groups
            ? props.groups.map((g) => (
                <Fragment key={g.project ?? "\0standalone"}>
                  <GroupHeader group={g} props={props} span={span} />
                  {g.items.map((c) => (
                    <Row key={c.id} c={c} props={props} />
                  ))}
                </Fragment>
              ))
            : props.rows.map((c) => <Row key={c.id} c={c} props={props} />)}
        </tbody>
      </Table>
    </TableFrame>
  );
}

export function ContainersTableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <TableFrame aria-busy="true" aria-label="Loading containers">
      <Table>
        <thead>
          <tr>
            <Th className="w-9 pr-0 pl-3">
              <span className="block size-4 rounded-[4px] border border-line-strong" />
            </Th>
            {COLUMNS.map((c) => (
              <Th key={c.key} className={c.className}>
                {c.label}
              </Th>
            ))}
          </tr>
        </thead>
        <tbody data-testid="containers-loading">
          {Array.from({ length: rows }, (_, i) => (
            <tr key={i}>
              <Td className="w-9 pr-0 pl-3">
                <Skeleton className="size-4" />
              </Td>
              <Td>
                <Skeleton className="h-3.5 w-32" />
              </Td>
              <Td>
                <Skeleton className="h-5 w-16 rounded-full" />
              </Td>
              <Td className={SHOW.cpu}>
                <Skeleton className="ml-auto h-3.5 w-10" />
              </Td>
              <Td className={SHOW.mem}>
                <Skeleton className="ml-auto h-3.5 w-14" />
              </Td>
              <Td className={SHOW.image}>
                <Skeleton className="h-3.5 w-40" />
              </Td>
              <Td className={SHOW.status}>
                <Skeleton className="h-3.5 w-28" />
              </Td>
              <Td className={SHOW.ports}>
                <Skeleton className="h-3.5 w-20" />
              </Td>
              <Td className={SHOW.project}>
                <Skeleton className="h-3.5 w-16" />
              </Td>
              <Td className={SHOW.created}>
                <Skeleton className="h-3.5 w-16" />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </TableFrame>
  );
}
