import type { Metadata } from "next";
import { OverviewView } from "@/components/stats/overview-view";
import { DEFAULT_ENGINE } from "@/lib/queries/engines";

export const metadata: Metadata = { title: "Overview" };

export default function OverviewPage() {
  return <OverviewView engine={DEFAULT_ENGINE} />;
}
