/** The most points one chart series draws; beyond this the browser spends time and the eye gains nothing. */
export const MAX_CHART_POINTS = 900;

/**
 * Reduces points to at most `max` by grouping consecutive points into equal buckets and keeping,
 * per bucket, the first timestamp and the PEAK of every numeric field (null when all are null).
 * Peaks, not averages: an on-call engineer looking for the spike before an OOM kill must see it.
 */
export function downsample<T extends { t: number }>(points: readonly T[], max: number = MAX_CHART_POINTS): T[] {
  if (max < 1) return [];
  if (points.length <= max) return points.slice();
  const size = points.length / max;
  const out: T[] = [];
  for (let b = 0; b < max; b++) {
    const from = Math.floor(b * size);
    const to = Math.min(points.length, Math.floor((b + 1) * size));
    if (to <= from) continue;
    const first = points[from]!;
    const agg: Record<string, unknown> = { ...first };
    for (const key of Object.keys(first)) {
      if (key === "t") continue;
      let peak: number | null = null;
      let numeric = false;
      for (let i = from; i < to; i++) {
        const v = (points[i] as Record<string, unknown>)[key];
        if (typeof v === "number") {
          numeric = true;
          if (Number.isFinite(v) && (peak === null || v > peak)) peak = v;
        } else if (v === null) numeric = true;
      }
      if (numeric) agg[key] = peak;
    }
    out.push(agg as T);
  }
  return out;
}
