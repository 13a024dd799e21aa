"use client";

import type { ReactNode } from "react";
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatAxisTime, formatTooltipTime } from "@/lib/stats/format";
import { niceScale } from "@/lib/stats/scale";

/** One drawn series of a chart. Colours are CSS variables set by the panel (light and dark values). */
export interface SeriesSpec<K extends string> {
  readonly key: K;
  readonly label: string;
  readonly color: string;
  readonly kind?: "line" | "area" | "step";
  readonly format: (v: number | null) => string;
}

type Point = { t: number } & Record<string, number | null>;

function ChartTooltip({
  active,
  payload,
  label,
  series,
  extra,
}: {
  active?: boolean;
  payload?: readonly { dataKey?: unknown; value?: unknown }[];
  label?: unknown;
  series: readonly SeriesSpec<string>[];
  extra?: (p: Point) => ReactNode;
}) {
  if (!active || !payload?.length || typeof label !== "number") return null;
  const point = (payload[0] as { payload?: Point }).payload;
  return (
    <div className="rounded-md border border-line bg-surface px-2.5 py-2 text-xs shadow-lg">
      <div className="mb-1 font-medium text-muted tabular">{formatTooltipTime(label)}</div>
      {series.map((s) => {
        const v = point?.[s.key];
        return (
          <div key={s.key} className="flex items-center gap-2">
            <span aria-hidden className="size-2 rounded-full" style={{ background: s.color }} />
            <span className="text-muted">{s.label}</span>
            <span className="ml-auto pl-3 font-medium text-fg tabular">{s.format(typeof v === "number" ? v : null)}</span>
          </div>
        );
      })}
      {point && extra?.(point)}
    </div>
  );
}

/**
 * A small time-series chart in Berth's colours: animation off, points bounded by the caller,
 * axes in the theme's muted colour so they read in light and dark.
 */
export function StatsChart<K extends string>({
  data,
  series,
  yFormat,
  yMax,
  reference,
  height = 170,
  tooltipExtra,
  ariaLabel,
  minTop,
  integer = false,
  binary = false,
}: {
  data: readonly ({ t: number } & Record<K, number | null>)[];
  series: readonly SeriesSpec<K>[];
  yFormat: (v: number) => string;
  /** Upper bound of the y axis beyond the data (e.g. a memory limit). */
  yMax?: number;
  reference?: { y: number; label: string };
  height?: number;
  tooltipExtra?: (p: Point) => ReactNode;
  ariaLabel: string;
  /** Smallest top of the y axis, so an idle series does not zoom into noise (e.g. 1 KiB/s). */
  minTop?: number;
  /** Whole-number ticks (counts). */
  integer?: boolean;
  /** Byte values: ticks on binary-unit steps (see niceScale). */
  binary?: boolean;
}) {
  const span = data.length > 1 ? data[data.length - 1]!.t - data[0]!.t : 0;
  let dataMax = 0;
  for (const p of data)
    for (const s of series) {
      const v = p[s.key];
      if (typeof v === "number" && v > dataMax) dataMax = v;
    }
  // Room above a limit line so its label does not sit on the frame.
  const scale = niceScale(Math.max(dataMax, yMax ? yMax * 1.1 : 0, minTop ?? 0), { integer, binary });
  const tick = { fill: "var(--color-muted)", fontSize: 11 };
  return (
    <div role="img" aria-label={ariaLabel} style={{ height }}>
      <ResponsiveContainer width="100%" height="100%" minWidth={0}>
        <ComposedChart data={data as unknown as Point[]} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--color-line)" strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            tickFormatter={(t: number) => formatAxisTime(t, span)}
            tick={tick}
            tickLine={false}
            axisLine={{ stroke: "var(--color-line-strong)" }}
            minTickGap={40}
          />
          <YAxis
            width={48}
            tick={tick}
            tickLine={false}
            axisLine={false}
            tickFormatter={(v: number) => yFormat(v)}
            domain={[0, scale.top]}
            ticks={scale.ticks}
            allowDataOverflow
          />
          <Tooltip
            isAnimationActive={false}
            cursor={{ stroke: "var(--color-line-strong)" }}
            content={(props) => (
              <ChartTooltip active={props.active} payload={props.payload as never} label={props.label} series={series} extra={tooltipExtra} />
            )}
          />
          {reference && (
            <ReferenceLine
              y={reference.y}
              stroke="var(--color-danger)"
              strokeDasharray="5 4"
              ifOverflow="hidden"
              label={{ value: reference.label, position: "insideTopRight", fill: "var(--color-danger)", fontSize: 11 }}
            />
          )}
          {series.map((s) =>
            s.kind === "area" ? (
              <Area
                key={s.key}
                dataKey={s.key}
                name={s.label}
                type="linear"
                stroke={s.color}
                fill={s.color}
                fillOpacity={0.15}
                strokeWidth={1.5}
                dot={false}
                activeDot={{ r: 3 }}
                isAnimationActive={false}
                connectNulls={false}
              />
            ) : (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                type={s.kind === "step" ? "stepAfter" : "linear"}
                stroke={s.color}
                strokeWidth={1.5}
                dot={false}
                activeDot={{ r: 3 }}
                isAnimationActive={false}
                connectNulls={false}
              />
            ),
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

/**
 * A tiny line for table rows: no axes, no tooltip, fixed size. `top` is the y-axis top shared by
 * the whole column (see sharedTop), so rows compare and small wobbles stay small.
 */
export function Sparkline({ values, color, top, label }: { values: readonly number[]; color: string; top: number; label: string }) {
  const data = values.map((v, i) => ({ i, v }));
  return (
    <div role="img" aria-label={label} className="h-6 w-24" data-top={top}>
      <ComposedChart width={96} height={24} data={data} margin={{ top: 2, right: 0, bottom: 2, left: 0 }}>
        <YAxis hide domain={[0, top || 1]} allowDataOverflow />
        <XAxis hide dataKey="i" type="number" domain={["dataMin", "dataMax"]} />
        <Area dataKey="v" type="linear" stroke={color} fill={color} fillOpacity={0.15} strokeWidth={1.25} dot={false} isAnimationActive={false} />
      </ComposedChart>
    </div>
  );
}
