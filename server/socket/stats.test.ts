import { afterEach, describe, expect, it, vi } from "vitest";
import type { StatsSample } from "@/lib/wire";
import type { Runtime } from "@/server/runtime";
import type { StatsCollector } from "@/server/streams/stats-collector";
import { socketHarness } from "./socket-harness";
import { everyContainerSubscription, StatsBroadcaster } from "./stats";
import type { BerthSocket } from "./with-ack";

const sample = (container: string): StatsSample => ({
  container,
  ts: "2026-12-03T06:00:00.000Z",
  cpuPercent: 0.125,
  memUsage: 4096,
  memLimit: 0,
  netRx: 1,
  netTx: 2,
  blkRead: 0,
  blkWrite: 0,
  pids: 3,
});

/** A runtime whose only collector hands out `fresh` once per tick. */
function fakeRuntime(fresh: () => StatsSample[]): Runtime {
  return { stats: new Map([["local", { takeFresh: fresh } as unknown as StatsCollector]]) } as unknown as Runtime;
}

type Harness = Awaited<ReturnType<typeof socketHarness>>;
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe("StatsBroadcaster (the stats fan-out)", () => {
  it("sends every 'all containers' view of an engine one room broadcast, encoded once for all clients", async () => {
    const sockets: BerthSocket[] = [];
    harness = await socketHarness((s) => sockets.push(s));
    const broadcaster = new StatsBroadcaster(
      fakeRuntime(() => [sample("a"), sample("b")]),
      harness.io,
    );
    const clients = await Promise.all([harness.client(), harness.client(), harness.client()]);
    await vi.waitFor(() => expect(sockets).toHaveLength(3));
    for (const s of sockets) expect(broadcaster.addEveryContainer(s, "local")).toBe(everyContainerSubscription("local"));
    const got = clients.map((c) => new Promise<unknown>((r) => c.once("stats:samples", r)));
    const encode = vi.spyOn(harness.io.encoder, "encode");
    broadcaster.tick();
    const pushes = await Promise.all(got);
    expect(encode).toHaveBeenCalledTimes(1);
    for (const p of pushes) expect(p).toEqual({ subscription: "all:local", samples: [sample("a"), sample("b")] });
  });

  it("keeps a socket in the room until its last 'all containers' view ends, and gives chosen containers their own push", async () => {
    const sockets: BerthSocket[] = [];
    harness = await socketHarness((s) => sockets.push(s));
    const broadcaster = new StatsBroadcaster(
      fakeRuntime(() => [sample("a"), sample("b")]),
      harness.io,
    );
    const client = await harness.client();
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    const [socket] = sockets as [BerthSocket];
    broadcaster.addEveryContainer(socket, "local");
    broadcaster.addEveryContainer(socket, "local");
    broadcaster.add({ id: "one", socket, engine: "local", containers: new Set(["b"]) });
    expect(broadcaster.removeEveryContainer(socket, "local")).toBe(true);
    expect(socket.rooms.has("stats:local")).toBe(true);

    const seen: unknown[] = [];
    client.on("stats:samples", (p) => seen.push(p));
    broadcaster.tick();
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen).toContainEqual({ subscription: "all:local", samples: [sample("a"), sample("b")] });
    expect(seen).toContainEqual({ subscription: "one", samples: [sample("b")] });

    expect(broadcaster.removeEveryContainer(socket, "local")).toBe(true);
    expect(socket.rooms.has("stats:local")).toBe(false);
    expect(broadcaster.everyContainerSockets("local")).toBe(0);
    expect(broadcaster.removeEveryContainer(socket, "local")).toBe(false);
  });
});
