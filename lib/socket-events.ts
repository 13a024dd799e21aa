import type { AlertWire } from "./alerts";
import type { EngineSummary, StatsSample } from "./wire";

/** The ack envelope every client request over the socket gets back. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export interface ContainersChangedPush {
  readonly engine: string;
  /** Container ids that changed; empty when the whole list should be refetched (e.g. after reconnect). */
  readonly ids: readonly string[];
  /** Docker event actions seen in this batch ("start", "die", ...). */
  readonly actions: readonly string[];
}

export type ResourceKind = "image" | "network" | "volume";

/** Images, networks or volumes changed on an engine (pull, tag, create, remove, prune…): refetch that list. */
export interface ResourcesChangedPush {
  readonly engine: string;
  readonly kind: ResourceKind;
  readonly actions: readonly string[];
}

export interface LogLineWire {
  /** The container's 12-character short id (see the subscribe ack for names). */
  readonly container: string;
  readonly stream: "stdout" | "stderr";
  /** Docker's RFC 3339 timestamp with nanoseconds. */
  readonly ts: string;
  readonly text: string;
}

export interface LogsSubscribeAck {
  readonly subscription: string;
  readonly containers: readonly { id: string; shortId: string; name: string; tty: boolean; running: boolean; startedAt?: string }[];
}

export type LogsEndReason = "exited" | "removed" | "engine-unreachable" | "end-of-range" | "error";

/**
 * Why a session ended, as the login page explains it (`/login?reason=…`): an administrator changed the
 * user's role or password or removed the account, the user signed out elsewhere, or the server found
 * the session gone without knowing why (expired, or ended while this tab was away).
 */
export const SESSION_END_REASONS = ["role-changed", "password-changed", "deleted", "signed-out", "ended"] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

export interface ServerToClientEvents extends ImagesServerToClient {
  "logs:lines": (push: { subscription: string; lines: readonly LogLineWire[] }) => void;
  /** Lines the server had to drop for this client (it was not reading fast enough). */
  "logs:skipped": (push: { subscription: string; count: number }) => void;
  /** A container's stream ended; lines may follow again if it restarts or the engine returns. */
  "logs:ended": (push: { subscription: string; container: string; reason: LogsEndReason; message: string }) => void;
  /**
   * An incident opened, or an open one is due a reminder (at most once per re-notify interval;
   * never for silenced occurrences): toast it. The same id comes again with a higher `count`
   * and a later `lastAt`.
   */
  "alert:fired": (alert: AlertWire) => void;
  /** Alerts changed (fired, resolved, acknowledged): refetch, and show the firing count as a badge. */
  "alerts:changed": (push: { firing: number }) => void;
  /** One batched push per second per subscription: the newest sample of each container that has one. */
  "stats:samples": (push: { subscription: string; samples: readonly StatsSample[] }) => void;
  /** The backlog has been sent for every container: what follows is live. */
  "logs:live": (push: { subscription: string }) => void;
  "containers-changed": (push: ContainersChangedPush) => void;
  "engine-status": (engine: EngineSummary) => void;
  "resources-changed": (push: ResourcesChangedPush) => void;
  /** The session behind this socket ended (logout, expiry, an admin's change): the client goes to the login page and says why. */
  "session-ended": (push: { reason: SessionEndReason }) => void;
  /**
   * Berth is stopping (SIGTERM/SIGINT, e.g. a restart or an upgrade): the socket closes right after this.
   * The client says "Berth is restarting" at once instead of a generic "connection lost", and keeps reconnecting.
   */
  "server-shutdown": (push: { reason: ServerShutdownReason }) => void;
}

/** Why the server is going away; today only a signal-initiated stop, which is usually a restart. */
export type ServerShutdownReason = "restarting";

export interface LogsSubscribeRequest {
  engine: string;
  containers: string[];
  /** Unix seconds (fractional) or an RFC 3339 time. */
  since?: number | string;
  until?: number | string;
  /** Lines of backlog per container; default 1000 when neither since nor until is given. */
  tail?: number;
  stdout?: boolean;
  stderr?: boolean;
}

export interface StatsSubscribeRequest {
  engine: string;
  /** Containers to watch; omitted means every running container (the overview). */
  containers?: string[];
  /** Seconds of one-second samples to return in the ack (default 60, at most 900). */
  backlogSeconds?: number;
}

export interface StatsSubscribeAck {
  readonly subscription: string;
  /** Full ids of the watched containers (empty when watching all). */
  readonly containers: readonly string[];
  readonly backlog: readonly StatsSample[];
}

export interface ClientToServerEvents extends ImagesClientToServer {
  "stats:subscribe": (req: StatsSubscribeRequest, ack: (res: Ack<StatsSubscribeAck>) => void) => void;
  "stats:unsubscribe": (req: { subscription: string }, ack: (res: Ack<null>) => void) => void;
  "logs:subscribe": (req: LogsSubscribeRequest, ack: (res: Ack<LogsSubscribeAck>) => void) => void;
  "logs:unsubscribe": (req: { subscription: string }, ack: (res: Ack<null>) => void) => void;
  "events:subscribe": (req: { engine: string }, ack: (res: Ack<{ engine: EngineSummary }>) => void) => void;
  "events:unsubscribe": (req: { engine: string }, ack: (res: Ack<null>) => void) => void;
}

export interface InterServerEvents {
  ping: () => void;
}

/* ---- Images (pull/push progress) and the system events feed ----------------------------- */

export type ImageTransferKind = "pull" | "push";

export interface ImageTransferProgress {
  readonly operation: string;
  readonly kind: ImageTransferKind;
  readonly ref: string;
  readonly layers: readonly { id: string; phase: string; status: string; current: number; total: number }[];
  readonly current: number;
  readonly total: number;
  readonly status: string;
}

export interface ImageTransferDone {
  readonly operation: string;
  readonly kind: ImageTransferKind;
  readonly ref: string;
  readonly ok: boolean;
  /** The registry's or Docker's message when the transfer failed (even inside a 200 stream). */
  readonly error?: string;
  /** Stopped by `images:cancel` (then `ok` is false and `error` says so). */
  readonly cancelled?: boolean;
  readonly digest?: string;
  readonly status: string;
}

export interface ImageTransferRequest {
  engine: string;
  /** `image[:tag]` or `registry/image[:tag]`. */
  ref: string;
}

export interface SystemEventsPush {
  readonly engine: string;
  readonly events: readonly import("./wire").DockerEventWire[];
}

export interface ImagesServerToClient {
  /** Throttled snapshots of a pull or push started by this socket. */
  "images:progress": (push: ImageTransferProgress) => void;
  /** The pull or push ended; `ok: false` carries the error from the stream. */
  "images:done": (push: ImageTransferDone) => void;
  /** Live Docker events (container, image, network, volume) for the system page's feed. */
  "system:events": (push: SystemEventsPush) => void;
}

export interface ImagesClientToServer {
  "images:pull": (req: ImageTransferRequest, ack: (res: Ack<{ operation: string }>) => void) => void;
  "images:push": (req: ImageTransferRequest, ack: (res: Ack<{ operation: string }>) => void) => void;
  /** Stops a pull or push this connection started; its `images:done` follows with `cancelled: true`. */
  "images:cancel": (req: { operation: string }, ack: (res: Ack<null>) => void) => void;
  /** Joins the engine's event feed; the ack carries the recent backlog (bounded). */
  "system:events-subscribe": (req: { engine: string }, ack: (res: Ack<{ events: readonly import("./wire").DockerEventWire[] }>) => void) => void;
  "system:events-unsubscribe": (req: { engine: string }, ack: (res: Ack<null>) => void) => void;
}
