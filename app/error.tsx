"use client";

import { TriangleAlert } from "lucide-react";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** Route-level fallback for render errors; server errors arrive here without details (by design). */
export default function RouteError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <EmptyState
      icon={TriangleAlert}
      tone="danger"
      title="Something went wrong on this page"
      className="min-h-[60vh]"
      action={<Button onClick={() => retry()}>Try again</Button>}
    >
      Berth hit an unexpected error while rendering. Trying again usually helps; if not, the server log has the details
      {digest ? (
        <>
          {" "}
          (reference <code className="font-mono text-xs">{digest}</code>)
        </>
      ) : null}
      .
    </EmptyState>
  );
}
