import { Layers } from "lucide-react";
import { ComingSoon } from "@/components/coming-soon";

export const metadata = { title: "Images" };

export default function ImagesPage() {
  return (
    <ComingSoon
      title="Images"
      icon={Layers}
      summary="Images stored on this engine."
      planned={["List images with size, tags and the containers using them", "Pull, tag and push", "Inspect layers and history", "Prune dangling and unused images"]}
    />
  );
}
