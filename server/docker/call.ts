import type Docker from "dockerode";
import type { Engine } from "./engines";
import { toEngineError } from "./errors";

/**
 * The one way server/docker talks to an engine: runs a client call, tells the engine when a failure
 * suggests it went away (its health probe re-checks at once), and maps Docker's errors to EngineError.
 */
export async function call<T>(engine: Engine, fn: (docker: Docker) => Promise<T>): Promise<T> {
  try {
    return await fn(engine.docker);
  } catch (e) {
    throw engineFailure(engine, e);
  }
}

/** For callback- and stream-style calls that cannot go through `call`: records and maps one failure. */
export function engineFailure(engine: Engine, e: unknown): Error {
  engine.noteFailure(e);
  return toEngineError(e, engine.id);
}
