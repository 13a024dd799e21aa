"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatBytes } from "@/lib/format";
import type { DiskUsageRow } from "@/lib/wire";

export const KIND_LABEL: Record<DiskUsageRow["kind"], string> = { images: "Images", containers: "Containers", volumes: "Volumes", buildCache: "Build cache" };

/** Size per kind, split into in-use and reclaimable. Animation off: numbers, not motion. */
export function DiskUsageChart({ rows }: { rows: readonly DiskUsageRow[] }) {
  const data = rows.map((r) => ({ name: KIND_LABEL[r.kind], used: Math.max(0, r.size - r.reclaimable), reclaimable: r.reclaimable }));
  return (
    <div className="h-56 w-full" data-testid="df-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="var(--color-line, #e4e4e7)" />
          <XAxis type="number" tickFormatter={(v: number) => formatBytes(v, 0)} tick={{ fontSize: 11, fill: "currentColor" }} stroke="currentColor" className="text-muted" />
          <YAxis type="category" dataKey="name" width={90} tick={{ fontSize: 12, fill: "currentColor" }} stroke="currentColor" className="text-muted" />
          <Tooltip formatter={(v) => formatBytes(Number(v))} cursor={{ fillOpacity: 0.08 }} contentStyle={{ fontSize: 12 }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="used" name="In use" stackId="a" fill="#3b82f6" isAnimationActive={false} />
          <Bar dataKey="reclaimable" name="Reclaimable" stackId="a" fill="#f59e0b" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
