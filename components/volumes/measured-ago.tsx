"use client";

import { formatFullDate } from "@/components/containers/relative-time";
import { timeAgo } from "@/lib/format";
import { useNow } from "@/lib/use-now";

/** "measured 2 minutes ago", mid-sentence: Docker's wording starts with a capital ("Less than a second ago"). */
export function MeasuredAgo({ iso }: { iso: string }) {
  const now = useNow();
  const ago = timeAgo(iso, now);
  return (
    <time dateTime={iso} title={`system df measured ${formatFullDate(iso)}; re-measured after 30 s and after writes through Berth`}>
      measured {ago.charAt(0).toLowerCase() + ago.slice(1)}
    </time>
  );
}
