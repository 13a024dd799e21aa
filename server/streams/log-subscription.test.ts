import { describe, expect, it, vi } from "vitest";
import type { LogLineWire } from "@/lib/socket-events";
import type { LogRequest } from "@/server/docker/logs";
import { FakeEngine, fakeStream, ttyLine } from "./test-fakes";

const live: ReturnType<typeof fakeStream>[] = [];
const backlogs: ReturnType<typeof fakeStream>[] = [];

vi.mock("@/server/docker/logs", async (importActual) => ({
  ...(await importActual<typeof import("@/server/docker/logs")>()),
  openLogStream: vi.fn(async (_engine: unknown, _id: string, req: LogRequest) => {
    const stream = fakeStream();
    (req.follow ? live : backlogs).push(stream);
    return stream;
  }),
}));
vi.mock("@/server/docker/container-facts", () => ({ containerFacts: vi.fn() }));

const { LogFollowers } = await import("./log-follower");
const { LogSubscription, MAX_QUEUED_LINES } = await import("./log-subscription");

const target = { id: "c2".padEnd(64, "0"), name: "api", tty: true, running: true };

function outlet() {
  const out = { lines: [] as LogLineWire[], events: [] as string[], congested: false };
  return {
    out,
    outlet: {
      lines: (lines: LogLineWire[]) => (out.lines.push(...lines), out.events.push(`lines:${lines.length}`)),
      skipped: (count: number) => out.events.push(`skipped:${count}`),
      ended: (_c: string, reason: string) => out.events.push(`ended:${reason}`),
      live: () => out.events.push("live"),
      congested: () => out.congested,
      drained: async () => {},
    },
  };
}

describe("LogSubscription", () => {
  it("hands over from backlog to live without a gap or a duplicate: live lines that arrive during the backlog are held", async () => {
    live.length = backlogs.length = 0;
    const followers = new LogFollowers(0);
    const { out, outlet: o } = outlet();
    const sub = new LogSubscription(new FakeEngine().asEngine(), [target], { stdout: true, stderr: true }, followers, o);
    const started = sub.start();
    await vi.waitFor(() => expect(live).toHaveLength(1));
    await vi.waitFor(() => expect(backlogs).toHaveLength(1));
    // Live lines while the backlog is still being read: 2 overlaps the backlog's end, 3 is new.
    live[0]!.write(ttyLine(2, "two") + ttyLine(3, "three"));
    backlogs[0]!.end(ttyLine(1, "one") + ttyLine(2, "two"));
    await started;
    expect(out.lines.map((l) => l.text)).toEqual(["one", "two", "three"]);
    expect(out.events.at(-1)).toBe("live");
    live[0]!.write(ttyLine(4, "four"));
    await vi.waitFor(() => expect(out.lines.map((l) => l.text)).toEqual(["one", "two", "three", "four"]));
    sub.close();
    followers.closeAll();
  });

  it("drops the oldest live lines of a client that does not read, and says how many with a skipped marker before the rest", async () => {
    live.length = backlogs.length = 0;
    const followers = new LogFollowers(0);
    const { out, outlet: o } = outlet();
    const sub = new LogSubscription(new FakeEngine().asEngine(), [target], { stdout: true, stderr: true }, followers, o);
    const started = sub.start();
    await vi.waitFor(() => expect(backlogs).toHaveLength(1));
    backlogs[0]!.end();
    await started;
    out.congested = true;
    const extra = 25;
    let text = "";
    for (let i = 0; i < MAX_QUEUED_LINES + extra; i++) text += `2026-12-03T10:01:00.${String(i).padStart(9, "0")}Z line ${i}\n`;
    live[0]!.write(text);
    await new Promise((r) => setTimeout(r, 200)); // one flush interval passes while the client is behind: nothing is sent
    expect(out.lines).toHaveLength(0);
    out.congested = false;
    await vi.waitFor(() => expect(out.lines).toHaveLength(MAX_QUEUED_LINES));
    const skippedAt = out.events.indexOf(`skipped:${extra}`);
    expect(skippedAt).toBeGreaterThan(-1);
    expect(out.events.slice(skippedAt + 1).every((e) => e.startsWith("lines:"))).toBe(true);
    expect(out.lines[0]!.text).toBe(`line ${extra}`);
    expect(out.lines.at(-1)!.text).toBe(`line ${MAX_QUEUED_LINES + extra - 1}`);
    sub.close();
    followers.closeAll();
  });
});
