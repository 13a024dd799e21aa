/*
 * Chart colours as CSS variables with a light and a dark value, set on a wrapper with
 * CHART_COLOR_VARS; series then use `var(--chart-…)` and stay readable in both themes.
 */
export const CHART_COLOR_VARS =
  "[--chart-cpu:#2459d6] [--chart-mem:#7c3aed] [--chart-rx:#059669] [--chart-tx:#d97706] [--chart-read:#0891b2] [--chart-write:#db2777] [--chart-pids:#4b5563] " +
  "dark:[--chart-cpu:#6b99f8] dark:[--chart-mem:#a78bfa] dark:[--chart-rx:#34d399] dark:[--chart-tx:#fbbf24] dark:[--chart-read:#22d3ee] dark:[--chart-write:#f472b6] dark:[--chart-pids:#9ca3af]";

export const C = {
  cpu: "var(--chart-cpu)",
  mem: "var(--chart-mem)",
  rx: "var(--chart-rx)",
  tx: "var(--chart-tx)",
  read: "var(--chart-read)",
  write: "var(--chart-write)",
  pids: "var(--chart-pids)",
} as const;
