import { Suspense } from "react";
import { NetworksView } from "@/components/networks/networks-view";
import { TableSkeleton } from "@/components/resources/resource-table";
import { DEFAULT_ENGINE } from "@/lib/queries/engines";

export const metadata = { title: "Networks" };

export default function NetworksPage() {
  return (
    <Suspense
      fallback={
        <div className="p-4 sm:p-6">
          <TableSkeleton columns={7} />
        </div>
      }
    >
      <NetworksView engine={DEFAULT_ENGINE} />
    </Suspense>
  );
}
