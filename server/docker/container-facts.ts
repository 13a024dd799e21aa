import { call } from "./call";
import type { Engine } from "./engines";
import { isNotFoundError } from "./errors";

const COMPOSE_PROJECT = "com.docker.compose.project";

/** What the hubs, stats and alerts need to know about one container (from one inspect). */
export interface ContainerFacts {
  id: string;
  name: string;
  image: string;
  tty: boolean;
  running: boolean;
  exitCode: number;
  restartCount: number;
  /** Absent for a container that never started. */
  startedAt?: string;
  /** `com.docker.compose.project`, when the container belongs to a compose project. */
  project?: string;
}

/** One row of the full container list, as the hubs and alerts read it. */
export interface ListedContainer {
  id: string;
  name: string;
  image: string;
  /** Docker's state word: running, exited, created, paused, restarting, removing, dead. */
  state: string;
  /** Docker's status text ("Up 5 minutes (unhealthy)", "Exited (1) 2 minutes ago"). */
  status: string;
  project?: string;
}

/** Inspects a container by id, name or id prefix; fails with EngineError `not_found` when there is none. */
export async function containerFacts(engine: Engine, ref: string): Promise<ContainerFacts> {
  const info = await call(engine, (d) => d.getContainer(ref).inspect());
  const project = info.Config?.Labels?.[COMPOSE_PROJECT];
  return {
    id: info.Id,
    name: info.Name.replace(/^\//, ""),
    image: info.Config?.Image ?? info.Image,
    tty: !!info.Config?.Tty,
    running: info.State.Running,
    exitCode: info.State.ExitCode,
    restartCount: info.RestartCount,
    ...(info.State.StartedAt && !info.State.StartedAt.startsWith("0001") ? { startedAt: info.State.StartedAt } : {}),
    ...(project ? { project } : {}),
  };
}

/** Like containerFacts, but null when the container does not exist (other failures still throw). */
export async function findContainer(engine: Engine, ref: string): Promise<ContainerFacts | null> {
  try {
    return await containerFacts(engine, ref);
  } catch (e) {
    if (isNotFoundError(e)) return null;
    throw e;
  }
}

/** Every container of the engine, running or not (the cheap list: no sizes). */
export async function listAllContainers(engine: Engine): Promise<ListedContainer[]> {
  const all = await call(engine, (d) => d.listContainers({ all: true }));
  return all.map((c) => ({
    id: c.Id,
    name: (c.Names?.[0] ?? c.Id).replace(/^\//, ""),
    image: c.Image,
    state: c.State,
    status: c.Status ?? "",
    ...(c.Labels?.[COMPOSE_PROJECT] ? { project: c.Labels[COMPOSE_PROJECT] } : {}),
  }));
}
