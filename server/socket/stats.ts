import { randomUUID } from "node:crypto";
import { statsSubscribeSchema, subscriptionSchema } from "@/lib/schemas";
import { HttpError, notFound } from "@/server/http/errors";
import { containerFacts } from "@/server/docker/container-facts";
import type { Runtime } from "@/server/runtime";
import { authorize } from "@/server/auth/authorize";
import { isScoped } from "@/server/auth/scope";
import { resolveTarget, scopeLabels } from "@/server/auth/scope-resolve";
import { withAck, type BerthServer, type BerthSocket } from "./with-ack";

const TICK_MS = 1_000;
const MAX_SUBSCRIPTIONS_PER_SOCKET = 8;

interface StatsSubscription {
  id: string;
  socket: BerthSocket;
  engine: string;
  /** Full container ids, or null for every container (a scoped principal's view: see `allow`). */
  containers: Set<string> | null;
  /** For a scoped principal watching every container: whether a container is in its scope. */
  allow?: (container: string) => boolean;
}

/**
 * The subscription id every "all containers" view of an engine shares: their pushes are identical,
 * so they go out as one room broadcast that socket.io encodes once, whatever the number of clients.
 */
export const everyContainerSubscription = (engine: string) => `all:${engine}`;
/** The room of the sockets that follow every container of an engine. */
export const statsRoom = (engine: string) => `stats:${engine}`;

/**
 * Fans the collectors' samples out: once a second, each subscription gets one push with the
 * newest sample of each container it watches — one message per interval per client, whatever
 * the number of containers, and never a second upstream stream. "All containers" views of an
 * engine share one room and one broadcast; views of chosen containers get their own push.
 */
export class StatsBroadcaster {
  private readonly subs = new Map<string, StatsSubscription>();
  /** Per engine: socket id → how many of its views follow every container (one socket may hold several). */
  private readonly everyContainer = new Map<string, Map<string, number>>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly rt: Runtime,
    private readonly io: BerthServer,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  add(sub: StatsSubscription): void {
    this.subs.set(sub.id, sub);
  }

  remove(id: string): boolean {
    return this.subs.delete(id);
  }

  /** A view of every container of `engine` on this socket; returns the shared subscription id. */
  addEveryContainer(socket: BerthSocket, engine: string): string {
    const sockets = this.everyContainer.get(engine) ?? new Map<string, number>();
    this.everyContainer.set(engine, sockets);
    sockets.set(socket.id, (sockets.get(socket.id) ?? 0) + 1);
    void socket.join(statsRoom(engine));
    return everyContainerSubscription(engine);
  }

  /** Ends one such view (`all` of them when the socket goes); the socket leaves the room with its last one. */
  removeEveryContainer(socket: BerthSocket, engine: string, all = false): boolean {
    const sockets = this.everyContainer.get(engine);
    const n = sockets?.get(socket.id);
    if (!sockets || !n) return false;
    if (n > 1 && !all) sockets.set(socket.id, n - 1);
    else {
      sockets.delete(socket.id);
      if (sockets.size === 0) this.everyContainer.delete(engine);
      void socket.leave(statsRoom(engine));
    }
    return true;
  }

  /** Sockets that follow every container of an engine right now (for tests). */
  everyContainerSockets(engine: string): number {
    return this.everyContainer.get(engine)?.size ?? 0;
  }

  /** One tick's pushes; public for tests (the timer calls it once a second). */
  tick(): void {
    if (!this.subs.size && !this.everyContainer.size) return; // samples stay fresh until someone watches: nothing is built for nobody
    const fresh = new Map([...this.rt.stats].map(([engine, c]) => [engine, c.takeFresh()]));
    for (const [engine, samples] of fresh) {
      if (samples.length && this.everyContainer.has(engine))
        this.io.to(statsRoom(engine)).emit("stats:samples", { subscription: everyContainerSubscription(engine), samples });
    }
    for (const sub of this.subs.values()) {
      let samples = fresh.get(sub.engine);
      if (!samples?.length) continue;
      if (sub.containers) samples = samples.filter((s) => sub.containers!.has(s.container));
      if (sub.allow) samples = samples.filter((s) => sub.allow!(s.container));
      if (samples.length) sub.socket.emit("stats:samples", { subscription: sub.id, samples });
    }
  }
}

