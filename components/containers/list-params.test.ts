import { describe, expect, it } from "vitest";
import type { ContainerSummary } from "@/lib/wire";
import { exitCodeFromStatus, needsConfirmation, stateTone } from "./container-state";
import { DEFAULT_PARAMS, groupByProject, matchesSearch, parseListParams, serializeListParams, sortContainers, stateCounts, STATE_FILTERS } from "./list-params";

function c(name: string, over: Partial<ContainerSummary> = {}): ContainerSummary {
  return {
    id: `${name}000000000000`,
    name,
    image: "nginx:1.27",
    state: "running",
    status: "Up 3 minutes",
    health: "none",
    createdAt: "2026-01-01T00:00:00Z",
    ports: [],
    labels: {},
    ...over,
  };
}

describe("URL params", () => {
  it("round-trips and leaves defaults out", () => {
    const p = { state: "running", q: "web", sort: "created", dir: "desc", group: true } as const;
    expect(serializeListParams(p)).toBe("?state=running&q=web&sort=created&dir=desc&group=project");
    expect(parseListParams(new URLSearchParams(serializeListParams(p)))).toEqual(p);
    expect(serializeListParams(DEFAULT_PARAMS)).toBe("");
  });

  it("ignores values it does not know", () => {
    expect(parseListParams(new URLSearchParams("state=bogus&sort=<x>&dir=up&group=yes"))).toEqual(DEFAULT_PARAMS);
  });

  it("keeps sort and dir together when only the direction differs from the default", () => {
    expect(serializeListParams({ ...DEFAULT_PARAMS, dir: "desc" })).toBe("?sort=name&dir=desc");
  });
});

describe("filtering", () => {
  const list = [
    c("web-1", { project: "shop", labels: { "com.docker.compose.project": "shop", tier: "frontend" } }),
    c("db", { state: "exited", status: "Exited (1) 2 hours ago", image: "postgres:16" }),
    c("cache", { state: "paused", status: "Up 1 hour (Paused)" }),
    c("job", { state: "created", status: "Created" }),
  ];

  it("searches names, images, projects and labels, every term must match", () => {
    expect(list.filter((x) => matchesSearch(x, "postgres")).map((x) => x.name)).toEqual(["db"]);
    expect(list.filter((x) => matchesSearch(x, "frontend")).map((x) => x.name)).toEqual(["web-1"]);
    expect(list.filter((x) => matchesSearch(x, "shop web")).map((x) => x.name)).toEqual(["web-1"]);
    expect(list.filter((x) => matchesSearch(x, "shop db"))).toEqual([]);
    expect(list.filter((x) => matchesSearch(x, "  ")).length).toBe(4);
  });

  it("counts states; no two tabs are the same set", () => {
    expect(stateCounts(list)).toEqual({ all: 4, running: 1, paused: 1, exited: 1, created: 1 });
    expect(stateCounts([...list, c("gone", { state: "dead", status: "Dead" }), c("loop", { state: "restarting" })])).toEqual({
      all: 6,
      running: 2,
      paused: 1,
      exited: 2,
      created: 1,
    });
  });

  it("each container is in exactly one tab besides All", () => {
    const states = ["created", "running", "paused", "restarting", "removing", "exited", "dead"] as const;
    for (const state of states) {
      const counts = stateCounts([c("x", { state })]);
      const inTabs = STATE_FILTERS.filter((f) => f !== "all" && counts[f] === 1);
      expect(inTabs.length, state).toBeLessThanOrEqual(1);
    }
  });

  it("reads old and overview links as the tab that holds them", () => {
    expect(parseListParams(new URLSearchParams("state=stopped")).state).toBe("exited");
    expect(parseListParams(new URLSearchParams("state=dead")).state).toBe("exited");
    expect(parseListParams(new URLSearchParams("state=restarting")).state).toBe("running");
    expect(parseListParams(new URLSearchParams("state=created")).state).toBe("created");
  });
});

describe("sorting and grouping", () => {
  it("sorts names naturally and flips with the direction", () => {
    const list = [c("web-10"), c("web-2"), c("Web-1")];
    expect(sortContainers(list, "name", "asc").map((x) => x.name)).toEqual(["Web-1", "web-2", "web-10"]);
    expect(sortContainers(list, "name", "desc").map((x) => x.name)).toEqual(["web-10", "web-2", "Web-1"]);
  });

  it("puts running first and failed exits before clean ones when sorting by state", () => {
    const list = [c("ok", { state: "exited", status: "Exited (0) 1 hour ago" }), c("bad", { state: "exited", status: "Exited (2) 1 hour ago" }), c("up")];
    expect(sortContainers(list, "state", "asc").map((x) => x.name)).toEqual(["up", "bad", "ok"]);
  });

  it("sorts by live CPU and memory, containers without numbers last in both directions", () => {
    const list = [c("idle"), c("busy"), c("stopped", { state: "exited" }), c("mid")];
    const usage = new Map([
      [list[0]!.id, { cpu: 0.1, mem: 300 }],
      [list[1]!.id, { cpu: 90, mem: 100 }],
      [list[3]!.id, { cpu: 5, mem: 200 }],
    ]);
    expect(sortContainers(list, "cpu", "desc", usage).map((x) => x.name)).toEqual(["busy", "mid", "idle", "stopped"]);
    expect(sortContainers(list, "cpu", "asc", usage).map((x) => x.name)).toEqual(["idle", "mid", "busy", "stopped"]);
    expect(sortContainers(list, "mem", "desc", usage).map((x) => x.name)).toEqual(["idle", "mid", "busy", "stopped"]);
    expect(parseListParams(new URLSearchParams("sort=cpu")).dir).toBe("desc");
  });

  it("groups by project A→Z with standalone containers last", () => {
    const groups = groupByProject([c("a"), c("b", { project: "zeta" }), c("c", { project: "alpha" })]);
    expect(groups.map((g) => [g.project, g.items.map((x) => x.name)])).toEqual([
      ["alpha", ["c"]],
      ["zeta", ["b"]],
      [null, ["a"]],
    ]);
  });
});

describe("container state helpers", () => {
  it("reads exit codes from Docker's status text", () => {
    expect(exitCodeFromStatus("Exited (137) 5 minutes ago")).toBe(137);
    expect(exitCodeFromStatus("Up 2 hours")).toBeNull();
  });

  it("colours a clean exit grey and a failed one red", () => {
    expect(stateTone("exited", 0)).toBe("grey");
    expect(stateTone("exited", 1)).toBe("red");
    expect(stateTone("running", null)).toBe("green");
  });

  it("asks before destructive actions, and before restarting many", () => {
    expect(needsConfirmation("stop", 1)).toBe(true);
    expect(needsConfirmation("start", 5)).toBe(false);
    expect(needsConfirmation("restart", 1)).toBe(false);
    expect(needsConfirmation("restart", 2)).toBe(true);
  });
});
