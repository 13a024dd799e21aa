import type { Metadata } from "next";
import { RemovedHistoryView } from "@/components/stats/removed-history-view";
import { DEFAULT_ENGINE } from "@/lib/queries/engines";

type Props = { params: Promise<{ ref: string }> };

/** A hand-typed URL may carry a stray "%". */
function decodeRef(ref: string): string {
  try {
    return decodeURIComponent(ref);
  } catch {
    return ref;
  }
}

export const metadata: Metadata = { title: "Removed container history" };

export default async function RemovedHistoryPage({ params }: Props) {
  const { ref } = await params;
  return <RemovedHistoryView key={ref} engine={DEFAULT_ENGINE} containerRef={decodeRef(ref)} />;
}
