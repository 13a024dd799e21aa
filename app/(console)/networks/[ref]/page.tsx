import type { Metadata } from "next";
import { NetworkDetailView } from "@/components/networks/network-detail-view";
import { decodeRouteParam } from "@/lib/format";
import { DEFAULT_ENGINE } from "@/lib/queries/engines";

type Props = { params: Promise<{ ref: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeRouteParam((await params).ref) };
}

export default async function NetworkPage({ params }: Props) {
  const { ref } = await params;
  return <NetworkDetailView key={ref} engine={DEFAULT_ENGINE} networkRef={decodeRouteParam(ref)} />;
}
