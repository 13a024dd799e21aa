import type { Metadata } from "next";
import { ImageDetailView } from "@/components/images/image-detail-view";
import { decodeRouteParam } from "@/lib/format";
import { DEFAULT_ENGINE } from "@/lib/queries/engines";

type Props = { params: Promise<{ ref: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ref } = await params;
  const r = decodeRouteParam(ref);
  return { title: r.startsWith("sha256:") ? r.slice(7, 19) : r };
}

export default async function ImagePage({ params }: Props) {
  const { ref } = await params;
  return <ImageDetailView key={ref} engine={DEFAULT_ENGINE} imageRef={decodeRouteParam(ref)} />;
}
