import { formatBytes } from "@/lib/format";

/** "12.3 %", with more digits for small values so an idle container does not read as 0. */
export function formatPercent(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  const abs = Math.abs(v);
  const digits = abs === 0 ? 0 : abs < 1 ? 2 : abs < 100 ? 1 : 0;
  return `${v.toFixed(digits)} %`;
}

/** Memory and sizes in binary units, as `docker stats` prints them ("512.3 MiB", "2.00 GiB"). */
export function formatMem(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return "—";
  return formatBytes(bytes, bytes >= 1024 ** 3 ? 2 : 1);
}

/** A per-second rate in the same binary units: "0 B/s", "12.1 KiB/s", "3.0 MiB/s". */
export function formatRate(bytesPerSecond: number | null | undefined): string {
  if (bytesPerSecond === null || bytesPerSecond === undefined || !Number.isFinite(bytesPerSecond) || bytesPerSecond < 0) return "—";
  if (bytesPerSecond < 1) return "0 B/s";
  if (bytesPerSecond < 1024) return `${Math.round(bytesPerSecond)} B/s`;
  return `${formatBytes(bytesPerSecond)}/s`;
}

/** Compact binary axis labels ("1.5Gi", "200Mi", "12Ki"): ticks must stay narrow on a phone. */
export function formatAxisBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return "0";
  const units = ["", "Ki", "Mi", "Gi", "Ti"];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const s = v >= 10 || Number.isInteger(v) ? Math.round(v).toString() : v.toFixed(1);
  return `${s}${units[i]}`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Axis time: HH:MM:SS for short spans, HH:MM within a day, "Mon 14:00" beyond (local time). */
export function formatAxisTime(t: number, spanMs: number): string {
  const d = new Date(t);
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (spanMs <= 20 * 60_000) return `${hm}:${pad(d.getSeconds())}`;
  if (spanMs <= 24 * 3_600_000) return hm;
  return `${d.toLocaleDateString(undefined, { weekday: "short" })} ${hm}`;
}

/** Tooltip time: the full local date and time to the second. */
export function formatTooltipTime(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** "30 s", "2 min", "1 h 30 min": for-durations in the rules editor. */
export function formatSeconds(s: number): string {
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 === 0 ? `${s / 60} min` : `${Math.floor(s / 60)} min ${s % 60} s`;
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  return m ? `${h} h ${m} min` : `${h} h`;
}
