"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { toast } from "sonner";
import { getSocket } from "@/components/socket/socket-client";
import { RULE_TITLES, type AlertWire } from "@/lib/alerts";
import { alertKeys, type AlertsList } from "@/lib/queries/alerts";

/**
 * Notifications already toasted in this tab (bounded), by incident id and occurrence: a re-sent
 * push must not toast twice, while a reminder of the same incident (a later `lastAt`) does.
 */
const toasted = new Set<string>();
const TOASTED_CAP = 500;

function rememberToasted(alert: AlertWire): boolean {
  const key = `${alert.id}@${alert.lastAt}`;
  if (toasted.has(key)) return false;
  toasted.add(key);
  if (toasted.size > TOASTED_CAP) toasted.delete(toasted.values().next().value!);
  return true;
}

/**
 * Alert pushes into the UI: a toast when an alert fires (deduped by id), and the alerts queries
 * refreshed when alerts change, with the nav badge's count set straight from the push.
 * Mounted once by the signed-in shell.
 */
export function useAlertsSync(): void {
  const qc = useQueryClient();
  const router = useRouter();

  useEffect(() => {
    const socket = getSocket();
    let connectedBefore = socket.connected;

    const onFired = (alert: AlertWire) => {
      void qc.invalidateQueries({ queryKey: alertKeys.all });
      if (!rememberToasted(alert)) return;
      const severe = alert.rule === "container-down" || alert.rule === "oom-killed" || alert.rule === "restart-loop";
      (severe ? toast.error : toast.warning)(`${RULE_TITLES[alert.rule] ?? alert.rule}: ${alert.containerName}`, {
        id: `alert-${alert.id}`,
        description: alert.count > 1 ? `${alert.message} · ${alert.count} times so far` : alert.message,
        duration: 15_000,
        action: { label: "Open alerts", onClick: () => router.push("/alerts") },
      });
    };
    const onChanged = ({ firing }: { firing: number }) => {
      qc.setQueryData<AlertsList>(alertKeys.list("firing"), (old) => (old ? { ...old, firing } : old));
      void qc.invalidateQueries({ queryKey: alertKeys.all });
    };
    // Pushes sent while disconnected are lost: catch up after a reconnect.
    const onConnect = () => {
      if (connectedBefore) void qc.invalidateQueries({ queryKey: alertKeys.all });
      connectedBefore = true;
    };

    socket.on("alert:fired", onFired);
    socket.on("alerts:changed", onChanged);
    socket.on("connect", onConnect);
    return () => {
      socket.off("alert:fired", onFired);
      socket.off("alerts:changed", onChanged);
      socket.off("connect", onConnect);
    };
  }, [qc, router]);
}
