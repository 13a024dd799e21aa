import type { EngineSummary } from "./wire";

/** The ack envelope every client request over the socket gets back. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export interface ContainersChangedPush {
  readonly engine: string;
  /** Container ids that changed; empty when the whole list should be refetched (e.g. after reconnect). */
  readonly ids: readonly string[];
  /** Docker event actions seen in this batch ("start", "die", ...). */
  readonly actions: readonly string[];
}

export interface ServerToClientEvents {
  "containers-changed": (push: ContainersChangedPush) => void;
  "engine-status": (engine: EngineSummary) => void;
  /** The session behind this socket ended (logout, expiry): the client should go to the login page. */
  "session-ended": () => void;
}

export interface ClientToServerEvents {
  "events:subscribe": (req: { engine: string }, ack: (res: Ack<{ engine: EngineSummary }>) => void) => void;
  "events:unsubscribe": (req: { engine: string }, ack: (res: Ack<null>) => void) => void;
}

export interface InterServerEvents {
  ping: () => void;
}
