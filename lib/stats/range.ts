import type { StatsRange } from "@/lib/wire";

const RANGE_MS: Readonly<Record<StatsRange, number>> = {
  "15m": 15 * 60_000,
  "1h": 3_600_000,
  "6h": 6 * 3_600_000,
  "24h": 24 * 3_600_000,
  "7d": 7 * 24 * 3_600_000,
};
const CANDIDATES: readonly StatsRange[] = ["1h", "6h", "24h", "7d"];

/**
 * The shortest history range (1 h or more) in whose newer half `iso` lies, so a removed
 * container's last point is drawn together with what led up to it.
 */
export function rangeReaching(iso: string, now = Date.now()): StatsRange {
  const age = now - Date.parse(iso);
  return CANDIDATES.find((r) => age < RANGE_MS[r] / 2) ?? "7d";
}
