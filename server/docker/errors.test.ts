import { describe, expect, it } from "vitest";
import { asHttpError } from "@/server/http/errors";
import { EngineError, stripModemPrefix, toEngineError } from "./errors";
import { healthFromStatus } from "./containers";

/** Docker's failure as the edges answer it: EngineError from server/docker, the status from server/http. */
const toHttpError = (e: unknown, engine: string) => asHttpError(toEngineError(e, engine))!;

const dockerError = (statusCode: number, message: string) =>
  Object.assign(new Error(`(HTTP code ${statusCode}) unexpected`), { statusCode, json: { message } });

describe("toEngineError", () => {
  it("is Berth's own error type, with a code and no HTTP status", () => {
    const err = toEngineError(dockerError(404, "No such container: x"), "local");
    expect(err).toBeInstanceOf(EngineError);
    expect(err).toMatchObject({ code: "not_found", engine: "local", message: "No such container: x" });
    expect(err).not.toHaveProperty("status");
  });
});

describe("toEngineError, then asHttpError at the edge", () => {
  it("passes Docker's own message through with the matching status", () => {
    expect(toHttpError(dockerError(409, "You cannot remove a running container abc"), "local")).toMatchObject({
      status: 409,
      code: "conflict",
      message: "You cannot remove a running container abc",
    });
    expect(toHttpError(dockerError(404, "No such container: x"), "local")).toMatchObject({ status: 404, message: "No such container: x" });
    expect(toHttpError(dockerError(500, "driver failed"), "local")).toMatchObject({ status: 502, code: "engine_error" });
  });
  it("answers Docker's 403 (a state conflict) with 409, keeping 403 for Berth's role refusals", () => {
    expect(toHttpError(dockerError(403, "Pool overlaps with other one on this address space"), "local")).toMatchObject({
      status: 409,
      code: "conflict",
      message: "Pool overlaps with other one on this address space",
    });
    expect(toHttpError(dockerError(403, "error while removing network: network n id abc has active endpoints"), "local")).toMatchObject({ status: 409 });
    expect(toHttpError(dockerError(401, "unauthorized"), "local")).toMatchObject({ status: 502 });
  });
  it("turns socket failures into 503 without leaking the socket path", () => {
    const err = toHttpError(Object.assign(new Error("connect ENOENT /var/run/docker.sock"), { code: "ENOENT" }), "local");
    expect(err).toMatchObject({ status: 503, code: "engine_unreachable" });
    expect(err.message).not.toContain("/var/run");
  });
});

describe("stripModemPrefix (docker-modem's failed stream requests)", () => {
  it("keeps only Docker's message after the status and reason", () => {
    expect(stripModemPrefix("(HTTP code 404) unexpected - manifest for 127.0.0.1:5000/x:v1 not found: manifest unknown ")).toBe(
      "manifest for 127.0.0.1:5000/x:v1 not found: manifest unknown",
    );
    expect(stripModemPrefix("(HTTP code 500) server error - Get http://127.0.0.1:5001/v2/: no basic auth credentials ", "server error")).toBe(
      "Get http://127.0.0.1:5001/v2/: no basic auth credentials",
    );
    // A reason with a dash in it, and a message with " - " in it, both survive.
    expect(stripModemPrefix("(HTTP code 409) in-use - a - b ", "in-use")).toBe("a - b");
    expect(stripModemPrefix("(HTTP code 404) no such image - No such image: a-b:c ")).toBe("No such image: a-b:c");
  });
  it("leaves other messages alone", () => {
    expect(stripModemPrefix("connect ECONNREFUSED 127.0.0.1:2375")).toBeNull();
    expect(stripModemPrefix("(HTTP code 500) unexpected - ")).toBeNull();
  });
  it("is what the edge shows when a stream request fails without a parsed body", () => {
    const err = Object.assign(new Error("(HTTP code 404) no such image - No such image: nope:v1 "), { statusCode: 404, reason: "no such image", json: null });
    expect(toHttpError(err, "local")).toMatchObject({ status: 404, code: "not_found", message: "No such image: nope:v1" });
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
