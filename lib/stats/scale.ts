/**
 * A y-axis from zero with round ticks: the top is `count` equal steps of 1, 2, 2.5 or 5 × 10^k
 * covering `max`. `integer` keeps steps whole (counts such as PIDs never get "0.5" ticks).
 */
export function niceScale(max: number, { count = 4, integer = false }: { count?: number; integer?: boolean } = {}): { top: number; ticks: number[] } {
  const m = Number.isFinite(max) && max > 0 ? max : integer ? count : 1;
  const raw = m / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw - 1e-12 * mag)!;
  if (integer) step = Math.max(1, Math.ceil(step));
  // Rounding errors (0.1 + 0.2) would print as long decimals on the axis.
  const round = (v: number) => Number(v.toPrecision(12));
  const ticks = Array.from({ length: count + 1 }, (_, i) => round(i * step));
  return { top: ticks[ticks.length - 1]!, ticks };
}
