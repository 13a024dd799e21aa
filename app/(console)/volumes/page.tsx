import { HardDrive } from "lucide-react";
import { ComingSoon } from "@/components/coming-soon";

export const metadata = { title: "Volumes" };

export default function VolumesPage() {
  return (
    <ComingSoon
      title="Volumes"
      icon={HardDrive}
      summary="Named and anonymous volumes on this engine."
      planned={["List volumes with driver, mount point and users", "Back up a volume to a tarball and restore it", "Remove and prune unused volumes"]}
    />
  );
}
