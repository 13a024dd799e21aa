import { Suspense } from "react";
import { LogsView } from "@/components/logs/logs-view";
import { Spinner } from "@/components/ui/spinner";

export const metadata = { title: "Logs" };

export default function LogsPage() {
  return (
    // The view keeps its state in the URL (useSearchParams), which needs a Suspense boundary.
    <Suspense
      fallback={
        <div className="flex h-dvh items-center justify-center">
          <Spinner label="Loading logs" />
        </div>
      }
    >
      <LogsView />
    </Suspense>
  );
}
