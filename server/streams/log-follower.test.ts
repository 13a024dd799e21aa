import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LogLine } from "@/server/docker/log-demuxer";
import type { LogRequest } from "@/server/docker/logs";
import { containerEvents } from "./container-events";
import { FakeEngine, fakeStream, ttyLine } from "./test-fakes";

const opened: { req: LogRequest; stream: ReturnType<typeof fakeStream> }[] = [];
const facts = { running: true, exitCode: 0 };

vi.mock("@/server/docker/logs", async (importActual) => ({
  ...(await importActual<typeof import("@/server/docker/logs")>()),
  openLogStream: vi.fn(async (_engine: unknown, _id: string, req: LogRequest) => {
    const stream = fakeStream();
    opened.push({ req, stream });
    return stream;
  }),
}));
vi.mock("@/server/docker/container-facts", () => ({
  containerFacts: vi.fn(async (_engine: unknown, id: string) => ({ id, name: "web", image: "x", tty: true, restartCount: 0, ...facts })),
}));

const { LogFollower } = await import("./log-follower");
const { tsToUnixSeconds } = await import("@/server/docker/logs");

const target = { id: "c1".padEnd(64, "0"), name: "web", tty: true, running: true };

describe("LogFollower (one live stream per container)", () => {
  let engine: FakeEngine;
  let follower: InstanceType<typeof LogFollower>;
  const got: string[] = [];
  const ends: string[] = [];
  beforeEach(() => {
    opened.length = 0;
    got.length = 0;
    ends.length = 0;
    facts.running = true;
    engine = new FakeEngine();
    follower = new LogFollower(engine.asEngine(), target, () => {});
    follower.add({ lines: (lines: LogLine[]) => got.push(...lines.map((l) => l.text)), ended: (reason) => ends.push(reason) });
  });
  afterEach(() => follower.close());

  it("re-opens from the last delivered line after a restart, without duplicates", async () => {
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    expect(opened[0]!.req).toMatchObject({ follow: true });
    opened[0]!.stream.write(ttyLine(1, "a"));
    expect(got).toEqual(["a"]);

    // The container stops: Docker ends the follow stream, and the follower says why.
    facts.running = false;
    facts.exitCode = 3;
    opened[0]!.stream.end();
    await vi.waitFor(() => expect(ends).toEqual(["exited"]));

    // It starts again: the stream re-opens from the last timestamp; the overlap is not delivered twice.
    containerEvents.emit("event", { engine: "local", id: target.id, action: "start", attributes: {} });
    await vi.waitFor(() => expect(opened).toHaveLength(2));
    expect(opened[1]!.req.since).toBe(tsToUnixSeconds("2026-12-03T10:00:01.000000000Z"));
    opened[1]!.stream.write(ttyLine(1, "a") + ttyLine(2, "b"));
    expect(got).toEqual(["a", "b"]);
  });

  it("ends with engine-unreachable when the engine goes, and resumes where it left off when it returns", async () => {
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    opened[0]!.stream.write(ttyLine(5, "before"));
    engine.setReachable(false);
    expect(ends).toEqual(["engine-unreachable"]);

    engine.setReachable(true);
    await vi.waitFor(() => expect(opened).toHaveLength(2));
    expect(opened[1]!.req.since).toBe(tsToUnixSeconds("2026-12-03T10:00:05.000000000Z"));
    opened[1]!.stream.write(ttyLine(5, "before") + ttyLine(6, "after"));
    expect(got).toEqual(["before", "after"]);
  });

  it("ends with removed on destroy and opens nothing more", async () => {
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    containerEvents.emit("event", { engine: "local", id: target.id, action: "destroy", attributes: {} });
    expect(ends).toEqual(["removed"]);
    expect(follower.isClosed).toBe(true);
    containerEvents.emit("event", { engine: "local", id: target.id, action: "start", attributes: {} });
    await new Promise((r) => setImmediate(r));
    expect(opened).toHaveLength(1);
  });
});
