import type Docker from "dockerode";
import { log } from "@/server/log";
import type { Engine } from "./engines";
import { engineFailure } from "./call";
import { EngineError, isEngineError } from "./errors";

export interface CreateAndStartResult {
  container: Docker.Container;
  started: boolean;
}

/**
 * Creates a container and starts it. When the start fails (a port already taken, a missing
 * command, a bad mount), the container Docker already created is removed again, so a failed
 * "create and start" leaves nothing behind; the error says the start failed and that nothing was
 * kept. With `keepOnStartFailure` the container stays (created, not running) and the error names
 * it, for a caller that wants the user to inspect or fix it. Every place Berth creates and starts
 * a container goes through here.
 */
export async function createAndStart(
  engine: Engine,
  spec: Docker.ContainerCreateOptions,
  opts: { keepOnStartFailure?: boolean } = {},
): Promise<CreateAndStartResult> {
  let container: Docker.Container;
  try {
    container = await engine.docker.createContainer(spec);
  } catch (e) {
    throw engineFailure(engine, e);
  }
  try {
    await container.start();
    return { container, started: true };
  } catch (e) {
    const cause = engineFailure(engine, e);
    const code = isEngineError(cause) ? cause.code : "engine_error";
    const id = container.id.slice(0, 12);
    if (opts.keepOnStartFailure) {
      throw new EngineError(code, `The container ${id} was created but did not start: ${cause.message}. It was kept (state "created").`, engine.id);
    }
    let removed = true;
    try {
      await container.remove({ force: true });
    } catch (removeError) {
      if ((removeError as { statusCode?: number }).statusCode !== 404) {
        removed = false;
        log.warn({ engine: engine.id, container: container.id, err: (removeError as Error).message }, "could not remove a container whose start failed");
      }
    }
    throw new EngineError(
      code,
      removed
        ? `The container was created but did not start, so it was removed again: ${cause.message}`
        : `The container ${id} was created but did not start (${cause.message}), and removing it failed too: remove it by hand.`,
      engine.id,
    );
  }
}
