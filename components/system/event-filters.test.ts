import { describe, expect, it } from "vitest";
import type { DockerEventWire } from "@/lib/wire";
import { isExecEvent, matchesEventFilter } from "./event-filters";

function ev(type: string, action: string): DockerEventWire {
  return { key: `${type}-${action}`, type, action, id: "abc", time: "2026-01-01T00:00:00Z", attributes: {} };
}

describe("event filters", () => {
  it("knows health-check exec events, with or without their command", () => {
    expect(isExecEvent(ev("container", "exec_create: /bin/sh -c curl -f localhost"))).toBe(true);
    expect(isExecEvent(ev("container", "exec_start: /bin/sh -c true"))).toBe(true);
    expect(isExecEvent(ev("container", "exec_die"))).toBe(true);
    expect(isExecEvent(ev("container", "health_status: healthy"))).toBe(false);
    expect(isExecEvent(ev("container", "die"))).toBe(false);
    expect(isExecEvent(ev("image", "exec_create"))).toBe(false);
  });
  it("hides exec events unless shown, and filters by type and action", () => {
    const list = [ev("container", "exec_create: sh -c true"), ev("container", "start"), ev("network", "connect"), ev("container", "exec_die")];
    const all = { type: "all", action: "all" };
    expect(list.filter((e) => matchesEventFilter(e, { ...all, showExec: false })).map((e) => e.action)).toEqual(["start", "connect"]);
    expect(list.filter((e) => matchesEventFilter(e, { ...all, showExec: true })).length).toBe(4);
    expect(list.filter((e) => matchesEventFilter(e, { type: "container", action: "all", showExec: false })).map((e) => e.action)).toEqual(["start"]);
    expect(list.filter((e) => matchesEventFilter(e, { type: "all", action: "exec_create", showExec: true })).length).toBe(1);
  });
});
