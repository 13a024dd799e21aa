import type { ReactNode } from "react";
import { Skeleton } from "./skeleton";

/** A detail page while its data loads: the header (breadcrumb, title, subtitle) and two cards. */
export function DetailSkeleton({ breadcrumb }: { breadcrumb: ReactNode }) {
  return (
    <div aria-busy="true">
      <div className="border-b border-line bg-surface px-4 pt-4 pb-3 sm:px-6">
        {breadcrumb}
        <Skeleton className="mt-1 h-6 w-56" />
        <Skeleton className="mt-2 h-4 w-80" />
      </div>
      <div className="grid gap-4 p-4 sm:p-6 lg:grid-cols-2">
        <Skeleton className="h-72 rounded-lg" />
        <Skeleton className="h-72 rounded-lg" />
      </div>
    </div>
  );
}
