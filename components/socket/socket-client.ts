import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/socket-events";

export type BerthSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type ConnectionStatus = "connecting" | "connected" | "disconnected";

export interface ConnectionState {
  readonly status: ConnectionStatus;
  /** When the status last changed (ms since epoch), so banners can wait out short blips. */
  readonly since: number;
  /** The server said it is stopping (`server-shutdown`): the outage is a restart, not a network fault. Cleared on reconnect. */
  readonly restarting?: boolean;
}

/*
 * One socket per browser tab, created lazily by the signed-in shell (the login page must not
 * open one: the handshake needs a session). The connection state is UI state, not server data,
 * so it lives here in a tiny external store rather than in TanStack Query.
 */
let socket: BerthSocket | null = null;
let state: ConnectionState = { status: "connecting", since: Date.now() };
const listeners = new Set<() => void>();

function setStatus(status: ConnectionStatus): void {
  if (state.status === status) return;
  // A restart announced by the server stays the explanation until we are connected again.
  state = { status, since: Date.now(), ...(state.restarting && status !== "connected" ? { restarting: true } : {}) };
  for (const l of listeners) l();
}

function setRestarting(): void {
  state = { ...state, restarting: true };
  for (const l of listeners) l();
}

export function getSocket(): BerthSocket {
  if (socket) return socket;
  // Short reconnect delays: after a Berth restart the on-call person should not wait long for live data.
  const s: BerthSocket = io({ path: "/socket.io", withCredentials: true, autoConnect: false, reconnectionDelay: 500, reconnectionDelayMax: 3_000 });
  s.on("connect", () => setStatus("connected"));
  s.on("server-shutdown", () => setRestarting());
  s.on("disconnect", (reason) => {
    setStatus("disconnected");
    // The server closed us on purpose (restart, SIGTERM): socket.io does not retry that case by itself.
    if (reason === "io server disconnect") setTimeout(() => s.connect(), 1_000);
  });
  s.on("connect_error", () => setStatus("disconnected"));
  s.io.on("reconnect_attempt", () => {
    if (state.status !== "connected") setStatus("disconnected");
  });
  socket = s;
  return s;
}

/** Closes the connection for good (sign-out); the next shell mount starts a fresh one. */
export function closeSocket(): void {
  socket?.removeAllListeners();
  socket?.disconnect();
  socket = null;
  state = { status: "connecting", since: Date.now() };
  for (const l of listeners) l();
}

export function subscribeConnection(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getConnectionState(): ConnectionState {
  return state;
}

const SERVER_STATE: ConnectionState = { status: "connecting", since: 0 };
export function getServerConnectionState(): ConnectionState {
  return SERVER_STATE;
}
