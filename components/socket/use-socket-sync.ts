"use client";

import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { containerKeys } from "@/lib/queries/containers";
import { engineKeys } from "@/lib/queries/engines";
import { statsKeys } from "@/lib/queries/stats";
import type { ContainersChangedPush, SessionEndReason } from "@/lib/socket-events";
import { isSigningOut } from "@/components/auth/signing-out";
import type { ContainerDetail, EngineSummary } from "@/lib/wire";
import { requestRefresh } from "./refresh-coalescer";
import { getSocket } from "./socket-client";

/** Writes one engine's status into the cached engine list (the banner reads it from there). */
export function upsertEngine(qc: QueryClient, engine: EngineSummary): void {
  qc.setQueryData<EngineSummary[]>(engineKeys.list, (list) => {
    if (!list) return [engine];
    const at = list.findIndex((e) => e.id === engine.id);
    if (at === -1) return [...list, engine];
    const next = list.slice();
    next[at] = engine;
    return next;
  });
}

/** Refreshes the container list and the detail queries the push is about. */
function refreshContainers(qc: QueryClient, push: ContainersChangedPush): void {
  requestRefresh(qc, containerKeys.list(push.engine));
  // A removed container joins the "recently removed" history list.
  if (push.actions.includes("destroy") || push.ids.length === 0) {
    for (const q of qc.getQueryCache().findAll({ queryKey: statsKeys.removed(push.engine) })) requestRefresh(qc, q.queryKey);
  }
  const ids = push.ids;
  const details = qc.getQueryCache().findAll({
    queryKey: containerKeys.list(push.engine),
    predicate: (q) => {
      const ref = q.queryKey[3];
      if (typeof ref !== "string") return false; // the list itself, handled above
      if (ids.length === 0) return true;
      // Detail pages are keyed by whatever ref the URL holds (name or id), so match on the data too.
      const detail = q.state.data as ContainerDetail | undefined;
      if (detail && ids.includes(detail.id)) return true;
      if (ids.some((id) => id.startsWith(ref))) return true;
      // A page showing "not found" may be about a container that was just created under that name.
      return q.state.status === "error";
    },
  });
  for (const q of details) requestRefresh(qc, q.queryKey);
}

/**
 * The one place socket pushes turn into cache updates (architecture rule 7: sockets notify,
 * TanStack Query owns the data). Mounted once by the signed-in shell.
 */
export function useSocketSync(engine: string): void {
  const qc = useQueryClient();

  useEffect(() => {
    const socket = getSocket();
    let connectedBefore = false;

    const subscribe = () => {
      socket.emit("events:subscribe", { engine }, (res) => {
        if (res.ok) upsertEngine(qc, res.data.engine);
      });
      // After a reconnect, pushes may have been missed while we were away: refetch what is on screen.
      if (connectedBefore) void qc.invalidateQueries({ queryKey: engineKeys.scope(engine) });
      connectedBefore = true;
    };
    const onChanged = (push: ContainersChangedPush) => refreshContainers(qc, push);
    const onEngine = (summary: EngineSummary) => upsertEngine(qc, summary);
    const onSessionEnded = (push?: { reason?: SessionEndReason }) => {
      // This tab is signing out itself and navigates on its own.
      if (isSigningOut()) return;
      qc.clear();
      const { pathname, search } = window.location;
      // Signing out in another tab is the user's own doing: no `next`, as after a sign-out here.
      const reason = push?.reason ?? "ended";
      const next = reason === "signed-out" ? "" : `&next=${encodeURIComponent(pathname + search)}`;
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load on purpose: the session ended, so every cache and the socket go with the page
      window.location.assign(`/login?reason=${reason}${next}`);
    };

    socket.on("connect", subscribe);
    socket.on("containers-changed", onChanged);
    socket.on("engine-status", onEngine);
    socket.on("session-ended", onSessionEnded);
    if (socket.connected) subscribe();
    else socket.connect();

    return () => {
      socket.off("connect", subscribe);
      socket.off("containers-changed", onChanged);
      socket.off("engine-status", onEngine);
      socket.off("session-ended", onSessionEnded);
    };
  }, [engine, qc]);
}
