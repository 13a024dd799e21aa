import { describe, expect, it } from "vitest";
import type { LogLineWire } from "@/lib/socket-events";
import type { LineEntry, LogEntry } from "./entries";
import { LogStore } from "./log-store";

/** A store with a hand-driven clock and timer, so notification timing is testable. */
function harness(capacity = 1000) {
  let now = 0;
  let pending: { fn: () => void; at: number } | null = null;
  const store = new LogStore({
    capacity,
    now: () => now,
    setTimer: (fn, ms) => (pending = { fn, at: now + ms }),
    clearTimer: () => (pending = null),
  });
  const advance = (ms: number) => {
    now += ms;
    if (pending && pending.at <= now) {
      const p = pending;
      pending = null;
      p.fn();
    }
  };
  return { store, advance, pending: () => pending };
}

const ts = (s: number, ns = 0) => `2026-11-28T12:00:${String(s).padStart(2, "0")}.${String(ns).padStart(9, "0").replace(/0+$/, "") || "0"}Z`;
const line = (container: string, s: number, text = `${container}-${s}`, stream: "stdout" | "stderr" = "stdout", ns = 0): LogLineWire => ({
  container,
  stream,
  ts: ts(s, ns),
  text,
});
const texts = (entries: LogEntry[]) => entries.map((e) => (e.kind === "line" ? e.raw : `[${e.reason}]`));

