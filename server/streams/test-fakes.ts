import { EventEmitter } from "node:events";
import { PassThrough } from "node:stream";
import type { IncomingMessage } from "node:http";
import type { Engine } from "@/server/docker/engines";

/**
 * An engine as the hubs see it: an id, `reachable`, status events and a probe. The hubs' Docker
 * calls are server/docker's domain functions, which each test replaces with vi.mock.
 */
export class FakeEngine extends EventEmitter {
  reachable = true;
  readonly probe = async () => this.reachable;
  readonly noteFailure = () => {};
  constructor(readonly id = "local") {
    super();
  }
  /** Flips reachability and tells the listeners, as the health probe does. */
  setReachable(reachable: boolean): void {
    this.reachable = reachable;
    this.emit("status", { id: this.id, name: "Test engine", host: "unix:///fake", reachable });
  }
  asEngine(): Engine {
    return this as unknown as Engine;
  }
}

/** A controllable response stream (what openLogStream / openEventStream resolve to). */
export function fakeStream(): PassThrough & IncomingMessage {
  return new PassThrough() as PassThrough & IncomingMessage;
}

/** A TTY log line with Docker's timestamp prefix, as `timestamps=1` sends it. */
export const ttyLine = (second: number, text: string) => `2026-12-03T10:00:${String(second).padStart(2, "0")}.000000000Z ${text}\n`;
