import { Suspense } from "react";
import { TableSkeleton } from "@/components/resources/resource-table";
import { VolumesView } from "@/components/volumes/volumes-view";
import { DEFAULT_ENGINE } from "@/lib/queries/engines";

export const metadata = { title: "Volumes" };

export default function VolumesPage() {
  return (
    <Suspense
      fallback={
        <div className="p-4 sm:p-6">
          <TableSkeleton columns={6} />
        </div>
      }
    >
      <VolumesView engine={DEFAULT_ENGINE} />
    </Suspense>
  );
}
