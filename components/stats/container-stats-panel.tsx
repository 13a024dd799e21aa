"use client";

import { useQuery } from "@tanstack/react-query";
import { Activity, Radio, TriangleAlert } from "lucide-react";
import { useMemo, useState, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiError } from "@/lib/api-client";
import { formatBinaryBytes } from "@/components/containers/format-limits";
import { statsSeriesQuery, systemInfoQuery } from "@/lib/queries/stats";
import { downsample, MAX_CHART_POINTS } from "@/lib/stats/downsample";
import { formatAxisBytes, formatMem, formatPercent, formatRate, formatTooltipTime } from "@/lib/stats/format";
import { toPoints, type StatsPoint } from "@/lib/stats/rates";
import type { StatsRange, StatsSample } from "@/lib/wire";
import { C, CHART_COLOR_VARS } from "./chart-colors";
import { StatsChart } from "./stats-chart";
import { useLiveStats } from "./use-live-stats";

export type PanelRange = "live" | StatsRange;
/** History ranges; the store keeps 7 days (5-minute points beyond a day). */
/** One empty list, so the chart's points are not recomputed on every render while history loads. */
const NO_SAMPLES: readonly StatsSample[] = [];

const RANGES: readonly { id: PanelRange; label: string }[] = [
  { id: "live", label: "Live" },
  { id: "15m", label: "15m" },
  { id: "1h", label: "1h" },
  { id: "6h", label: "6h" },
  { id: "24h", label: "24h" },
  { id: "7d", label: "7d" },
];

function RangePicker({
  value,
  onChange,
  liveDisabled,
  hideLive,
}: {
  value: PanelRange;
  onChange: (r: PanelRange) => void;
  liveDisabled: boolean;
  hideLive: boolean;
}) {
  return (
    <div role="radiogroup" aria-label="Time range" className="inline-flex rounded-md border border-line-strong bg-surface p-0.5 shadow-xs">
      {RANGES.filter((r) => !(hideLive && r.id === "live")).map((r) => {
        const disabled = r.id === "live" && liveDisabled;
        const checked = value === r.id;
        return (
          <button
            key={r.id}
            type="button"
            role="radio"
            aria-checked={checked}
            disabled={disabled}
            title={disabled ? "Live needs a running container" : undefined}
            onClick={() => onChange(r.id)}
            className={cn(
              "inline-flex h-6 items-center gap-1 rounded px-2 text-xs font-medium transition-colors disabled:opacity-40",
              checked ? "bg-accent-soft text-accent" : "text-muted hover:bg-hover hover:text-fg",
            )}
          >
            {r.id === "live" && <Radio className="size-3" aria-hidden />}
            {r.label}
          </button>
        );
      })}
    </div>
  );
}

function Readout({
  label,
  value,
  sub,
  testId,
  raw,
  color,
}: {
  label: string;
  value: string;
  sub?: string;
  testId: string;
  raw?: number | null;
  color: string;
}) {
  return (
    <div className="min-w-0 rounded-md border border-line bg-surface px-3 py-2">
      <div className="flex items-center gap-1.5 text-xs text-muted">
        <span aria-hidden className="size-2 shrink-0 rounded-full" style={{ background: color }} />
        {label}
      </div>
      <div className="mt-0.5 truncate text-[15px] font-semibold text-fg tabular" data-testid={testId} data-value={raw ?? ""}>
        {value}
      </div>
      {sub && <div className="text-xs text-muted tabular">{sub}</div>}
    </div>
  );
}

function ChartCard({ title, value, children }: { title: string; value?: ReactNode; children: ReactNode }) {
  return (
    <section className="min-w-0 rounded-lg border border-line bg-surface">
      <header className="flex min-h-9 items-center justify-between gap-3 border-b border-line px-3 py-1.5">
        <h3 className="text-[13px] font-semibold text-fg">{title}</h3>
        {value && <div className="truncate text-xs text-muted tabular">{value}</div>}
      </header>
      <div className="px-1 pt-2 pb-1">{children}</div>
    </section>
  );
}

/** Last non-null value of a field (rates are null right after a restart). */
function lastValue(points: readonly StatsPoint[], key: keyof StatsPoint): number | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const v = points[i]![key];
    if (typeof v === "number") return v;
  }
  return null;
}

/**
 * A container's resource charts: CPU, memory against its limit, network and block I/O rates,
 * PIDs. "Live" follows the socket (15 minutes of one-second samples); the other ranges load
 * the stored history, which outlives the container.
 */
