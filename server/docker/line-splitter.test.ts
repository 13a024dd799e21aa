import { describe, expect, it } from "vitest";
import { LineSplitter, MAX_LINE_BYTES } from "./line-splitter";

const DOC_A = JSON.stringify({ read: "2026-12-03T06:00:00.123456789Z", name: "/web", pids_stats: { current: 3 } });

describe("LineSplitter", () => {
  it("drops a line that never ends instead of holding it", () => {
    const docs: string[] = [];
    const s = new LineSplitter((t) => docs.push(t));
    const big = Buffer.alloc(64 * 1024, "x");
    for (let sent = 0; sent <= MAX_LINE_BYTES; sent += big.length) s.push(big, 0, big.length);
    s.push(Buffer.from("tail\n"), 0, 5);
    s.push(Buffer.from(DOC_A + "\n"), 0, DOC_A.length + 1);
    // What arrived after the cut is kept, and the next document is whole.
    expect(docs.at(-1)).toBe(DOC_A);
    expect(docs.every((d) => d.length <= MAX_LINE_BYTES)).toBe(true);
  });
});
