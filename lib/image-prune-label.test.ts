import { describe, expect, it } from "vitest";
import { imagePruneTargetQuerySchema } from "./schemas";

describe("imagePruneTargetQuerySchema (POST images/prune?label=)", () => {
  it("takes a key or key=value, or nothing", () => {
    expect(imagePruneTargetQuerySchema.parse({})).toEqual({});
    expect(imagePruneTargetQuerySchema.parse({ label: "team" })).toEqual({ label: "team" });
    expect(imagePruneTargetQuerySchema.parse({ label: "berth.test=123-456" })).toEqual({ label: "berth.test=123-456" });
    expect(imagePruneTargetQuerySchema.parse({ label: "note=a=b c" })).toEqual({ label: "note=a=b c" });
  });

  it("refuses an empty key, spaces in the key, an over-long value and unknown parameters", () => {
    for (const label of ["", "=x", "a b=c", "x".repeat(513)]) expect(imagePruneTargetQuerySchema.safeParse({ label }).success).toBe(false);
    expect(imagePruneTargetQuerySchema.safeParse({ label: "a", mode: "all" }).success).toBe(false);
  });
});
