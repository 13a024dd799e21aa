"use client";

import { timeAgo } from "@/lib/format";
import { useNow } from "@/lib/use-now";

const FULL = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

export function formatFullDate(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : FULL.format(t);
}

/** "5m ago" style for dense tables. */
export function compactAgo(iso: string, now: number): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return "—";
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 60) return `${s}s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ago`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h ago`;
  const d = Math.floor(h / 24);
  if (d < 60) return `${d}d ago`;
  const mo = Math.floor(d / 30);
  if (mo < 24) return `${mo}mo ago`;
  return `${Math.floor(d / 365)}y ago`;
}

/** "3 hours ago" (or "3h ago" when compact), with the exact local date and time on hover. */
export function RelativeTime({ iso, className, compact = false }: { iso: string; className?: string; compact?: boolean }) {
  const now = useNow();
  return (
    <time dateTime={iso} title={formatFullDate(iso)} className={className}>
      {compact ? compactAgo(iso, now) : timeAgo(iso, now)}
    </time>
  );
}
