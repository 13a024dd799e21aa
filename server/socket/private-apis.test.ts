import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";

/**
 * Berth reads a few fields that its dependencies do not document (docs/architecture.md lists
 * them). An upgrade that renames one would fail quietly — the stats stream falling back to the
 * slower dockerode path, log backpressure reading `undefined` — so these tests fail loudly instead.
 */
describe("engine.io: a connection's writeBuffer and drain event (server/socket/logs.ts backpressure)", () => {
  const http = createServer();
  const io = new Server(http);
  afterAll(() => new Promise<void>((resolve) => io.close(() => resolve())));

  it("is an array of queued packets on the server-side connection", async () => {
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const port = (http.address() as AddressInfo).port;
    const connected = new Promise<{ writeBuffer?: unknown; once?: unknown }>((resolve) => io.on("connection", (s) => resolve(s.conn as never)));
    const client = connect(`http://127.0.0.1:${port}`, { transports: ["websocket"] });
    try {
      const conn = await connected;
      expect(Array.isArray(conn.writeBuffer)).toBe(true);
      expect(typeof conn.once).toBe("function");
    } finally {
      client.close();
    }
  });
});
