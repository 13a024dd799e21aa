import { call } from "./call";
import type { Engine } from "./engines";

/** The object types Berth follows in `GET /events`: what the lists, hubs and System feed show. */
export const EVENT_TYPES = ["container", "image", "network", "volume"] as const;

/** A raw event stream: newline-separated JSON documents, ended silently when the daemon restarts. */
export type EventStream = NodeJS.ReadableStream & { destroy?: () => void };

/** Opens `GET /events` for Berth's object types, from `since` (Unix seconds, fractional allowed) when given. */
export function openEventStream(engine: Engine, since?: number): Promise<EventStream> {
  const opts: { filters: Record<string, string[]>; since?: number } = { filters: { type: [...EVENT_TYPES] } };
  if (since) opts.since = since;
  return call(engine, (d) => d.getEvents(opts) as unknown as Promise<EventStream>);
}
