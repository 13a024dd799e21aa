import { randomUUID } from "node:crypto";
import { statsSubscribeSchema, subscriptionSchema } from "@/lib/schemas";
import { HttpError, notFound } from "@/server/http/errors";
import { toHttpError } from "@/server/docker/errors";
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
  /** Full container ids, or null for every container. */
  containers: Set<string> | null;
  /** For a scoped principal watching every container: whether a container is in its scope. */
  allow?: (container: string) => boolean;
}

/**
 * Fans the collectors' samples out: once a second, each subscription gets one push with the
 * newest sample of each container it watches — one message per interval per client, whatever
 * the number of containers, and never a second upstream stream.
 */
export class StatsBroadcaster {
  private readonly subs = new Map<string, StatsSubscription>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly rt: Runtime) {}

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

  private tick() {
    if (!this.subs.size) return; // samples stay fresh until someone watches: nothing is built for nobody
    const fresh = new Map([...this.rt.stats].map(([engine, c]) => [engine, { samples: c.takeFresh(), json: undefined as string | undefined }]));
    for (const sub of this.subs.values()) {
      const batch = fresh.get(sub.engine);
      if (!batch) continue;
      let samples = sub.containers ? batch.samples.filter((s) => sub.containers!.has(s.container)) : batch.samples;
      if (sub.allow) samples = samples.filter((s) => sub.allow!(s.container));
      if (!samples.length) continue;
      if (samples === batch.samples && sub.socket.nsp.name === "/") {
        // Every "all containers" view of an engine gets the same batch: serialize it once per tick,
        // not once per client (at 200 containers and 20 viewers that is most of the fan-out's cost).
        batch.json ??= JSON.stringify(samples);
        writePreEncoded(sub.socket, encodeEvent("stats:samples", `{"subscription":${JSON.stringify(sub.id)},"samples":${batch.json}}`));
      } else sub.socket.emit("stats:samples", { subscription: sub.id, samples });
    }
  }
}

/** The text socket.io's encoder makes for a one-argument event on the default namespace ("2" is EVENT). */
export function encodeEvent(event: string, payloadJson: string): string {
  return `2[${JSON.stringify(event)},${payloadJson}]`;
}

/** Writes a packet socket.io's encoder would have made, the way its own broadcasts write pre-encoded packets. */
function writePreEncoded(socket: BerthSocket, packet: string): void {
  (socket.client as unknown as { _packet(packet: string, opts: { preEncoded: true }): void })._packet(packet, { preEncoded: true });
}

/** `stats:subscribe` (viewer and up) / `stats:unsubscribe`; subscriptions end with the socket. */
export function registerStatsHandlers(_io: BerthServer, socket: BerthSocket, rt: Runtime, broadcaster: StatsBroadcaster): void {
  const mine = new Set<string>();

  socket.on(
    "stats:subscribe",
    withAck(rt, socket, "containers:stats", statsSubscribeSchema, async (req, user) => {
      if (mine.size >= MAX_SUBSCRIPTIONS_PER_SOCKET)
        throw new HttpError(429, "too_many_subscriptions", `At most ${MAX_SUBSCRIPTIONS_PER_SOCKET} stats views per connection`);
      const engine = await rt.engines.reachable(req.engine);
      const collector = rt.stats.get(engine.id);
      if (!collector) throw notFound(`No stats for engine "${engine.id}"`);
      // Named containers outside the scope answer 404; "every container" is narrowed to the scope at each tick.
      if (req.containers)
        for (const container of req.containers) authorize(user, "containers:stats", await resolveTarget(rt, user, { engine: engine.id, container }));
      const labels = scopeLabels(rt);
      if (isScoped(user.scope)) await labels.refresh(engine.id);
      const allow = isScoped(user.scope) ? (c: string) => labels.visible(user.scope, engine.id, c) : undefined;
      const ids = req.containers
        ? await Promise.all(
            req.containers.map((ref) =>
              engine.docker
                .getContainer(ref)
                .inspect()
                .then(
                  (i) => i.Id,
                  (e) => Promise.reject(toHttpError(e, engine.id)),
                ),
            ),
          )
        : null;
      const id = randomUUID();
      broadcaster.add({ id, socket, engine: engine.id, containers: ids ? new Set(ids) : null, ...(allow ? { allow } : {}) });
      mine.add(id);
      const since = Date.now() - req.backlogSeconds * 1000;
      const all = ids ? ids.flatMap((c) => collector.recent(c, since)) : collector.latest().flatMap((s) => collector.recent(s.container, since));
      const backlog = allow ? all.filter((s) => allow(s.container)) : all;
      return { subscription: id, containers: ids ?? [], backlog };
    }),
  );

  socket.on(
    "stats:unsubscribe",
    withAck(rt, socket, "containers:stats", subscriptionSchema, async ({ subscription }) => {
      if (!mine.delete(subscription) || !broadcaster.remove(subscription)) throw notFound("No such stats subscription");
      return null;
    }),
  );

  socket.on("disconnect", () => {
    for (const id of mine) broadcaster.remove(id);
    mine.clear();
  });
}
