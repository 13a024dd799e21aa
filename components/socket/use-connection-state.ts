"use client";

import { useSyncExternalStore } from "react";
import { getConnectionState, getServerConnectionState, subscribeConnection, type ConnectionState } from "./socket-client";

/** The live socket connection status (connecting / connected / disconnected). */
export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(subscribeConnection, getConnectionState, getServerConnectionState);
}
