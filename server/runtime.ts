import type { SessionEndReason } from "@/lib/socket-events";
import type { Config } from "./config";
import type { EngineRegistry } from "./docker/engines";
import type { Db } from "./store/db";
import type { FailureLimiter } from "./auth/rate-limit";
import type { StatsHistory } from "./stats/history";
import type { AlertService } from "./alerts/service";
import type { StatsCollector } from "./streams/stats-collector";
import type { ScopeLabels } from "./auth/scope-resolve";

/**
 * Process-wide singletons. Next bundles route handlers apart from the custom server's modules,
 * so a module-level singleton could exist twice; one object on globalThis cannot.
 */
export interface Runtime {
  config: Config;
  db: Db;
  engines: EngineRegistry;
  loginLimiter: FailureLimiter;
  history: StatsHistory;
  /** One stats collector per engine id; set by the custom server once the hubs run. */
  stats: Map<string, StatsCollector>;
  /** Set by the custom server; route handlers ask it to reload rules after an edit. */
  alerts?: AlertService;
  /** Container labels per engine for filtering pushes to scoped users (server/auth/scope-resolve.ts); created on first use. */
  scopeLabels?: ScopeLabels;
  /** Ends the socket.io connections of a session that was signed out. Set by the socket layer. */
  endSocketsOfSession?: (sessionToken: string) => void;
  /** Ends every socket.io connection of a user, telling each why first. Set by the socket layer. */
  endSocketsOfUser?: (userId: number, reason: SessionEndReason) => void;
}

const KEY = Symbol.for("berth.runtime");
type Holder = { [KEY]?: Runtime };

export function setRuntime(rt: Runtime): void {
  (globalThis as Holder)[KEY] = rt;
}

/** The runtime the custom server created. Route handlers and server components call this. */
export function runtime(): Runtime {
  const rt = (globalThis as Holder)[KEY];
  if (!rt) throw new Error("Berth runtime is not initialised: start Berth with `npm start` (server/index.ts), not `next start`");
  return rt;
}
