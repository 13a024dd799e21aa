import type { Metadata } from "next";
import { RemovedHistoryView } from "@/components/stats/removed-history-view";
import { decodeRouteParam } from "@/lib/format";
import { DEFAULT_ENGINE } from "@/lib/queries/engines";

type Props = { params: Promise<{ ref: string }> };

export const metadata: Metadata = { title: "Removed container history" };

export default async function RemovedHistoryPage({ params }: Props) {
  const { ref } = await params;
  return <RemovedHistoryView key={ref} engine={DEFAULT_ENGINE} containerRef={decodeRouteParam(ref)} />;
}
