import { Suspense } from "react";
import { ImagesView } from "@/components/images/images-view";
import { TableSkeleton } from "@/components/resources/resource-table";
import { DEFAULT_ENGINE } from "@/lib/queries/engines";

export const metadata = { title: "Images" };

export default function ImagesPage() {
  return (
    // The view keeps filter, search and sort in the URL (useSearchParams): it needs a Suspense boundary.
    <Suspense
      fallback={
        <div className="p-4 sm:p-6">
          <TableSkeleton columns={5} />
        </div>
      }
    >
      <ImagesView engine={DEFAULT_ENGINE} />
    </Suspense>
  );
}
