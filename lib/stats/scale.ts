/** Steps within one binary unit: decimal-nice up to 100, then powers of two up to the next unit. */
const BINARY_STEPS = [1, 2, 2.5, 5, 10, 20, 25, 50, 100, 128, 256, 512, 1024];

/**
 * A y-axis from zero with round ticks: the top is `count` equal steps of 1, 2, 2.5 or 5 × 10^k
 * covering `max`. `integer` keeps steps whole (counts such as PIDs never get "0.5" ticks).
 * `binary` picks the steps in the binary unit of the values (KiB, MiB, GiB), so byte axes read
 * "256Mi, 512Mi, 768Mi" rather than "191Mi, 381Mi" once printed in binary units.
 */
export function niceScale(
  max: number,
  { count = 4, integer = false, binary = false }: { count?: number; integer?: boolean; binary?: boolean } = {},
): { top: number; ticks: number[] } {
  const m = Number.isFinite(max) && max > 0 ? max : integer ? count : 1;
  // Rounding errors (0.1 + 0.2) would print as long decimals on the axis.
  const round = (v: number) => Number(v.toPrecision(12));
  let step: number;
  if (binary) {
    let unit = 1;
    while (unit * 1024 <= m / count) unit *= 1024;
    const raw = m / count / unit;
    step = BINARY_STEPS.find((s) => s >= raw - 1e-12)! * unit;
  } else {
    const raw = m / count;
    const mag = 10 ** Math.floor(Math.log10(raw));
    step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw - 1e-12 * mag)!;
    if (integer) step = Math.max(1, Math.ceil(step));
  }
  const ticks = Array.from({ length: count + 1 }, (_, i) => round(i * step));
  return { top: ticks[ticks.length - 1]!, ticks };
}

/**
 * One y-axis top for a column of sparklines: the nice top over every row's values (at least
 * `floor`), so rows compare at a glance and a 1 % wobble of an idle row stays a flat line.
 */
export function sharedTop(rows: readonly (readonly number[])[], { floor = 0, binary = false }: { floor?: number; binary?: boolean } = {}): number {
  let max = floor;
  for (const row of rows) for (const v of row) if (Number.isFinite(v) && v > max) max = v;
  return niceScale(max, { count: 1, binary }).top;
}
