"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowDown, ArrowUp, Boxes, Cpu, HardDrive, MemoryStick } from "lucide-react";
import Link from "next/link";
import { useMemo, useState, type ReactNode } from "react";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableFrame, Td, Th } from "@/components/ui/table";
import { containersQuery } from "@/lib/queries/containers";
import { systemDfQuery, systemInfoQuery } from "@/lib/queries/stats";
import { formatBytes } from "@/lib/format";
import { formatMem, formatPercent, formatRate } from "@/lib/stats/format";
import { sharedTop } from "@/lib/stats/scale";
import { latestRates } from "@/lib/stats/rates";
import { nextSort, sortRows, type SortDir } from "@/lib/stats/sort";
import type { ContainerState, ContainerSummary } from "@/lib/wire";
import { C, CHART_COLOR_VARS } from "./chart-colors";
import { RemovedContainersCard } from "./removed-containers-card";
import { useOverviewStatsStore, useStoreVersion, type OverviewStatsStore } from "./overview-store";
import { Sparkline } from "./stats-chart";
import { plural } from "@/lib/plural";

function Meter({ value, tone = "accent" }: { value: number; tone?: "accent" | "danger" }) {
  const pct = Math.max(0, Math.min(100, value));
  return (
    <div className="mt-2 h-1.5 overflow-hidden rounded-full bg-surface-2" aria-hidden>
      <div className={cn("h-full rounded-full", tone === "danger" ? "bg-danger" : "bg-accent-solid")} style={{ width: `${pct}%` }} />
    </div>
  );
}

function Tile({
  icon: Icon,
  title,
  value,
  sub,
  children,
  testId,
}: {
  icon: typeof Cpu;
  title: string;
  value: ReactNode;
  sub?: ReactNode;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <section className="min-w-0 rounded-lg border border-line bg-surface px-4 py-3" data-testid={testId}>
      <h2 className="flex items-center gap-1.5 text-xs font-medium text-muted">
        <Icon className="size-3.5" aria-hidden />
        {title}
      </h2>
      <div className="mt-1 text-xl font-semibold tracking-tight text-fg tabular">{value}</div>
      {sub && <div className="mt-0.5 text-xs text-muted tabular">{sub}</div>}
      {children}
    </section>
  );
}

/** CPU and memory summed over the containers that report, against the host's CPUs and memory. */
function HostTotals({ store, engine }: { store: OverviewStatsStore; engine: string }) {
  useStoreVersion(store);
  const info = useQuery(systemInfoQuery(engine));
  let cpu = 0;
  let mem = 0;
  let reporting = 0;
  for (const id of store.rings.containers()) {
    const s = store.rings.latest(id);
    if (!s) continue;
    cpu += s.cpuPercent;
    mem += s.memUsage;
    reporting++;
  }
  const ncpu = info.data?.cpus;
  const hostMem = info.data?.memoryBytes;
  const cpuOfHost = ncpu ? cpu / ncpu : null;
  const memOfHost = hostMem ? (mem / hostMem) * 100 : null;
  return (
    <>
      <Tile
        icon={Cpu}
        title="CPU used by containers"
        testId="overview-cpu"
        value={cpuOfHost !== null ? formatPercent(cpuOfHost) : formatPercent(cpu)}
        sub={ncpu ? `of ${plural(ncpu, "CPU")} · ${formatPercent(cpu)} of one core, summed` : "summed, 100 % = one core"}
      >
        {cpuOfHost !== null && <Meter value={cpuOfHost} tone={cpuOfHost > 90 ? "danger" : "accent"} />}
      </Tile>
      <Tile
        icon={MemoryStick}
        title="Memory used by containers"
        testId="overview-mem"
        value={formatMem(mem)}
        sub={hostMem ? `of ${formatMem(hostMem)} host memory (${formatPercent(memOfHost)})` : `${plural(reporting, "container")} reporting`}
      >
        {memOfHost !== null && <Meter value={memOfHost} tone={memOfHost > 90 ? "danger" : "accent"} />}
      </Tile>
    </>
  );
}

const STATE_ORDER: readonly { state: ContainerState; label: string; tone: "green" | "amber" | "grey" | "red" | "blue" }[] = [
  { state: "running", label: "running", tone: "green" },
  { state: "paused", label: "paused", tone: "amber" },
  { state: "restarting", label: "restarting", tone: "amber" },
  { state: "exited", label: "exited", tone: "grey" },
  { state: "created", label: "created", tone: "blue" },
  { state: "dead", label: "dead", tone: "red" },
];

function ContainerCounts({ containers }: { containers: readonly ContainerSummary[] | undefined }) {
  const counts = new Map<string, number>();
  for (const c of containers ?? []) counts.set(c.state, (counts.get(c.state) ?? 0) + 1);
  return (
    <Tile icon={Boxes} title="Containers" testId="overview-containers" value={containers ? containers.length : "—"}>
      <div className="mt-2 flex flex-wrap gap-1.5">
        {STATE_ORDER.filter((s) => counts.get(s.state)).map((s) => (
          <Link key={s.state} href={`/containers?state=${s.state}`} className="rounded-full focus-visible:outline-2">
            <Badge tone={s.tone} dot>
              {counts.get(s.state)} {s.label}
            </Badge>
          </Link>
        ))}
      </div>
    </Tile>
  );
}