/** `stats:subscribe` (viewer and up) / `stats:unsubscribe`; subscriptions end with the socket. */
export function registerStatsHandlers(_io: BerthServer, socket: BerthSocket, rt: Runtime, broadcaster: StatsBroadcaster): void {
  /** Views of chosen containers, by subscription id. */
  const mine = new Set<string>();
  /** Views of every container, per engine (they share the engine's subscription id). */
  const everyContainer = new Map<string, number>();
  const count = () => mine.size + [...everyContainer.values()].reduce((a, n) => a + n, 0);

  socket.on(
    "stats:subscribe",
    withAck(rt, socket, "containers:stats", statsSubscribeSchema, async (req, user) => {
      if (count() >= MAX_SUBSCRIPTIONS_PER_SOCKET)
        throw new HttpError(429, "too_many_subscriptions", `At most ${MAX_SUBSCRIPTIONS_PER_SOCKET} stats views per connection`);
      const engine = await rt.engines.reachable(req.engine);
      const collector = rt.stats.get(engine.id);
      if (!collector) throw notFound(`No stats for engine "${engine.id}"`);
      // Named containers outside the scope answer 404; a scoped principal's "every container" is
      // its own subscription narrowed to the scope at each tick (the shared room carries everything).
      if (req.containers)
        for (const container of req.containers) authorize(user, "containers:stats", await resolveTarget(rt, user, { engine: engine.id, container }));
      const labels = scopeLabels(rt);
      if (isScoped(user.scope)) await labels.refresh(engine.id);
      const allow = isScoped(user.scope) ? (c: string) => labels.visible(user.scope, engine.id, c) : undefined;
      const ids = req.containers ? await Promise.all(req.containers.map(async (ref) => (await containerFacts(engine, ref)).id)) : null;
      let id: string;
      if (ids || allow) {
        id = randomUUID();
        broadcaster.add({ id, socket, engine: engine.id, containers: ids ? new Set(ids) : null, ...(allow ? { allow } : {}) });
        mine.add(id);
      } else {
        id = broadcaster.addEveryContainer(socket, engine.id);
        everyContainer.set(engine.id, (everyContainer.get(engine.id) ?? 0) + 1);
      }
      const since = Date.now() - req.backlogSeconds * 1000;
      const all = ids ? ids.flatMap((c) => collector.recent(c, since)) : collector.latest().flatMap((s) => collector.recent(s.container, since));
      const backlog = allow ? all.filter((s) => allow(s.container)) : all;
      return { subscription: id, containers: ids ?? [], backlog };
    }),
  );

  socket.on(
    "stats:unsubscribe",
    withAck(rt, socket, "containers:stats", subscriptionSchema, async ({ subscription }) => {
      const engine = [...everyContainer.keys()].find((e) => everyContainerSubscription(e) === subscription);
      if (engine) {
        const n = everyContainer.get(engine)!;
        if (n > 1) everyContainer.set(engine, n - 1);
        else everyContainer.delete(engine);
        broadcaster.removeEveryContainer(socket, engine);
        return null;
      }
      if (!mine.delete(subscription) || !broadcaster.remove(subscription)) throw notFound("No such stats subscription");
      return null;
    }),
  );

  socket.on("disconnect", () => {
    for (const id of mine) broadcaster.remove(id);
    for (const engine of everyContainer.keys()) broadcaster.removeEveryContainer(socket, engine, true);
    mine.clear();
    everyContainer.clear();
  });
}
