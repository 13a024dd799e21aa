"use client";

import { useQuery } from "@tanstack/react-query";
import { alertsQuery } from "@/lib/queries/alerts";

/** The firing-alert count next to "Alerts" in the navigation (silenced alerts not counted). */
export function AlertsNavBadge() {
  const { data } = useQuery({ ...alertsQuery("firing"), select: (d) => d.firing });
  if (!data) return null;
  return (
    <span
      data-testid="alerts-nav-badge"
      aria-label={`${data} firing`}
      className="ml-auto inline-flex h-4.5 min-w-4.5 items-center justify-center rounded-full bg-danger px-1.5 text-[11px] font-semibold text-white tabular"
    >
      {data > 99 ? "99+" : data}
    </span>
  );
}
