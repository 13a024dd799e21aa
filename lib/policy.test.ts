import { describe, expect, it } from "vitest";
import { can } from "./policy";
import { authorize, refusal } from "@/server/auth/authorize";

describe("can", () => {
  it("lets each role do what its rank allows and no more", () => {
    expect(can("viewer", "containers:read")).toBe(true);
    expect(can("viewer", "containers:lifecycle")).toBe(false);
    expect(can("operator", "containers:lifecycle")).toBe(true);
    expect(can("operator", "containers:remove")).toBe(false);
    expect(can("operator", "containers:reveal-secrets")).toBe(false);
    expect(can("admin", "containers:remove")).toBe(true);
    expect(can("admin", "users:manage")).toBe(true);
  });

  it("denies unknown actions and roles by default", () => {
    expect(can("admin", "containers:launch-missiles" as never)).toBe(false);
    expect(can("root" as never, "containers:read")).toBe(false);
    expect(can(null, "containers:read")).toBe(false);
    expect(can(undefined, "session:read")).toBe(false);
  });
});

describe("authorize", () => {
  const viewer = { id: 2, username: "v", role: "viewer" as const };
  it("throws 401 without a user", () => {
    expect(() => authorize(null, "containers:read")).toThrowError(expect.objectContaining({ status: 401 }));
  });
  it("throws 403 when the role is too low", () => {
    expect(() => authorize(viewer, "containers:lifecycle")).toThrowError(expect.objectContaining({ status: 403, code: "forbidden" }));
  });
  it("words the refusal as a sentence naming the role, the action and the role it needs", () => {
    expect(() => authorize(viewer, "containers:lifecycle")).toThrowError("A viewer cannot start, stop or restart containers (this needs the operator role).");
    expect(refusal("operator", "volumes:remove")).toBe("An operator cannot remove volumes (this needs the admin role).");
  });
  it("passes when allowed", () => {
    expect(() => authorize(viewer, "containers:logs")).not.toThrow();
  });
});
