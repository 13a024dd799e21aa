import { describe, expect, it } from "vitest";
import { authorize } from "./authorize";
import { containerInScope, filterInScope, isScoped, normalizeScope, parseStoredScope, scopeWithin, selectorMatches, serializeScope } from "./scope";
import { ScopeLabels } from "./scope-resolve";
import { isHttpError } from "@/server/http/errors";

/** The HTTP status `fn` throws, or 0 when it does not throw. */
function statusOf(fn: () => void): number {
  try {
    fn();
    return 0;
  } catch (e) {
    if (isHttpError(e)) return e.status;
    throw e;
  }
}

const payments = { labels: ["team=payments", "com.docker.compose.project=shop"] };

describe("selectors", () => {
  it("matches key=value exactly and key alone by presence", () => {
    expect(selectorMatches("team=payments", { team: "payments" })).toBe(true);
    expect(selectorMatches("team=payments", { team: "pay" })).toBe(false);
    expect(selectorMatches("team", { team: "" })).toBe(true);
    expect(selectorMatches("team", { other: "x" })).toBe(false);
    expect(selectorMatches("team=", { team: "" })).toBe(true);
    expect(selectorMatches("a=b=c", { a: "b=c" })).toBe(true);
    // An inherited property is not a label.
    expect(selectorMatches("constructor", {})).toBe(false);
  });

  it("puts a container in scope when any selector matches (OR) and its engine is listed", () => {
    expect(containerInScope(payments, "local", { team: "payments" })).toBe(true);
    expect(containerInScope(payments, "local", { "com.docker.compose.project": "shop" })).toBe(true);
    expect(containerInScope(payments, "local", { team: "search" })).toBe(false);
    expect(containerInScope(payments, "local", undefined)).toBe(false);
    expect(containerInScope({ engines: ["prod"] }, "local", { team: "payments" })).toBe(false);
    expect(containerInScope({ engines: ["local"], labels: ["team=payments"] }, "local", { team: "payments" })).toBe(true);
  });

  it("leaves unscoped principals unlimited", () => {
    for (const s of [undefined, null, {}, { engines: [], labels: [] }]) {
      expect(isScoped(s)).toBe(false);
      expect(containerInScope(s, "any", {})).toBe(true);
    }
    expect(filterInScope(undefined, "local", [{ l: {} }], (i) => i.l)).toHaveLength(1);
    expect(filterInScope(payments, "local", [{ l: { team: "payments" } }, { l: {} as Record<string, string> }], (i) => i.l)).toHaveLength(1);
    expect(filterInScope({ engines: ["x"] }, "local", [{ l: {} }], (i) => i.l)).toHaveLength(0);
  });
});

describe("scopeWithin (a token against its creator)", () => {
  it("allows anything under an unscoped creator", () => {
    expect(scopeWithin(undefined, undefined)).toBe(true);
    expect(scopeWithin(payments, null)).toBe(true);
  });
  it("refuses wider or missing limits under a scoped creator", () => {
    expect(scopeWithin(undefined, payments)).toBe(false);
    expect(scopeWithin({ labels: ["team=payments"] }, payments)).toBe(true);
    expect(scopeWithin({ labels: ["team"] }, payments)).toBe(false);
    expect(scopeWithin({ labels: ["team=payments"] }, { labels: ["team"] })).toBe(true);
    expect(scopeWithin({ labels: ["team=search"] }, payments)).toBe(false);
    expect(scopeWithin({ labels: ["team=payments"] }, { engines: ["local"] })).toBe(false);
    expect(scopeWithin({ engines: ["local"], labels: ["x"] }, { engines: ["local"] })).toBe(true);
    expect(scopeWithin({ engines: ["local", "prod"] }, { engines: ["local"] })).toBe(false);
  });
});

describe("storage", () => {
  it("round-trips, drops empty parts and stores unscoped as null", () => {
    expect(serializeScope({ engines: [], labels: [] })).toBeNull();
    expect(parseStoredScope(serializeScope({ labels: ["a", "a", "b=c"] }))).toEqual({ labels: ["a", "b=c"] });
    expect(normalizeScope({ engines: ["local"], labels: [] })).toEqual({ engines: ["local"] });
    expect(parseStoredScope(null)).toBeNull();
  });
  it("reads a corrupt value as a scope that sees nothing", () => {
    const s = parseStoredScope("{not json");
    expect(isScoped(s)).toBe(true);
    expect(containerInScope(s, "local", {})).toBe(false);
  });
});

describe("authorize with a target", () => {
  const viewer = { id: 1, username: "v", role: "viewer" as const, scope: { engines: ["local"], labels: ["team=payments"] } };
  const admin = { ...viewer, role: "admin" as const };
  it("answers 404 outside the scope, 403 for the role or for shared-object writes, and passes in scope", () => {
    expect(statusOf(() => authorize(viewer, "containers:read", { engine: "prod" }))).toBe(404);
    expect(statusOf(() => authorize(viewer, "containers:read", { engine: "local", container: "x", labels: { team: "search" } }))).toBe(404);
    expect(statusOf(() => authorize(viewer, "containers:read", { engine: "local", container: "x", labels: { team: "payments" } }))).toBe(0);
    expect(statusOf(() => authorize(viewer, "containers:lifecycle", { engine: "local", container: "x", labels: { team: "search" } }))).toBe(403);
    expect(statusOf(() => authorize(admin, "images:prune", { engine: "local" }))).toBe(403);
    expect(statusOf(() => authorize(admin, "users:manage"))).toBe(403);
    expect(statusOf(() => authorize(admin, "volumes:read", { engine: "local", volume: "v", hidden: "get v: no such volume" }))).toBe(404);
    expect(statusOf(() => authorize({ ...admin, scope: undefined }, "images:prune", { engine: "prod" }))).toBe(0);
  });
});

describe("ScopeLabels", () => {
  it("denies unknown ids until a refresh has seen them, and keeps removed containers' labels", async () => {
    let list = [{ id: "a", labels: { team: "payments" } }];
    const dir = new ScopeLabels(async () => list);
    expect(dir.visible(payments, "local", "a")).toBe(false);
    await dir.refresh("local");
    expect(dir.visible(payments, "local", "a")).toBe(true);
    list = [];
    dir.remember("local", [{ id: "b", labels: { team: "search" } }]);
    expect(dir.visible(payments, "local", "b")).toBe(false);
    expect(dir.visible(payments, "local", "a")).toBe(true);
    expect(dir.visible(undefined, "local", "zzz")).toBe(true);
  });
});
