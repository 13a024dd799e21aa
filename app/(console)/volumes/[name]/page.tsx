import type { Metadata } from "next";
import { VolumeDetailView } from "@/components/volumes/volume-detail-view";
import { decodeRouteParam } from "@/lib/format";
import { DEFAULT_ENGINE } from "@/lib/queries/engines";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeRouteParam((await params).name) };
}

export default async function VolumePage({ params }: Props) {
  const { name } = await params;
  return <VolumeDetailView key={name} engine={DEFAULT_ENGINE} name={decodeRouteParam(name)} />;
}
