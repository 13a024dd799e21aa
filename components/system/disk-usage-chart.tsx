"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatBytes } from "@/lib/format";
import { formatAxisBytes } from "@/lib/stats/format";
import { niceScale } from "@/lib/stats/scale";
import type { DiskUsageRow } from "@/lib/wire";

export const KIND_LABEL: Record<DiskUsageRow["kind"], string> = { images: "Images", containers: "Containers", volumes: "Volumes", buildCache: "Build cache" };

/** Size per kind, split into in-use and reclaimable. Animation off: numbers, not motion. */
export function DiskUsageChart({ rows }: { rows: readonly DiskUsageRow[] }) {
  const data = rows.map((r) => ({ name: KIND_LABEL[r.kind], used: Math.max(0, r.size - r.reclaimable), reclaimable: r.reclaimable }));
  // Ticks on binary steps (512 KiB, 1 MiB …): recharts' own decimal ticks read "977 KiB" in binary units.
  const scale = niceScale(Math.max(0, ...rows.map((r) => r.size)), { binary: true });
  return (
    <div className="h-56 w-full" data-testid="df-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="var(--color-line, #e4e4e7)" />
          <XAxis
            type="number"
            domain={[0, scale.top]}
            ticks={scale.ticks}
            tickFormatter={(v: number) => `${formatAxisBytes(v)}B`}
            tick={{ fontSize: 11, fill: "currentColor" }}
            stroke="currentColor"
            className="text-muted"
          />
          <YAxis type="category" dataKey="name" width={90} tick={{ fontSize: 12, fill: "currentColor" }} stroke="currentColor" className="text-muted" />
          <Tooltip
            formatter={(v) => formatBytes(Number(v))}
            cursor={{ fillOpacity: 0.08 }}
            contentStyle={{ fontSize: 12, background: "var(--color-surface)", borderColor: "var(--color-line)", color: "var(--color-fg)" }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="used" name="In use" stackId="a" fill="#3b82f6" isAnimationActive={false} />
          <Bar dataKey="reclaimable" name="Reclaimable" stackId="a" fill="#f59e0b" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
