"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { getSocket } from "@/components/socket/socket-client";
import { StatsRings } from "@/lib/stats/ring";
import type { StatsSample } from "@/lib/wire";

/** Seconds of one-second samples kept per container for the sparklines. */
export const SPARK_SECONDS = 60;
const NOTIFY_EVERY_MS = 1_000;

/**
 * Every running container's last minute of samples, outside React. Pushes land in bounded rings;
 * subscribers (the table, the totals) are told at most once a second, so the page re-renders
 * at most once a second however many containers report.
 */
export class OverviewStatsStore {
  readonly rings = new StatsRings(SPARK_SECONDS, 10_000);
  private version = 0;
  private status: "subscribing" | "live" | "error" = "subscribing";
  private error: string | undefined;
  private readonly listeners = new Set<() => void>();
  private lastNotify = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  getVersion = (): number => this.version;

  getStatus(): { status: "subscribing" | "live" | "error"; error?: string } {
    return { status: this.status, error: this.error };
  }

  push(samples: readonly StatsSample[]): void {
    if (this.rings.push(samples)) this.schedule();
  }

  setStatus(status: "subscribing" | "live" | "error", error?: string): void {
    this.status = status;
    this.error = error;
    this.schedule(true);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(now = false): void {
    if (this.timer) return;
    const wait = now ? 0 : Math.max(0, this.lastNotify + NOTIFY_EVERY_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.lastNotify = Date.now();
      this.version++;
      for (const l of this.listeners) l();
    }, wait);
  }
}

/**
 * Subscribes to every running container's stats for the overview (with a minute of backlog for
 * the sparklines) and the containers list (no backlog: it shows only the latest numbers).
 */
export function useOverviewStatsStore(engine: string, backlogSeconds: number = SPARK_SECONDS): OverviewStatsStore {
  const [store] = useState(() => new OverviewStatsStore());

  useEffect(() => {
    const socket = getSocket();
    let subscription: string | null = null;
    let cancelled = false;
    const subscribe = () => {
      store.setStatus("subscribing");
      socket.emit("stats:subscribe", { engine, backlogSeconds }, (res) => {
        if (cancelled) {
          if (res.ok) socket.emit("stats:unsubscribe", { subscription: res.data.subscription }, () => undefined);
          return;
        }
        if (!res.ok) return store.setStatus("error", res.error.message);
        subscription = res.data.subscription;
        store.push(res.data.backlog);
        store.setStatus("live");
      });
    };
    const onSamples = (push: { subscription: string; samples: readonly StatsSample[] }) => {
      if (push.subscription === subscription) store.push(push.samples);
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
  }, [engine, store, backlogSeconds]);

  useEffect(() => () => store.dispose(), [store]);
  return store;
}

/** Re-renders the caller when the store notifies (≤ 1/s); returns the store's version. */
export function useStoreVersion(store: OverviewStatsStore): number {
  return useSyncExternalStore(store.subscribe, store.getVersion, store.getVersion);
}
