"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { getSocket } from "@/components/socket/socket-client";
import type { ResourcesChangedPush } from "@/lib/socket-events";

const LIST: Record<ResourcesChangedPush["kind"], string> = { image: "images", network: "networks", volume: "volumes" };

/**
 * Maps `resources-changed` pushes to query invalidations for the images, networks and volumes
 * pages (the shell's useSocketSync handles containers; this is the resources half). A container
 * change also moves "used by" counts, so those lists refresh on `containers-changed` too.
 */
export function useResourcesSync(engine: string): void {
  const qc = useQueryClient();
  useEffect(() => {
    const socket = getSocket();
    const onResources = (push: ResourcesChangedPush) => {
      if (push.engine !== engine) return;
      void qc.invalidateQueries({ queryKey: ["engines", engine, LIST[push.kind]] });
      void qc.invalidateQueries({ queryKey: ["engines", engine, "system"] });
    };
    const onContainers = (push: { engine: string; actions: readonly string[] }) => {
      if (push.engine !== engine) return;
      if (
        push.actions.length > 0 &&
        !push.actions.some((a) => a === "create" || a === "destroy" || a === "connect" || a === "disconnect" || a === "start" || a === "die")
      )
        return;
      for (const kind of ["images", "networks", "volumes"]) void qc.invalidateQueries({ queryKey: ["engines", engine, kind] });
    };
    socket.on("resources-changed", onResources);
    socket.on("containers-changed", onContainers);
    return () => {
      socket.off("resources-changed", onResources);
      socket.off("containers-changed", onContainers);
    };
  }, [engine, qc]);
}