function DiskTile({ engine }: { engine: string }) {
  const df = useQuery(systemDfQuery(engine));
  const row = (k: "images" | "volumes" | "containers" | "buildCache") => df.data?.rows.find((r) => r.kind === k);
  const images = row("images");
  const volumes = row("volumes");
  return (
    <Tile
      icon={HardDrive}
      title="Disk used by Docker"
      testId="overview-disk"
      value={df.data ? formatMem(df.data.totalSize) : df.isError ? "—" : "…"}
      sub={df.data ? `${formatMem(df.data.totalReclaimable)} reclaimable` : df.isError ? "Disk usage unavailable" : "Asking Docker…"}
    >
      {df.data && (
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-xs tabular">
          <dt className="text-muted">Images</dt>
          <dd className="text-fg">
            {formatMem(images?.size ?? 0)} <span className="text-faint">({images?.count ?? 0})</span>
          </dd>
          <dt className="text-muted">Volumes</dt>
          <dd className="text-fg">
            {formatMem(volumes?.size ?? 0)} <span className="text-faint">({volumes?.count ?? 0})</span>
          </dd>
        </dl>
      )}
    </Tile>
  );
}

type SortKey = "name" | "cpu" | "mem" | "memPct" | "rx" | "tx" | "pids";
const NUMERIC: Record<SortKey, boolean> = { name: false, cpu: true, mem: true, memPct: true, rx: true, tx: true, pids: true };

interface Row {
  id: string;
  name: string;
  image: string;
  state: ContainerState;
  cpu: number | null;
  mem: number | null;
  memLimit: number | null;
  memPct: number | null;
  rx: number | null;
  tx: number | null;
  pids: number | null;
  cpuSpark: number[];
  memSpark: number[];
}

function SortHeader({
  k,
  label,
  sort,
  onSort,
  className,
}: {
  k: SortKey;
  label: string;
  sort: { key: SortKey; dir: SortDir };
  onSort: (k: SortKey) => void;
  className?: string;
}) {
  const active = sort.key === k;
  return (
    // The whole cell is the button (p-0! beats the primitive's padding; the button brings it).
    <Th className={cn("p-0!", className)} aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}>
      <button
        type="button"
        onClick={() => onSort(k)}
        className={cn(
          "flex h-9 w-full items-center gap-1 px-2.5 hover:bg-hover hover:text-fg focus-visible:outline-2 focus-visible:-outline-offset-2",
          active && "text-fg",
        )}
      >
        {label}
        {active && (sort.dir === "asc" ? <ArrowUp className="size-3" aria-hidden /> : <ArrowDown className="size-3" aria-hidden />)}
      </button>
    </Th>
  );
}

/** The shared range of a sparkline column, so a reader knows what the height of a line means. */
function SparkScale({ label, range, testId }: { label: string; range: string; testId: string }) {
  return (
    <span className="text-[11px] font-normal text-faint tabular" title={`${label}: every row drawn on the same scale, ${range}`} data-testid={testId}>
      <span className="sr-only">{label}, scale </span>
      {range}
    </span>
  );
}

