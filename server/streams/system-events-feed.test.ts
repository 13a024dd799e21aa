import { describe, expect, it, vi } from "vitest";
import type { DockerEventWire } from "@/lib/wire";
import type { DockerEvent } from "./events-hub";
import { SystemEventsFeed } from "./system-events-feed";

const ev = (timeNano: number, Action: string, Type = "container"): DockerEvent => ({
  Type,
  Action,
  Actor: { ID: "abc", Attributes: { name: "web" } },
  timeNano,
});

describe("SystemEventsFeed (over the engine's one events stream)", () => {
  it("keeps a backlog from the hub's events, batches live ones to viewers, and drops replays", async () => {
    let emit!: (e: DockerEvent) => void;
    const detach = vi.fn();
    const feed = new SystemEventsFeed((listener) => ((emit = listener), detach));
    emit(ev(1e18, "create"));
    const batches: (readonly DockerEventWire[])[] = [];
    const sub = feed.subscribe((b) => batches.push(b));
    expect(sub.backlog.map((e) => e.action)).toEqual(["create"]);
    emit(ev(1e18 + 1e9, "start"));
    emit(ev(1e18 + 1e9, "start")); // replayed after a re-open with since
    emit(ev(1e18 + 2e9, "exec_start: sh -c true"));
    emit(ev(1e18 + 3e9, "health_status", "container"));
    await vi.waitFor(() => expect(batches).toHaveLength(1));
    expect(batches[0]!.map((e) => e.action)).toEqual(["start", "exec_start: sh -c true", "health_status"]);
    sub.unsubscribe();
    feed.stop();
    expect(detach).toHaveBeenCalledOnce();
  });
});