describe("LogStore", () => {
  it("keeps lines sorted, merging another container's late backlog into place", () => {
    const { store } = harness();
    store.addLines([line("a", 1), line("a", 3), line("a", 5)]);
    store.addLines([line("b", 2), line("b", 4), line("b", 6)]);
    expect(texts(store.entries())).toEqual(["a-1", "b-2", "a-3", "b-4", "a-5", "b-6"]);
    expect(store.received).toBe(6);
  });

  it("sorts a push that mixes containers out of order, stable on equal times", () => {
    const { store } = harness();
    store.addLines([line("a", 2, "a-2"), line("b", 1, "b-1"), line("b", 2, "b-2")]);
    expect(texts(store.entries())).toEqual(["b-1", "a-2", "b-2"]);
  });

  it("derives plain text and level on arrival", () => {
    const { store } = harness();
    store.addLines([line("a", 1, "\x1b[31mERROR\x1b[0m boom", "stderr")]);
    const e = store.entries()[0] as LineEntry;
    expect(e.plain).toBe("ERROR boom");
    expect(e.level).toBe("error");
    expect(e.stream).toBe("stderr");
    expect(store.maxLineLength).toBe(10);
  });

  it("drops the oldest past the capacity and counts them", () => {
    const { store } = harness(3);
    store.addLines([1, 2, 3, 4, 5].map((s) => line("a", s)));
    expect(texts(store.entries())).toEqual(["a-3", "a-4", "a-5"]);
    expect(store.evicted).toBe(2);
    expect(store.received).toBe(5);
  });

  it("lists a marker with the dropped count on top of what is held, and keeps level counts to what is held", () => {
    const { store } = harness(3);
    store.addLines([line("a", 1, "ERROR one"), line("a", 2, "WARN two")]);
    expect(store.rows()).toBe(store.rows());
    expect(texts(store.rows())).toEqual(["ERROR one", "WARN two"]);
    expect(store.levelCounts()).toMatchObject({ error: 1, warn: 1 });
    store.addLines([3, 4, 5].map((s) => line("a", s, `INFO ${s}`)));
    store.flush();
    const rows = store.rows();
    expect(texts(rows)).toEqual(["[dropped]", "INFO 3", "INFO 4", "INFO 5"]);
    expect(rows[0]).toMatchObject({ kind: "marker", reason: "dropped", count: 2, message: "3" });
    expect(store.levelCounts()).toEqual({ error: 0, warn: 0, info: 3, debug: 0, unknown: 0 });
    expect(store.lineCount).toBe(3);
  });

  it("shows server-skipped lines as a marker where they happened", () => {
    const { store } = harness();
    store.addLines([line("a", 1), line("a", 2)]);
    store.addSkipped(120);
    store.addLines([line("a", 9)]);
    expect(texts(store.entries())).toEqual(["a-1", "a-2", "[skipped]", "a-9"]);
    expect(store.skippedTotal).toBe(120);
    store.addSkipped(0);
    expect(store.skippedTotal).toBe(120);
  });

  it("records ended streams as markers; lines after a restart clear the ended state", () => {
    const { store } = harness();
    store.addLines([line("a", 1)]);
    store.addEnded("a", "exited", "Container exited with code 3");
    expect(store.ended.get("a")).toBe("exited");
    store.addLines([line("a", 7, "restarted")]);
    expect(store.ended.has("a")).toBe(false);
    expect(texts(store.entries())).toEqual(["a-1", "[exited]", "restarted"]);
  });

  it("shows one end-of-range row for a merged view", () => {
    const { store } = harness();
    store.addLines([line("a", 1), line("b", 2)]);
    store.addEnded("a", "end-of-range", "End");
    store.addEnded("b", "end-of-range", "End");
    expect(texts(store.entries())).toEqual(["a-1", "b-2", "[end-of-range]"]);
    expect(store.ended.size).toBe(2);
  });

  describe("resume after reconnect", () => {
    it("drops the overlap per container, keeps everything new", () => {
      const { store } = harness();
      store.addLines([line("a", 1), line("a", 5), line("b", 3)]);
      expect(store.beginResume()).toBe("2026-11-28T12:00:05.000000000Z");
      // The server re-sends from a little earlier: a's 5 and b's 3 are held, b's 4 is new.
      store.addLines([line("a", 4), line("a", 5), line("a", 6), line("b", 3), line("b", 4)]);
      expect(texts(store.entries())).toEqual(["a-1", "b-3", "b-4", "a-5", "a-6"]);
      expect(store.duplicates).toBe(3);
    });

    it("keeps a new line that shares the newest timestamp with a held one", () => {
      const { store } = harness();
      store.addLines([line("a", 5, "first")]);
      store.beginResume();
      store.addLines([line("a", 5, "first"), line("a", 5, "second"), line("a", 6, "third")]);
      expect(texts(store.entries())).toEqual(["first", "second", "third"]);
    });

    it("accepts everything from a container that had no lines", () => {
      const { store } = harness();
      store.addLines([line("a", 5)]);
      store.beginResume();
      store.addLines([line("b", 1)]);
      expect(texts(store.entries())).toEqual(["b-1", "a-5"]);
    });

    it("compares with nanosecond precision", () => {
      const { store } = harness();
      store.addLines([line("a", 5, "held", "stdout", 123456789)]);
      store.beginResume();
      store.addLines([line("a", 5, "held", "stdout", 123456789), line("a", 5, "new", "stdout", 123456790)]);
      expect(texts(store.entries())).toEqual(["held", "new"]);
    });

    it("returns nothing to resume from when empty", () => {
      expect(harness().store.beginResume()).toBeUndefined();
    });
  });

  describe("notifications", () => {
    it("tells React at once after a quiet spell, then at most every 250 ms", () => {
      const { store, advance } = harness();
      let calls = 0;
      store.subscribe(() => calls++);
      store.addLines([line("a", 1)]);
      advance(0);
      expect(calls).toBe(1);
      for (let i = 0; i < 100; i++) {
        store.addLines([line("a", 2 + (i % 50))]);
        advance(10);
      }
      // 1 s of pushes every 10 ms: about four notifications, not a hundred.
      expect(calls).toBeGreaterThanOrEqual(4);
      expect(calls).toBeLessThanOrEqual(6);
    });

    it("stretches the interval when renders are slow, within bounds", () => {
      const { store } = harness();
      expect(store.notifyInterval).toBe(250);
      store.rendered(150);
      expect(store.notifyInterval).toBe(600);
      store.rendered(5_000);
      expect(store.notifyInterval).toBe(1_000);
      store.rendered(3);
      expect(store.notifyInterval).toBe(250);
    });

    it("bumps the version and snapshots entries once per version", () => {
      const { store, advance } = harness();
      store.addLines([line("a", 1)]);
      advance(0);
      const v = store.getVersion();
      const a = store.entries();
      expect(store.entries()).toBe(a);
      store.addLines([line("a", 2)]);
      advance(250);
      expect(store.getVersion()).toBe(v + 1);
      expect(store.entries()).not.toBe(a);
      expect(a).toHaveLength(1);
    });

    it("measures live lines per second only", () => {
      const { store, advance } = harness();
      store.addLines([line("a", 1)]);
      store.setPhase("live");
      for (let i = 0; i < 30; i++) {
        store.addLines([line("a", 2), line("a", 3)]);
        advance(100);
      }
      // 20 lines a second, give or take the push on the window edge.
      expect(store.rate()).toBeGreaterThan(18);
      expect(store.rate()).toBeLessThanOrEqual(20);
      advance(5000);
      expect(store.rate()).toBe(0);
    });
  });
});
