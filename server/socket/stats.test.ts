import { Encoder, PacketType } from "socket.io-parser";
import { describe, expect, it } from "vitest";
import { encodeEvent } from "./stats";

describe("encodeEvent (the stats batch serialized once per tick)", () => {
  it("is exactly what socket.io's encoder sends for the same event", () => {
    const payload = {
      subscription: "3f2b…",
      samples: [
        {
          container: "abc",
          ts: "2026-12-03T06:00:00.000Z",
          cpuPercent: 0.125,
          memUsage: 4096,
          memLimit: 0,
          netRx: 1,
          netTx: 2,
          blkRead: 0,
          blkWrite: 0,
          pids: 3,
        },
      ],
    };
    const [expected] = new Encoder().encode({ type: PacketType.EVENT, nsp: "/", data: ["stats:samples", payload] });
    expect(encodeEvent("stats:samples", JSON.stringify(payload))).toBe(expected);
  });
});
