import type { SessionEndReason } from "@/lib/socket-events";
import type { Config } from "./config";
import type { EngineRegistry } from "./docker/engines";
import type { Db } from "./store/db";
import type { FailureLimiter, LoginLimiter } from "./auth/rate-limit";
import type { StatsHistory } from "./stats/history";
import type { AlertService } from "./alerts/service";
import type { StatsCollector } from "./streams/stats-collector";
import type { SystemEventsFeed } from "./streams/system-events-feed";
import type { ScopeLabels } from "./auth/scope-resolve";

/**
 * Process-wide singletons. Next bundles route handlers apart from the custom server's modules,
 * so a module-level singleton could exist twice; one object on globalThis cannot.
 */
export interface Runtime {
  config: Config;
  db: Db;
  engines: EngineRegistry;
  loginLimiter: LoginLimiter;
  /** Attempts at /api/v1/auth/setup per client address, so the setup token cannot be guessed at speed. */
  setupLimiter: FailureLimiter;
  history: StatsHistory;
  /** One stats collector per engine id; set by the custom server once the hubs run. */
  stats: Map<string, StatsCollector>;
  /** The System page's events feed per engine id, over the engine's one events stream; set by the custom server. */
  eventFeeds: Map<string, SystemEventsFeed>;
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
const STATE_KEY = Symbol.for("berth.processState");
type StateHolder = { [STATE_KEY]?: Map<string, unknown> };

/**
 * Process-wide state that is not part of the Runtime object (caches, clocks, in-process event
 * buses), kept on globalThis for the same reason: a module-level `let` or `new Map` in server/
 * would exist once per Next bundle. `make` runs once per process per name.
 */
export function processState<T>(name: string, make: () => T): T {
  const slots = ((globalThis as StateHolder)[STATE_KEY] ??= new Map());
  if (!slots.has(name)) slots.set(name, make());
  return slots.get(name) as T;
}
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
