import { describe, expect, it } from "vitest";
import { toHttpError } from "./errors";
import { healthFromStatus } from "./containers";

const dockerError = (statusCode: number, message: string) => Object.assign(new Error(`(HTTP code ${statusCode}) unexpected`), { statusCode, json: { message } });

describe("toHttpError", () => {
  it("passes Docker's own message through with the matching status", () => {
    expect(toHttpError(dockerError(409, "You cannot remove a running container abc"), "local")).toMatchObject({
      status: 409,
      code: "conflict",
      message: "You cannot remove a running container abc",
    });
    expect(toHttpError(dockerError(404, "No such container: x"), "local")).toMatchObject({ status: 404, message: "No such container: x" });
    expect(toHttpError(dockerError(500, "driver failed"), "local")).toMatchObject({ status: 502, code: "engine_error" });
  });
  it("turns socket failures into 503 without leaking the socket path", () => {
    const err = toHttpError(Object.assign(new Error("connect ENOENT /var/run/docker.sock"), { code: "ENOENT" }), "local");
    expect(err).toMatchObject({ status: 503, code: "engine_unreachable" });
    expect(err.message).not.toContain("/var/run");
  });
});

describe("healthFromStatus", () => {
  it("reads health out of Docker's status text", () => {
    expect(healthFromStatus("Up 3 minutes (healthy)")).toBe("healthy");
    expect(healthFromStatus("Up 3 minutes (unhealthy)")).toBe("unhealthy");
    expect(healthFromStatus("Up 2 seconds (health: starting)")).toBe("starting");
    expect(healthFromStatus("Exited (0) 2 hours ago")).toBe("none");
  });
});
