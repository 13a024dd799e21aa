import Docker from "dockerode";
import { describe, expect, it } from "vitest";

/**
 * Berth reads a few fields that its dependencies do not document (docs/architecture.md lists
 * them). An upgrade that renames one would fail quietly — the stats stream falling back to the
 * slower dockerode path, log backpressure reading `undefined` — so these tests fail loudly instead.
 */
describe("docker-modem fields Berth relies on", () => {
  it("docker-modem: the fields server/docker/stats-stream.ts reads to open its own socket", async () => {
    const unix = new Docker({ socketPath: "/var/run/docker.sock" }).modem as unknown as Record<string, unknown>;
    expect(unix.socketPath).toBe("/var/run/docker.sock");
    expect(typeof unix.getSocketPath).toBe("function");
    await expect((unix.getSocketPath as () => Promise<string>)()).resolves.toBe("/var/run/docker.sock");
    expect(unix.agent).toBeUndefined();
    expect(unix.pathPrefix ?? "").toBe("");
    expect(Object.keys((unix.headers as object | undefined) ?? {})).toEqual([]);
    expect(typeof unix.dial).toBe("function"); // server/docker/logs.ts dials the raw logs stream

    const tcp = new Docker({ host: "127.0.0.1", port: 2375, protocol: "http", version: "v1.41" }).modem as unknown as Record<string, unknown>;
    expect([tcp.protocol, tcp.host, Number(tcp.port), tcp.version]).toEqual(["http", "127.0.0.1", 2375, "v1.41"]);
  });
});
