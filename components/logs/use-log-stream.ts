"use client";

import { useEffect, useMemo, useState } from "react";
import { getSocket } from "@/components/socket/socket-client";
import { LogStore } from "@/lib/logs/log-store";
import { sinceForKey } from "@/lib/logs/timestamps";
import { resolveRange, subscriptionBounds, type LogViewState, type ResolvedRange } from "@/lib/logs/url-state";
import type { Ack, LogLineWire, LogsEndReason, LogsSubscribeAck, LogsSubscribeRequest } from "@/lib/socket-events";

export type StreamConfig = Pick<LogViewState, "engine" | "containers" | "range" | "since" | "until" | "tail" | "streams">;

export type AckContainer = LogsSubscribeAck["containers"][number];

export interface StreamInfo {
  /** The containers as the server resolved them (names, short ids, start times). */
  readonly containers: readonly AckContainer[];
  /** The time bounds asked for, resolved to Unix seconds when the view opened. */
  readonly range: ResolvedRange;
}

/** How far before the newest line held a re-subscription starts: covers lines still in flight
 *  from quieter containers when the connection dropped. The store drops the overlap. */
const RESUME_MARGIN_S = 2;
const ACK_TIMEOUT_MS = 15_000;

/**
 * Asks for a subscription. `onAck` runs inside the ack callback itself, before any packet that
 * came after it: over HTTP long-polling the ack and the first pushes arrive in one payload and are
 * dispatched in one go, so a caller that learned its id only after `await` would drop them.
 */
function subscribe(req: LogsSubscribeRequest, onAck?: (ack: LogsSubscribeAck) => void): Promise<LogsSubscribeAck> {
  return new Promise((resolve, reject) => {
    getSocket()
      .timeout(ACK_TIMEOUT_MS)
      .emit("logs:subscribe", req, (err: Error | null, res: Ack<LogsSubscribeAck>) => {
        if (err) reject(new Error("The server did not answer the subscription in time"));
        else if (!res.ok) reject(new Error(res.error.message));
        else {
          onAck?.(res.data);
          resolve(res.data);
        }
      });
  });
}

function unsubscribe(subscription: string): void {
  const socket = getSocket();
  if (socket.connected) socket.emit("logs:unsubscribe", { subscription }, () => {});
}

/** The earliest start among the containers: "since container start" of a merged view covers them all. */
function earliestStart(containers: readonly AckContainer[]): string | undefined {
  const starts = containers.map((c) => c.startedAt).filter((s): s is string => !!s);
  return starts.sort()[0];
}

/**
 * Subscribes a view to its containers' logs and feeds the pushes into a LogStore (one per config:
 * a new selection or range starts from an empty store). On reconnect it re-subscribes from just
 * before the newest line held, and the store drops the overlap, so lines are neither lost nor
 * doubled. Unsubscribes on unmount or when the config changes.
 */
export function useLogStream(config: StreamConfig): { store: LogStore; info: StreamInfo | null } {
  const key = JSON.stringify([config.engine, config.containers, config.range, config.since, config.until, config.tail, config.streams]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key is the config
  const store = useMemo(() => new LogStore(), [key]);
  const [info, setInfo] = useState<{ key: string; info: StreamInfo } | null>(null);

  useEffect(() => {
    if (config.containers.length === 0) return;
    const socket = getSocket();
    let current: string | null = null;
    let disposed = false;
    let range: ResolvedRange | null = null;
    let ackContainers: readonly AckContainer[] = [];
    let sawLive = false;
    let attempt = 0;
    const streams = { stdout: config.streams !== "stderr", stderr: config.streams !== "stdout" };
    const base = { engine: config.engine, containers: [...config.containers], ...streams };

    const onLines = (p: { subscription: string; lines: readonly LogLineWire[] }) => {
      if (p.subscription === current) store.addLines(p.lines);
    };
    const onSkipped = (p: { subscription: string; count: number }) => {
      if (p.subscription === current) store.addSkipped(p.count);
    };
    const onEnded = (p: { subscription: string; container: string; reason: LogsEndReason; message: string }) => {
      if (p.subscription !== current) return;
      store.addEnded(p.container, p.reason, p.message);
      if (p.reason === "end-of-range" && store.phase !== "live") store.setPhase("live");
    };
    const onLive = (p: { subscription: string }) => {
      if (p.subscription !== current) return;
      store.setPhase("live");
      if (sawLive) return;
      sawLive = true;
      // A stopped container sends no end push (nothing ends while we watch): say so once.
      for (const c of ackContainers) if (!c.running && !store.ended.has(c.shortId)) store.addEnded(c.shortId, "not-running", "");
    };

    const open = async () => {
      const mine = ++attempt;
      const stale = () => disposed || mine !== attempt;
      store.setPhase("connecting");
      try {
        let req: LogsSubscribeRequest;
        const newest = range ? store.beginResume() : undefined;
        if (range && newest) {
          // Resume: from just before what is held, up to the same end; no tail (it would cut the overlap).
          const since = Math.max(range.since ?? 0, sinceForKey(newest, RESUME_MARGIN_S));
          req = { ...base, since, ...(range.until !== undefined ? { until: range.until } : {}) };
        } else {
          if (!range) {
            let startedAt: string | undefined;
            if (config.range === "start") {
              // The start time comes with a subscription's ack: ask for nothing, read it, let go.
              const probe = await subscribe({ ...base, tail: 0 });
              unsubscribe(probe.subscription);
              if (stale()) return;
              startedAt = earliestStart(probe.containers);
            }
            range = resolveRange(config, Date.now(), startedAt);
          }
          req = { ...base, ...subscriptionBounds(range, config.tail) };
        }
        const ack = await subscribe(req, (a) => {
          if (stale()) return;
          current = a.subscription;
          ackContainers = a.containers;
          if (store.phase === "connecting") store.setPhase("backlog");
        });
        if (stale()) return unsubscribe(ack.subscription);
        setInfo({ key, info: { containers: ack.containers, range: range! } });
      } catch (e) {
        if (stale()) return;
        store.setPhase("error", (e as Error).message);
      }
    };

    const onConnect = () => {
      // Everything ended with the range: a reconnect has nothing to add.
      const complete = range?.until !== undefined && store.ended.size > 0 && [...store.ended.values()].every((r) => r === "end-of-range");
      if (!complete) void open();
    };
    const onDisconnect = () => {
      current = null;
      attempt++;
      if (store.phase !== "error") store.setPhase("connecting");
    };

    socket.on("logs:lines", onLines);
    socket.on("logs:skipped", onSkipped);
    socket.on("logs:ended", onEnded);
    socket.on("logs:live", onLive);
    socket.on("connect", onConnect);
    socket.on("disconnect", onDisconnect);
    if (socket.connected) void open();
    else socket.connect();

    return () => {
      disposed = true;
      socket.off("logs:lines", onLines);
      socket.off("logs:skipped", onSkipped);
      socket.off("logs:ended", onEnded);
      socket.off("logs:live", onLive);
      socket.off("connect", onConnect);
      socket.off("disconnect", onDisconnect);
      if (current) unsubscribe(current);
      store.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key is the config
  }, [store, key]);

  return { store, info: info?.key === key ? info.info : null };
}
