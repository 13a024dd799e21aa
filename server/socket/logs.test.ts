import { afterEach, describe, expect, it, vi } from "vitest";
import { pendingPackets } from "./logs";
import { socketHarness } from "./socket-harness";
import type { BerthSocket } from "./with-ack";

type Harness = Awaited<ReturnType<typeof socketHarness>>;
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/**
 * The log path's backpressure reads engine.io's private `writeBuffer` (there is no public
 * counterpart): this fails when an engine.io upgrade renames it or stops queueing there.
 */
describe("pendingPackets (engine.io's private writeBuffer)", () => {
  it("counts packets waiting behind the transport, and is back to 0 at the public 'drain' event", async () => {
    const sockets: BerthSocket[] = [];
    harness = await socketHarness((s) => sockets.push(s));
    const client = await harness.client();
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    const [socket] = sockets as [BerthSocket];
    expect(pendingPackets(socket)).toBe(0);
    const received: number[] = [];
    client.on("logs:live", () => received.push(1));
    // The first packet goes straight to the transport, which is then busy: the others queue.
    for (let i = 0; i < 5; i++) socket.emit("logs:live", { subscription: String(i) });
    expect(pendingPackets(socket)).toBeGreaterThanOrEqual(4);
    // engine.io says "drain" once it has handed the queued packets to the transport.
    await new Promise<void>((r) => socket.conn.once("drain", () => r()));
    expect(pendingPackets(socket)).toBe(0);
    await vi.waitFor(() => expect(received).toHaveLength(5));
  });
});
