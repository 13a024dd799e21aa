import type { Metadata } from "next";
import { VolumeDetailView } from "@/components/volumes/volume-detail-view";
import { DEFAULT_ENGINE } from "@/lib/queries/engines";

type Props = { params: Promise<{ name: string }> };

const decode = (r: string) => {
  try {
    return decodeURIComponent(r);
  } catch {
    return r;
  }
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decode((await params).name) };
}

export default async function VolumePage({ params }: Props) {
  const { name } = await params;
  return <VolumeDetailView key={name} engine={DEFAULT_ENGINE} name={decode(name)} />;
}
