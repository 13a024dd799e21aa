import { describe, expect, it } from "vitest";
import { parseContainerAction } from "./container-action";

describe("parseContainerAction", () => {
  it("reads the health status from the action text, as Docker 20.10 sends it", () => {
    expect(parseContainerAction("health_status: unhealthy", { name: "web", image: "busybox" })).toEqual({ action: "health_status", health: "unhealthy" });
    expect(parseContainerAction("health_status: healthy")).toEqual({ action: "health_status", health: "healthy" });
  });

  it("reads the health status from an attribute when the action is bare", () => {
    expect(parseContainerAction("health_status", { health_status: "unhealthy" })).toEqual({ action: "health_status", health: "unhealthy" });
    expect(parseContainerAction("health_status", { health: "healthy" })).toEqual({ action: "health_status", health: "healthy" });
  });

  it("prefers the action text, and ignores unknown status words", () => {
    expect(parseContainerAction("health_status: unhealthy", { health_status: "healthy" })).toEqual({ action: "health_status", health: "unhealthy" });
    expect(parseContainerAction("health_status: exploded")).toEqual({ action: "health_status" });
    expect(parseContainerAction("health_status")).toEqual({ action: "health_status" });
  });

  it("cuts other actions at the colon and gives them no health", () => {
    expect(parseContainerAction("exec_start: sh -c true")).toEqual({ action: "exec_start" });
    expect(parseContainerAction("die", { exitCode: "1", health_status: "unhealthy" })).toEqual({ action: "die" });
  });
});

describe("feedAction", () => {
  it("shows a health event with its status in both forms", async () => {
    const { feedAction } = await import("./container-action");
    expect(feedAction("health_status: unhealthy", {})).toBe("health_status: unhealthy");
    expect(feedAction("health_status", { health_status: "healthy" })).toBe("health_status: healthy");
    expect(feedAction("exec_start: sh -c true", {})).toBe("exec_start: sh -c true");
    expect(feedAction("start", {})).toBe("start");
  });
});
