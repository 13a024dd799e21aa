import { describe, expect, it, vi } from "vitest";
import type { ContainersChangedPush } from "@/lib/socket-events";
import { containerEvents, type ContainerEvent } from "./container-events";
import { FakeEngine, fakeStream } from "./test-fakes";

const opened: { since?: number; stream: ReturnType<typeof fakeStream> }[] = [];
vi.mock("@/server/docker/events", () => ({
  openEventStream: vi.fn(async (_engine: unknown, since?: number) => {
    const stream = fakeStream();
    opened.push({ since, stream });
    return stream;
  }),
}));

const { EventsHub } = await import("./events-hub");

const T1 = 1_764_756_000_000_000_000; // exactly representable as a double, like the timeNano values JSON gives
const T2 = T1 + 2_000_000_000;
const event = (timeNano: number, action: string, id: string) =>
  JSON.stringify({ Type: "container", Action: action, Actor: { ID: id, Attributes: { name: id } }, timeNano }) + "\n";

describe("EventsHub (the one events stream of an engine)", () => {
  it("re-opens a stream that ended with since=<last event>, drops the replayed events and asks for a full refetch", async () => {
    const engine = new FakeEngine();
    const pushes: ContainersChangedPush[] = [];
    const hub = new EventsHub(engine.asEngine(), { containersChanged: (p) => pushes.push(p), resourcesChanged: () => {}, engineStatus: () => {} });
    const seen: ContainerEvent[] = [];
    const onEvent = (e: ContainerEvent) => seen.push(e);
    containerEvents.on("event", onEvent);
    const raw: unknown[] = [];
    hub.onEvent((e) => raw.push(e));
    try {
      hub.start();
      await vi.waitFor(() => expect(opened).toHaveLength(1));
      expect(opened[0]!.since).toBeUndefined();
      opened[0]!.stream.write(event(T1, "start", "a"));
      await vi.waitFor(() => expect(pushes).toEqual([{ engine: "local", ids: ["a"], actions: ["start"] }]));

      // The daemon restarts: the stream ends without a word.
      opened[0]!.stream.end();
      await vi.waitFor(() => expect(opened).toHaveLength(2), { timeout: 2_000 });
      expect(opened[1]!.since).toBe(T1 / 1e9);
      // Docker replays the event at `since`, then what is new.
      opened[1]!.stream.write(event(T1, "start", "a") + event(T2, "die", "a"));
      await vi.waitFor(() => expect(seen.map((e) => e.action)).toEqual(["start", "die"]));
      expect(raw).toHaveLength(2);
      await vi.waitFor(() => expect(pushes.at(-1)).toEqual({ engine: "local", ids: [], actions: ["die"] }));
    } finally {
      containerEvents.off("event", onEvent);
      hub.stop();
    }
  });

  it("closes the stream while the engine is unreachable and re-opens it when it returns", async () => {
    opened.length = 0;
    const engine = new FakeEngine();
    const statuses: boolean[] = [];
    const hub = new EventsHub(engine.asEngine(), { containersChanged: () => {}, resourcesChanged: () => {}, engineStatus: (s) => statuses.push(s.reachable) });
    hub.start();
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    engine.setReachable(false);
    expect(opened[0]!.stream.destroyed).toBe(true);
    engine.setReachable(true);
    await vi.waitFor(() => expect(opened).toHaveLength(2));
    expect(statuses).toEqual([false, true]);
    hub.stop();
    expect(opened[1]!.stream.destroyed).toBe(true);
  });
});
