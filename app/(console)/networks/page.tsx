import { Network } from "lucide-react";
import { ComingSoon } from "@/components/coming-soon";

export const metadata = { title: "Networks" };

export default function NetworksPage() {
  return (
    <ComingSoon
      title="Networks"
      icon={Network}
      summary="Networks on this engine and who is attached."
      planned={["List networks with driver, scope and subnets", "See attached containers and their addresses", "Connect and disconnect containers", "Prune unused networks"]}
    />
  );
}
