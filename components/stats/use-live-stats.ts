"use client";

import { useEffect, useState } from "react";
import { getSocket } from "@/components/socket/socket-client";
import { mergeSamples } from "@/lib/stats/rates";
import type { StatsSample } from "@/lib/wire";

/** The live view keeps 15 minutes of one-second samples (and never more than this many). */
export const LIVE_WINDOW_MS = 15 * 60_000;
const LIVE_CAP = 960;

export interface LiveStats {
  readonly samples: readonly StatsSample[];
  readonly status: "subscribing" | "live" | "error";
  readonly error?: { code: string; message: string };
}

const EMPTY: readonly StatsSample[] = [];

/**
 * One container's live stats over the socket: the ack's backlog first, then the one-second
 * pushes appended. Re-subscribes after a reconnect (subscriptions end with the old connection).
 * The server pushes once a second, so each push is at most one React update per second.
 */
export function useLiveStats(engine: string, ref: string, enabled: boolean): LiveStats {
  const [state, setState] = useState<LiveStats>({ samples: EMPTY, status: "subscribing" });
  // A new subscription (another container, or live again) starts as "subscribing", keeping the
  // samples on screen: adjusted while rendering, before the effect below subscribes.
  const target = enabled ? `${engine}\n${ref}` : null;
  const [subscribedTo, setSubscribedTo] = useState(target);
  if (target !== subscribedTo) {
    setSubscribedTo(target);
    if (target !== null) setState((s) => ({ samples: s.samples, status: "subscribing" }));
  }

  useEffect(() => {
    if (!enabled) return;
    const socket = getSocket();
    let subscription: string | null = null;
    let cancelled = false;

    const subscribe = () => {
      socket.emit("stats:subscribe", { engine, containers: [ref], backlogSeconds: 900 }, (res) => {
        if (cancelled) {
          if (res.ok) socket.emit("stats:unsubscribe", { subscription: res.data.subscription }, () => undefined);
          return;
        }
        if (!res.ok) {
          setState((s) => ({ samples: s.samples, status: "error", error: res.error }));
          return;
        }
        subscription = res.data.subscription;
        setState((s) => ({ samples: mergeSamples(s.samples, res.data.backlog, Date.now() - LIVE_WINDOW_MS, LIVE_CAP), status: "live" }));
      });
    };
    const onSamples = (push: { subscription: string; samples: readonly StatsSample[] }) => {
      if (push.subscription !== subscription) return;
      setState((s) => ({ ...s, samples: mergeSamples(s.samples, push.samples, Date.now() - LIVE_WINDOW_MS, LIVE_CAP) }));
    };
    const onDisconnect = () => {
      subscription = null;
    };

    socket.on("stats:samples", onSamples);
    socket.on("connect", subscribe);
    socket.on("disconnect", onDisconnect);
    if (socket.connected) subscribe();
    else socket.connect();

    return () => {
      cancelled = true;
      socket.off("stats:samples", onSamples);
      socket.off("connect", subscribe);
      socket.off("disconnect", onDisconnect);
      if (subscription && socket.connected) socket.emit("stats:unsubscribe", { subscription }, () => undefined);
      subscription = null;
    };
  }, [engine, ref, enabled]);

  return enabled ? state : { samples: EMPTY, status: "subscribing" };
}
