import { describe, expect, it } from "vitest";
import { FailureLimiter } from "./rate-limit";

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
});