export function ContainerStatsPanel({
  engine,
  containerRef,
  running,
  memoryLimitBytes,
  removed = false,
  initialRange,
}: {
  engine: string;
  /** Name or id. */
  containerRef: string;
  running: boolean;
  /** The container's configured memory limit (0: none; the engine then reports host memory). */
  memoryLimitBytes?: number;
  /** The container no longer exists: only history is drawn, and "Live" is not offered. */
  removed?: boolean;
  /** Range shown first when the container is not running (default 1 h). */
  initialRange?: StatsRange;
}) {
  const [picked, setPicked] = useState<PanelRange | null>(null);
  const liveAvailable = running && !removed;
  const fallback: StatsRange = initialRange ?? "1h";
  // Default: live while it runs; otherwise history (the last hour unless told), which shows what led up to a stop or OOM kill.
  const range: PanelRange = picked === "live" && !liveAvailable ? fallback : (picked ?? (liveAvailable ? "live" : fallback));

  const live = useLiveStats(engine, containerRef, range === "live");
  const history = useQuery({ ...statsSeriesQuery(engine, containerRef, range === "live" ? "15m" : range), enabled: range !== "live" });

  const samples = range === "live" ? live.samples : (history.data?.samples ?? NO_SAMPLES);
  const points = useMemo(() => downsample(toPoints(samples), MAX_CHART_POINTS), [samples]);
  const downsampled = samples.length > MAX_CHART_POINTS;

  const removedAt = history.data?.removedAt;
  const isRemoved = removed || !!removedAt;
  // Unknown limit (a removed container): the samples carry Docker's limit, which is the host's
  // memory when none was set — only a smaller one is a real limit.
  const hostInfo = useQuery({ ...systemInfoQuery(engine), enabled: memoryLimitBytes === undefined && range !== "live" });
  const sampledLimit = samples.length ? samples[samples.length - 1]!.memLimit : 0;
  const hostMem = hostInfo.data?.memoryBytes;
  const derivedLimit = memoryLimitBytes === undefined && hostMem && sampledLimit > 0 && sampledLimit < hostMem * 0.98 ? sampledLimit : undefined;
  const limit = memoryLimitBytes && memoryLimitBytes > 0 ? memoryLimitBytes : derivedLimit;

  const cpu = lastValue(points, "cpu");
  const mem = lastValue(points, "mem");
  const rx = lastValue(points, "rx");
  const tx = lastValue(points, "tx");
  const rd = lastValue(points, "read");
  const wr = lastValue(points, "write");
  const pids = lastValue(points, "pids");
  const peakMem = points.reduce((m, p) => Math.max(m, p.mem), 0);
  const lastTs = points.length ? points[points.length - 1]!.t : null;

  const loading = range === "live" ? live.status === "subscribing" && samples.length === 0 : history.isPending;
  const error =
    range === "live"
      ? live.status === "error"
        ? live.error?.message
        : undefined
      : history.error instanceof ApiError && history.error.status !== 404
        ? history.error.message
        : history.isError && !(history.error instanceof ApiError)
          ? "Could not load the history"
          : undefined;
  const noHistory = range !== "live" && history.error instanceof ApiError && history.error.status === 404;

  // A removed container Berth never recorded: the page above already says it is gone.
  if (removed && noHistory) return null;

  const readoutLabel = range === "live" ? "now" : lastTs ? `last point ${formatTooltipTime(lastTs)}` : "";

  return (
    <div className={cn("flex flex-col gap-3", CHART_COLOR_VARS)} data-testid="stats-panel" data-range={range}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2 text-[13px] text-muted">
          {range === "live" ? (
            <Badge tone={live.status === "live" ? "green" : "grey"} dot>
              {live.status === "live" ? "Live · 1 s" : "Connecting…"}
            </Badge>
          ) : history.data ? (
            <span className="tabular">
              {history.data.resolution} s points{downsampled ? `, peaks of ${Math.ceil(samples.length / MAX_CHART_POINTS)} per point` : ""}
            </span>
          ) : null}
          {isRemoved && (
            <Badge tone="red" data-testid="stats-removed">
              removed{removedAt ? ` ${formatTooltipTime(Date.parse(removedAt))}` : ""}
            </Badge>
          )}
          {!running && !isRemoved && <Badge tone="grey">not running: history only</Badge>}
          {readoutLabel && points.length > 0 && <span className="text-xs text-faint">Values: {readoutLabel}</span>}
        </div>
        <RangePicker value={range} onChange={setPicked} liveDisabled={!liveAvailable} hideLive={removed} />
      </div>

      {error && (
        <p className="flex items-center gap-2 rounded-md border border-line bg-danger-soft px-3 py-2 text-[13px] text-danger" role="alert">
          <TriangleAlert className="size-4 shrink-0" aria-hidden />
          {error}
        </p>
      )}

      {loading ? (
        <div className="grid gap-3 lg:grid-cols-2" aria-busy="true">
          <Skeleton className="h-56 rounded-lg" />
          <Skeleton className="h-56 rounded-lg" />
        </div>
      ) : points.length === 0 ? (
        <div className="rounded-lg border border-line bg-surface">
          <EmptyState icon={Activity} title={noHistory || !running ? "No stats recorded" : "Waiting for the first sample"} className="py-10">
            {range === "live"
              ? "Docker reports a sample about once a second; charts appear with the first one."
              : running
                ? "Nothing stored for this range yet. Try Live, or a longer range."
                : "This container is not running and Berth has no history for it in this range. Try a longer range."}
          </EmptyState>
        </div>
      ) : (
        <>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 xl:grid-cols-5">
            <Readout
              label={`CPU (${range === "live" ? "now" : "last"})`}
              value={formatPercent(cpu)}
              testId="stats-current-cpu"
              raw={cpu}
              color={C.cpu}
              sub="100 % = one core"
            />
            <Readout
              label="Memory"
              value={formatMem(mem)}
              sub={limit ? `of ${formatBinaryBytes(limit)} limit${mem !== null ? ` (${formatPercent((mem / limit) * 100)})` : ""}` : "no limit set"}
              testId="stats-current-mem"
              raw={mem}
              color={C.mem}
            />
            <Readout label="Network ↓ / ↑" value={formatRate(rx)} sub={`↑ ${formatRate(tx)}`} testId="stats-current-net" raw={rx} color={C.rx} />
            <Readout label="Disk read / write" value={formatRate(rd)} sub={`write ${formatRate(wr)}`} testId="stats-current-blk" raw={rd} color={C.read} />
            <Readout label="Processes" value={pids === null ? "—" : String(pids)} testId="stats-current-pids" raw={pids} color={C.pids} />
          </div>

          <div className="grid gap-3 lg:grid-cols-2">
            <ChartCard title="CPU" value={`peak ${formatPercent(points.reduce((m, p) => Math.max(m, p.cpu), 0))}`}>
              <StatsChart
                ariaLabel="CPU usage over time"
                data={points}
                series={[{ key: "cpu", label: "CPU", color: C.cpu, kind: "area", format: formatPercent }]}
                yFormat={(v) => `${Number(v.toFixed(2))}%`}
                minTop={1}
              />
            </ChartCard>
            <ChartCard title={limit ? "Memory used vs limit" : "Memory used"} value={`peak ${formatMem(peakMem)}`}>
              <StatsChart
                ariaLabel="Memory usage over time"
                data={points}
                series={[{ key: "mem", label: "Used", color: C.mem, kind: "area", format: formatMem }]}
                yFormat={formatAxisBytes}
                yMax={limit}
                minTop={1024 * 1024}
                binary
                reference={limit ? { y: limit, label: `limit ${formatBinaryBytes(limit)}` } : undefined}
                tooltipExtra={
                  limit ? (p) => <div className="mt-1 text-muted tabular">{formatPercent(((p.mem ?? 0) / limit) * 100)} of the limit</div> : undefined
                }
              />
            </ChartCard>
            <ChartCard title="Network" value={`↓ ${formatRate(rx)} · ↑ ${formatRate(tx)}`}>
              <StatsChart
                ariaLabel="Network receive and transmit rates over time"
                data={points}
                series={[
                  { key: "rx", label: "Received", color: C.rx, format: formatRate },
                  { key: "tx", label: "Sent", color: C.tx, format: formatRate },
                ]}
                yFormat={(v) => `${formatAxisBytes(v)}B/s`}
                minTop={1024}
                binary
              />
            </ChartCard>
            <ChartCard title="Block I/O" value={`read ${formatRate(rd)} · write ${formatRate(wr)}`}>
              <StatsChart
                ariaLabel="Disk read and write rates over time"
                data={points}
                series={[
                  { key: "read", label: "Read", color: C.read, format: formatRate },
                  { key: "write", label: "Write", color: C.write, format: formatRate },
                ]}
                yFormat={(v) => `${formatAxisBytes(v)}B/s`}
                minTop={1024}
                binary
              />
            </ChartCard>
            <ChartCard title="Processes (PIDs)" value={pids === null ? undefined : String(pids)}>
              <StatsChart
                ariaLabel="Number of processes over time"
                data={points}
                series={[{ key: "pids", label: "PIDs", color: C.pids, kind: "step", format: (v) => (v === null ? "—" : String(v)) }]}
                yFormat={(v) => String(Math.round(v))}
                height={130}
                integer
              />
            </ChartCard>
          </div>
        </>
      )}
    </div>
  );
}
