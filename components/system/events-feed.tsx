"use client";

import { Pause, Play, Trash2 } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { getSocket } from "@/components/socket/socket-client";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { Table, TableFrame, Td, Th } from "@/components/ui/table";
import type { SystemEventsPush } from "@/lib/socket-events";
import type { DockerEventWire } from "@/lib/wire";
import { baseAction, isExecEvent, matchesEventFilter } from "./event-filters";

/** The feed keeps this many events; older ones drop off (the server keeps its own bounded backlog). */
const MAX_EVENTS = 500;
const TYPE_TONE: Record<string, BadgeTone> = { container: "blue", image: "violet", network: "green", volume: "amber" };
const TIME = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** Live Docker events (container, image, network, volume), newest first, filterable and pausable. */
export function EventsFeed({ engine }: { engine: string }) {
  const [events, setEvents] = useState<DockerEventWire[]>([]);
  const [paused, setPaused] = useState(false);
  const [type, setType] = useState("all");
  const [action, setAction] = useState("all");
  // Health checks are execs: hidden by default, they would fill the feed every few seconds.
  const [showExec, setShowExec] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Pushes that arrive while paused wait here; state, so the "N waiting" badge counts them as they come.
  const [held, setHeld] = useState<DockerEventWire[]>([]);
  // Read by the push handler, which lives as long as the subscription; set where `paused` is.
  const pausedRef = useRef(paused);
  const pause = () => {
    pausedRef.current = true;
    setPaused(true);
  };

  useEffect(() => {
    const socket = getSocket();
    const add = (list: readonly DockerEventWire[]) => setEvents((cur) => [...list].reverse().concat(cur).slice(0, MAX_EVENTS));
    const onPush = (p: SystemEventsPush) => {
      if (p.engine !== engine) return;
      if (pausedRef.current) {
        setHeld((h) => h.concat(p.events).slice(-MAX_EVENTS));
        return;
      }
      add(p.events);
    };
    const subscribe = () =>
      socket.emit("system:events-subscribe", { engine }, (res) => {
        if (res.ok) {
          setError(null);
          setEvents((cur) => {
            const seen = new Set(cur.map((e) => e.key));
            return [...res.data.events]
              .reverse()
              .filter((e) => !seen.has(e.key))
              .concat(cur)
              .sort((a, b) => (a.key < b.key ? 1 : -1))
              .slice(0, MAX_EVENTS);
          });
        } else setError(res.error.message);
      });
    socket.on("system:events", onPush);
    socket.on("connect", subscribe);
    if (socket.connected) subscribe();
    return () => {
      socket.off("system:events", onPush);
      socket.off("connect", subscribe);
      socket.emit("system:events-unsubscribe", { engine }, () => undefined);
    };
  }, [engine]);

  const resume = () => {
    pausedRef.current = false;
    setPaused(false);
    setHeld([]);
    setEvents((cur) => [...held].reverse().concat(cur).slice(0, MAX_EVENTS));
  };

  const actions = useMemo(() => [...new Set(events.filter((e) => showExec || !isExecEvent(e)).map((e) => baseAction(e.action)))].sort(), [events, showExec]);
  const shown = events.filter((e) => matchesEventFilter(e, { type, action, showExec }));
  const hiddenExec = showExec ? 0 : events.filter(isExecEvent).length;

  return (
    <section data-testid="events-feed">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h2 className="mr-auto text-[13px] font-semibold text-fg">Live events {paused && <Badge tone="amber">paused · {held.length} waiting</Badge>}</h2>
        <div className="w-40">
          <Select aria-label="Event type" value={type} onChange={(e) => setType(e.target.value)} data-testid="events-type">
            <option value="all">All types</option>
            <option value="container">Containers</option>
            <option value="image">Images</option>
            <option value="network">Networks</option>
            <option value="volume">Volumes</option>
          </Select>
        </div>
        <div className="w-40">
          <Select aria-label="Event action" value={action} onChange={(e) => setAction(e.target.value)} data-testid="events-action">
            <option value="all">All actions</option>
            {actions.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </Select>
        </div>
        <Button
          variant={showExec ? "secondary" : "ghost"}
          size="sm"
          aria-pressed={showExec}
          onClick={() => {
            setShowExec(!showExec);
            if (showExec && action.startsWith("exec_")) setAction("all");
          }}
          data-testid="events-show-exec"
          title="Docker runs each health check as an exec: exec_create, exec_start and exec_die every interval"
        >
          {showExec ? "Hide exec events" : `Show exec events${hiddenExec ? ` (${hiddenExec})` : ""}`}
        </Button>
        <Button variant="secondary" size="sm" onClick={() => (paused ? resume() : pause())} data-testid="events-pause">
          {paused ? <Play /> : <Pause />} {paused ? "Resume" : "Pause"}
        </Button>
        <Button variant="ghost" size="sm" onClick={() => setEvents([])}>
          <Trash2 /> Clear
        </Button>
      </div>
      {error && <p className="mb-2 text-[13px] text-danger">{error}</p>}
      <TableFrame className="max-h-96 overflow-y-auto">
        <Table>
          <thead className="sticky top-0">
            <tr>
              <Th>Time</Th>
              <Th>Type</Th>
              <Th>Action</Th>
              <Th>Object</Th>
              <Th className="hidden lg:table-cell">Details</Th>
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 && (
              <tr>
                <Td colSpan={5} className="py-6 text-center text-muted">
                  {events.length === 0
                    ? "Waiting for events… start, stop or create something."
                    : hiddenExec === events.length
                      ? "Only health-check exec events so far; they are hidden."
                      : "No events match the filters."}
                </Td>
              </tr>
            )}
            {shown.map((e) => (
              <tr key={e.key} data-testid="event-row" data-type={e.type} data-action={e.action}>
                <Td className="whitespace-nowrap text-muted tabular" title={e.time}>
                  {TIME.format(Date.parse(e.time))}
                </Td>
                <Td>
                  <Badge tone={TYPE_TONE[e.type] ?? "grey"}>{e.type}</Badge>
                </Td>
                <Td className="font-medium">{e.action}</Td>
                <Td className="max-w-[16rem] truncate font-mono text-xs" title={e.id}>
                  {e.name ?? e.id.slice(0, 12)}
                </Td>
                <Td className="hidden max-w-[28rem] truncate text-xs text-muted lg:table-cell">
                  {Object.entries(e.attributes)
                    .filter(([k]) => k !== "name")
                    .slice(0, 4)
                    .map(([k, v]) => `${k}=${v}`)
                    .join("  ")}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </TableFrame>
    </section>
  );
}
