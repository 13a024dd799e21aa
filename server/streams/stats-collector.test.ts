import { describe, expect, it, vi } from "vitest";
import type { StatsHistory } from "@/server/stats/history";
import type { StatsStreamHandlers } from "@/server/docker/stats-stream";
import { containerEvents } from "./container-events";
import { FakeEngine } from "./test-fakes";

interface Opened {
  id: string;
  handlers: StatsStreamHandlers;
  closed: boolean;
}
const opened: Opened[] = [];
vi.mock("@/server/docker/stats-stream", () => ({
  openStatsStream: vi.fn(async (_engine: unknown, id: string, handlers: StatsStreamHandlers) => {
    // `closed`: closed by the collector, or ended by "Docker" through handlers.end.
    const o: Opened = { id, handlers: { doc: handlers.doc, end: (e) => ((o.closed = true), handlers.end(e)) }, closed: false };
    opened.push(o);
    return { close: () => (o.closed = true) };
  }),
}));
const running = ["a"];
vi.mock("@/server/docker/container-facts", () => ({
  listAllContainers: vi.fn(async () => running.map((id) => ({ id, name: id, image: "img", state: "running", status: "Up" }))),
  containerFacts: vi.fn(async (_engine: unknown, id: string) => ({ id, name: id, image: "img", tty: false, running: true, exitCode: 0, restartCount: 2 })),
}));

const { StatsCollector } = await import("./stats-collector");

const history = () =>
  ({
    remember: vi.fn(async () => {}),
    reconcileRemoved: vi.fn(async () => {}),
    markRemoved: vi.fn(async () => {}),
    add: vi.fn(),
  }) as unknown as StatsHistory & { markRemoved: ReturnType<typeof vi.fn> };

const open = () => opened.filter((o) => !o.closed);
const doc = (read: string) => JSON.stringify({ read, cpu_stats: {}, precpu_stats: {}, memory_stats: {} });

describe("StatsCollector (one stats stream per running container)", () => {
  it("opens a stream per running container at start, and starts and stops them from the events", async () => {
    const engine = new FakeEngine();
    const h = history();
    const collector = new StatsCollector(engine.asEngine(), h);
    collector.start();
    try {
      await vi.waitFor(() => expect(collector.upstreamCount).toBe(1));
      expect(open().map((o) => o.id)).toEqual(["a"]);

      containerEvents.emit("event", { engine: "local", id: "b", action: "start", attributes: {} });
      await vi.waitFor(() => expect(collector.upstreamCount).toBe(2));
      expect(collector.meta("b")).toMatchObject({ name: "b", restartCount: 2 });
      // Another engine's event is not ours.
      containerEvents.emit("event", { engine: "other", id: "c", action: "start", attributes: {} });

      open()
        .find((o) => o.id === "b")!
        .handlers.doc(doc("2026-12-03T10:00:00Z"));
      expect(collector.latest().map((s) => s.container)).toEqual(["b"]);

      // b dies: its stream ends and is not retried.
      containerEvents.emit("event", { engine: "local", id: "b", action: "die", attributes: {} });
      opened.find((o) => o.id === "b" && !o.closed)!.handlers.end();
      expect(collector.latest()).toEqual([]);

      // a is removed: its stream closes and its history is marked removed.
      containerEvents.emit("event", { engine: "local", id: "a", action: "destroy", attributes: {} });
      expect(collector.upstreamCount).toBe(0);
      expect(opened.filter((o) => o.id === "a").every((o) => o.closed)).toBe(true);
      expect(h.markRemoved).toHaveBeenCalledWith("local", "a");
      // Nothing re-opens: b stopped, a is gone, c was another engine's.
      await new Promise((r) => setTimeout(r, 50));
      expect(open()).toEqual([]);
      expect(opened.some((o) => o.id === "c")).toBe(false);
    } finally {
      collector.stop();
    }
  });

  it("closes every stream when the engine goes and re-syncs when it returns", async () => {
    opened.length = 0;
    const engine = new FakeEngine();
    const collector = new StatsCollector(engine.asEngine(), history());
    collector.start();
    await vi.waitFor(() => expect(collector.upstreamCount).toBe(1));
    engine.setReachable(false);
    expect(collector.upstreamCount).toBe(0);
    expect(open()).toEqual([]);
    engine.setReachable(true);
    await vi.waitFor(() => expect(collector.upstreamCount).toBe(1));
    collector.stop();
    expect(open()).toEqual([]);
  });
});
