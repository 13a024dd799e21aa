import type { Metadata } from "next";
import { Suspense } from "react";
import { ContainerDetailView } from "@/components/containers/container-detail-view";
import { decodeRouteParam } from "@/lib/format";
import { DEFAULT_ENGINE } from "@/lib/queries/engines";

type Props = { params: Promise<{ ref: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ref } = await params;
  return { title: decodeRouteParam(ref) };
}

export default async function ContainerPage({ params }: Props) {
  const { ref } = await params;
  return (
    // The view reads the selected tab from the URL (useSearchParams), which needs a Suspense boundary.
    <Suspense>
      <ContainerDetailView key={ref} engine={DEFAULT_ENGINE} containerRef={decodeRouteParam(ref)} />
    </Suspense>
  );
}
