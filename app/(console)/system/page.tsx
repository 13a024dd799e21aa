import { SystemView } from "@/components/system/system-view";
import { DEFAULT_ENGINE } from "@/lib/queries/engines";

export const metadata = { title: "System" };

export default function SystemPage() {
  return <SystemView engine={DEFAULT_ENGINE} />;
}