function ConsumersTable({
  store,
  containers,
  hostMem,
}: {
  store: OverviewStatsStore;
  containers: readonly ContainerSummary[] | undefined;
  hostMem: number | undefined;
}) {
  const version = useStoreVersion(store);
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({ key: "cpu", dir: "desc" });

  const rows = useMemo(() => {
    void version;
    const live = (containers ?? []).filter((c) => c.state === "running" || c.state === "paused" || c.state === "restarting");
    const out: Row[] = live.map((c) => {
      const ring = store.rings.get(c.id);
      const last = ring[ring.length - 1];
      const { rx, tx } = latestRates(ring);
      // Without a limit Docker reports the host's memory as the limit: that is not a limit.
      const limited = last && last.memLimit > 0 && (!hostMem || last.memLimit < hostMem * 0.98);
      return {
        id: c.id,
        name: c.name,
        image: c.image,
        state: c.state,
        cpu: last ? last.cpuPercent : null,
        mem: last ? last.memUsage : null,
        memLimit: limited ? last.memLimit : null,
        memPct: limited ? (last.memUsage / last.memLimit) * 100 : null,
        rx,
        tx,
        pids: last ? last.pids : null,
        cpuSpark: ring.map((s) => s.cpuPercent),
        memSpark: ring.map((s) => s.memUsage),
      };
    });
    return sortRows(out, sort.key, sort.dir);
  }, [version, containers, store, sort, hostMem]);

  const onSort = (k: SortKey) => setSort((s) => nextSort(s, k, NUMERIC[k]));
  // One scale per sparkline column (10 % at least), shown in the header: a per-row scale made an
  // idle container's 0.1 % wobble look like the spike of a busy one.
  const cpuTop = sharedTop(
    rows.map((r) => r.cpuSpark),
    { floor: 10 },
  );
  const memTop = sharedTop(
    rows.map((r) => r.memSpark),
    { floor: 1024 * 1024, binary: true },
  );

  if (containers && rows.length === 0) {
    return (
      <div className="rounded-lg border border-line bg-surface">
        <EmptyState icon={Boxes} title="No running containers">
          Start a container and its CPU, memory and network use show up here within a second.
        </EmptyState>
      </div>
    );
  }

  return (
    <TableFrame>
      <Table data-testid="overview-table">
        <thead>
          <tr>
            <SortHeader k="name" label="Container" sort={sort} onSort={onSort} className="sticky left-0 z-10" />
            <SortHeader k="cpu" label="CPU" sort={sort} onSort={onSort} />
            <Th className="max-md:hidden">
              <SparkScale label="CPU, last minute" range={`0–${cpuTop} %`} testId="overview-cpu-scale" />
            </Th>
            <SortHeader k="mem" label="Memory" sort={sort} onSort={onSort} />
            <Th className="max-md:hidden">
              <SparkScale label="Memory, last minute" range={`0–${formatBytes(memTop, 1).replace(".0 ", " ")}`} testId="overview-mem-scale" />
            </Th>
            <SortHeader k="memPct" label="% of limit" sort={sort} onSort={onSort} className="max-lg:hidden" />
            <SortHeader k="rx" label="Net ↓" sort={sort} onSort={onSort} className="max-sm:hidden" />
            <SortHeader k="tx" label="Net ↑" sort={sort} onSort={onSort} className="max-sm:hidden" />
            <SortHeader k="pids" label="PIDs" sort={sort} onSort={onSort} className="max-lg:hidden" />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="group hover:bg-hover" data-testid="overview-row" data-name={r.name}>
              <Td className="sticky left-0 z-10 max-w-[14rem] bg-surface group-hover:bg-hover">
                <Link
                  href={`/containers/${encodeURIComponent(r.name)}?tab=stats`}
                  className="block truncate font-medium text-accent hover:underline"
                  title={`${r.name} (${r.image})`}
                >
                  {r.name}
                </Link>
                {r.state !== "running" && <span className="text-xs text-muted">{r.state}</span>}
              </Td>
              <Td className="text-right whitespace-nowrap tabular" data-testid="overview-cpu-value" data-value={r.cpu ?? ""}>
                {formatPercent(r.cpu)}
              </Td>
              <Td className="max-md:hidden">
                <Sparkline values={r.cpuSpark} color={C.cpu} top={cpuTop} label={`${r.name} CPU over the last minute`} />
              </Td>
              <Td className="whitespace-nowrap tabular" data-testid="overview-mem-value" data-value={r.mem ?? ""}>
                {formatMem(r.mem)}
                <span className="text-xs text-faint"> / {r.memLimit ? formatMem(r.memLimit) : "no limit"}</span>
              </Td>
              <Td className="max-md:hidden">
                <Sparkline values={r.memSpark} color={C.mem} top={memTop} label={`${r.name} memory over the last minute`} />
              </Td>
              <Td className={cn("text-right whitespace-nowrap tabular max-lg:hidden", r.memPct !== null && r.memPct > 90 && "font-medium text-danger")}>
                {r.memPct === null ? <span className="text-faint">—</span> : formatPercent(r.memPct)}
              </Td>
              <Td className="text-right whitespace-nowrap tabular max-sm:hidden">{formatRate(r.rx)}</Td>
              <Td className="text-right whitespace-nowrap tabular max-sm:hidden">{formatRate(r.tx)}</Td>
              <Td className="text-right tabular max-lg:hidden">{r.pids ?? "—"}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </TableFrame>
  );
}

function LiveBadge({ store }: { store: OverviewStatsStore }) {
  useStoreVersion(store);
  const { status, error } = store.getStatus();
  if (status === "error") return <Badge tone="red">Stats unavailable: {error}</Badge>;
  return (
    <Badge tone={status === "live" ? "green" : "grey"} dot>
      {status === "live" ? "Live · every second" : "Connecting…"}
    </Badge>
  );
}

/** What is eating the host: totals, then every running container, top consumers first. */
export function OverviewView({ engine }: { engine: string }) {
  const store = useOverviewStatsStore(engine);
  const containers = useQuery(containersQuery(engine));
  const info = useQuery(systemInfoQuery(engine));
  return (
    <div className={CHART_COLOR_VARS}>
      <PageHeader
        title="Overview"
        description="What is using this host right now. Click a container for its charts and history."
        actions={<LiveBadge store={store} />}
      />
      <div className="flex flex-col gap-4 p-4 sm:p-6">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
          <HostTotals store={store} engine={engine} />
          <ContainerCounts containers={containers.data} />
          <DiskTile engine={engine} />
        </div>
        <div>
          <h2 className="mb-2 text-[13px] font-semibold text-fg">Running containers</h2>
          <ConsumersTable store={store} containers={containers.data} hostMem={info.data?.memoryBytes} />
        </div>
        <RemovedContainersCard engine={engine} />
      </div>
    </div>
  );
}
