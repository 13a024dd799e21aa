import Docker from "dockerode";
import { describe, expect, it } from "vitest";

/**
 * Berth uses one docker-modem method that its typings do not describe (docs/architecture.md lists
 * it): an upgrade that renamed it would break the raw log stream, so this fails loudly instead.
 * (The stats reader no longer reads modem fields: its endpoint comes from `engine.plainEndpoint()`.)
 */
describe("docker-modem API Berth relies on", () => {
  it("docker-modem: dial, which server/docker/logs.ts uses for the raw logs stream", () => {
    const modem = new Docker({ socketPath: "/var/run/docker.sock" }).modem as unknown as Record<string, unknown>;
    expect(typeof modem.dial).toBe("function");
  });
});
