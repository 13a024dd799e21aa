import { Server } from "lucide-react";
import { ComingSoon } from "@/components/coming-soon";

export const metadata = { title: "System" };

export default function SystemPage() {
  return (
    <ComingSoon
      title="System"
      icon={Server}
      summary="Engine information and disk usage."
      planned={["Engine version, OS, storage driver and resources", "Disk usage by images, containers, volumes and build cache", "System-wide prune with a dry-run summary"]}
    />
  );
}
