import { describe, expect, it } from "vitest";
import { BackoffLimiter, BoundedMap, FailureLimiter, LoginLimiter } from "./rate-limit";

describe("FailureLimiter", () => {
  it("blocks after the limit within the window, then lets the key try again", () => {
    const l = new FailureLimiter(3, 60_000);
    const t0 = 1_000_000;
    for (let i = 0; i < 2; i++) l.fail("ip|admin", t0);
    expect(l.retryAfter("ip|admin", t0)).toBe(0);
    l.fail("ip|admin", t0);
    expect(l.retryAfter("ip|admin", t0 + 1000)).toBe(59);
    expect(l.retryAfter("other|admin", t0)).toBe(0);
    expect(l.retryAfter("ip|admin", t0 + 60_000)).toBe(0);
  });
  it("forgets failures after a success", () => {
    const l = new FailureLimiter(1, 60_000);
    l.fail("k");
    l.succeed("k");
    expect(l.retryAfter("k")).toBe(0);
  });
  it("stays bounded under a spray of keys", () => {
    const l = new FailureLimiter(3, 60_000, 1000);
    for (let i = 0; i < 50_000; i++) l.fail(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}|user${i}`);
    expect(l.size).toBe(1000);
  });
});

describe("BoundedMap", () => {
  it("forgets the least recently used key first", () => {
    const m = new BoundedMap<string, number>(2);
    m.set("a", 1);
    m.set("b", 2);
    m.get("a");
    m.set("c", 3);
    expect(m.get("b")).toBeUndefined();
    expect(m.get("a")).toBe(1);
    expect(m.get("c")).toBe(3);
    expect(m.size).toBe(2);
  });
});

describe("BackoffLimiter", () => {
  const opts = { free: 5, baseMs: 1000, maxMs: 15 * 60_000 };
  it("lets the free failures pass, then waits 1 s doubling up to the cap", () => {
    const l = new BackoffLimiter(opts);
    const t = 1_000_000;
    for (let i = 0; i < 5; i++) expect(l.fail("admin", t)).toBe(0);
    expect(l.retryAfter("admin", t)).toBe(0);
    const waits: number[] = [];
    let now = t;
    for (let i = 0; i < 14; i++) {
      const w = l.fail("admin", now);
      waits.push(w);
      expect(l.retryAfter("admin", now)).toBe(w);
      now += w * 1000; // the next try comes when the wait is over
    }
    expect(waits.slice(0, 6)).toEqual([1, 2, 4, 8, 16, 32]);
    expect(Math.max(...waits)).toBe(900);
    expect(waits.at(-1)).toBe(900);
  });
  it("never locks an account for good: after a quiet cap period it starts over", () => {
    const l = new BackoffLimiter(opts);
    let now = 0;
    for (let i = 0; i < 30; i++) now += l.fail("admin", now) * 1000;
    expect(l.retryAfter("admin", now + 900_000)).toBe(0);
    expect(l.fail("admin", now + 900_000 + 900_001)).toBe(0);
  });
  it("a success clears the account", () => {
    const l = new BackoffLimiter(opts);
    for (let i = 0; i < 8; i++) l.fail("admin", 0);
    l.succeed("admin");
    expect(l.retryAfter("admin", 0)).toBe(0);
  });
  it("stays bounded under a spray of usernames", () => {
    const l = new BackoffLimiter(opts, 500);
    for (let i = 0; i < 20_000; i++) l.fail(`user${i}`, i);
    expect(l.size).toBe(500);
  });
});

describe("LoginLimiter", () => {
  it("throttles one account across rotating addresses", () => {
    const l = new LoginLimiter();
    for (let i = 0; i < 5; i++) l.fail(`198.51.100.${i}`, "Admin", 0);
    expect(l.check("203.0.113.1", "admin", 0)).toBeNull();
    expect(l.fail("198.51.100.99", "admin", 0)).toBe(1);
    expect(l.check("203.0.113.1", "ADMIN", 0)).toEqual({ wait: 1, scope: "account" });
    expect(l.check("203.0.113.1", "someone-else", 0)).toBeNull();
  });
  it("keeps the per-address window", () => {
    const l = new LoginLimiter();
    let now = 0;
    for (let i = 0; i < 10; i++) now += l.fail("198.51.100.1", "x", now) * 1000;
    now += 60_000; // past the account's back-off, still inside the 15-minute window
    expect(l.check("198.51.100.1", "x", now)?.scope).toBe("client");
    expect(l.check("198.51.100.2", "x", now)).toBeNull();
  });
});
