import { Suspense } from "react";
import { ContainersTableSkeleton } from "@/components/containers/containers-table";
import { ContainersView } from "@/components/containers/containers-view";
import { DEFAULT_ENGINE } from "@/lib/queries/engines";

export const metadata = { title: "Containers" };

export default function ContainersPage() {
  return (
    // The view reads filters from the URL (useSearchParams), which needs a Suspense boundary.
    <Suspense
      fallback={
        <div className="p-4 sm:p-6">
          <ContainersTableSkeleton />
        </div>
      }
    >
      <ContainersView engine={DEFAULT_ENGINE} />
    </Suspense>
  );
}
