"use client";

import { timeAgo } from "@/lib/format";
import { useNow } from "@/lib/use-now";

const FULL = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

export function formatFullDate(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : FULL.format(t);
}

/** "3 hours ago", with the exact local date and time on hover. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const now = useNow();
  return (
    <time dateTime={iso} title={formatFullDate(iso)} className={className}>
      {timeAgo(iso, now)}
    </time>
  );
}
