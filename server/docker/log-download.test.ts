import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { LogLine } from "./log-demuxer";
import { dockerLogsBody, formatLogLine, lineLogBody, mergedLogBody, namePrefixes, UpstreamLines, type LineSource } from "./log-download";

function frame(stream: 1 | 2, payload: string | Buffer): Buffer {
  const body = typeof payload === "string" ? Buffer.from(payload) : payload;
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}

async function collect(r: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of r) parts.push(typeof c === "string" ? Buffer.from(c) : c);
  return Buffer.concat(parts);
}

/** A fake Docker response that yields `chunks` one by one. */
function upstreamOf(chunks: Buffer[]): Readable {
  return Readable.from(chunks, { objectMode: false });
}

/** A source with all its lines known up front. */
function listSource(lines: LogLine[]): LineSource {
  let i = 0;
  return {
    peek: () => lines[i],
    take: () => lines[i++]!,
    get done() {
      return i >= lines.length;
    },
    ready: () => Promise.resolve(),
  };
}

/** Lets the event loop run a few times (stream events are spread over ticks). */
async function turns(n: number) {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
}

const line = (ts: string, text: string, stream: "stdout" | "stderr" = "stdout"): LogLine => ({ ts, text, stream });

describe("dockerLogsBody (a download that reads like docker logs)", () => {
  it("is the frames' payload bytes in order, nothing added or decoded", async () => {
    const invalidUtf8 = Buffer.from([0x66, 0xff, 0x0a]);
    const payloads: [1 | 2, Buffer][] = [
      [1, Buffer.from("out 1\n")],
      [2, Buffer.from("\x1b[31merr 1\x1b[0m\n")],
      [1, Buffer.from("crlf\r\n")],
      [2, invalidUtf8],
      [1, Buffer.from("no newline at the end")],
    ];
    const stream = Buffer.concat(payloads.map(([s, p]) => frame(s, p)));
    const expected = Buffer.concat(payloads.map(([, p]) => p));
    // Cut anywhere, headers included: still the same bytes.
    for (const size of [1, 3, 8, 13, stream.length]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < stream.length; i += size) chunks.push(stream.subarray(i, i + size));
      expect((await collect(dockerLogsBody(upstreamOf(chunks), false))).equals(expected), `chunks of ${size}`).toBe(true);
    }
  });

  it("passes a TTY container's raw stream through as it is", async () => {
    const raw = Buffer.from("progress 10%\rprogress 100%\r\n\x1b[1mdone\x1b[0m\r\n");
    expect((await collect(dockerLogsBody(upstreamOf([raw.subarray(0, 5), raw.subarray(5)]), true))).equals(raw)).toBe(true);
  });
});

describe("lineLogBody", () => {
  const stream = Buffer.concat([frame(1, "2026-12-03T10:00:00.1Z hello\n"), frame(2, "2026-12-03T10:00:00.2Z \x1b[31moops\x1b[0m\n")]);

  it("writes timestamps and stderr labels only when asked", async () => {
    const as = async (f: { timestamps: boolean; labels: boolean }) =>
      (await collect(lineLogBody(upstreamOf([stream]), false, true, (l) => formatLogLine(l, f)))).toString();
    expect(await as({ timestamps: false, labels: false })).toBe("hello\n\x1b[31moops\x1b[0m\n");
    expect(await as({ timestamps: true, labels: false })).toBe("2026-12-03T10:00:00.1Z hello\n2026-12-03T10:00:00.2Z \x1b[31moops\x1b[0m\n");
    expect(await as({ timestamps: true, labels: true })).toBe("2026-12-03T10:00:00.1Z hello\n2026-12-03T10:00:00.2Z [stderr] \x1b[31moops\x1b[0m\n");
    expect(await as({ timestamps: false, labels: true })).toBe("hello\n[stderr] \x1b[31moops\x1b[0m\n");
  });

  it("drops the lines the format refuses (the q filter)", async () => {
    const out = await collect(
      lineLogBody(upstreamOf([stream]), false, true, (l) => (l.stream === "stderr" ? formatLogLine(l, { timestamps: false, labels: false }) : null)),
    );
    expect(out.toString()).toBe("\x1b[31moops\x1b[0m\n");
  });
});

describe("namePrefixes", () => {
  it("pads names to one width, as docker compose logs does", () => {
    expect(namePrefixes(["web", "worker-1"])).toEqual(["web      | ", "worker-1 | "]);
  });
});

describe("mergedLogBody (k-way merge by time)", () => {
  const f = { timestamps: false, labels: false };

  it("orders lines from several containers by time, prefixed with the container's name", async () => {
    const a = listSource([line("2026-12-03T10:00:01Z", "a-1"), line("2026-12-03T10:00:03.5Z", "a-2"), line("2026-12-03T10:00:05Z", "a-3")]);
    const b = listSource([line("2026-12-03T10:00:00.9Z", "b-1"), line("2026-12-03T10:00:03.25Z", "b-2", "stderr"), line("2026-12-03T10:00:09Z", "b-3")]);
    const c = listSource([]);
    const out = (await collect(mergedLogBody([a, b, c], ["api", "db", "cache"], f))).toString();
    expect(out).toBe(["db    | b-1", "api   | a-1", "db    | b-2", "api   | a-2", "api   | a-3", "db    | b-3", ""].join("\n"));
  });

  it("compares nanosecond times exactly (trailing zeros trimmed by Docker), equal times keep the containers' order", async () => {
    const a = listSource([line("2026-12-03T10:00:00.100000001Z", "a-late"), line("2026-12-03T10:00:00.2Z", "a-tie")]);
    const b = listSource([line("2026-12-03T10:00:00.1Z", "b-early"), line("2026-12-03T10:00:00.200000000Z", "b-tie")]);
    const out = (await collect(mergedLogBody([a, b], ["a", "b"], { timestamps: true, labels: true }))).toString();
    expect(out.split("\n")).toEqual([
      "b | 2026-12-03T10:00:00.1Z b-early",
      "a | 2026-12-03T10:00:00.100000001Z a-late",
      "a | 2026-12-03T10:00:00.2Z a-tie",
      "b | 2026-12-03T10:00:00.200000000Z b-tie",
      "",
    ]);
  });

  it("keeps a line without a timestamp (the rest of an over-long line) next to its source's previous line", async () => {
    const a = listSource([line("2026-12-03T10:00:01Z", "long…"), line("", "…rest"), line("2026-12-03T10:00:04Z", "a-2")]);
    const b = listSource([line("2026-12-03T10:00:02Z", "b-1")]);
    const out = (await collect(mergedLogBody([a, b], ["a", "b"], f))).toString();
    expect(out.split("\n")).toEqual(["a | long…", "a | …rest", "b | b-1", "a | a-2", ""]);
  });

  it("waits for a slow container before writing a later line of a fast one", async () => {
    const slow = new PassThrough();
    const fast = upstreamOf([frame(1, "2026-12-03T10:00:02Z fast-1\n2026-12-03T10:00:04Z fast-2\n")]);
    const body = mergedLogBody([new UpstreamLines(slow, false, null), new UpstreamLines(fast, false, null)], ["slow", "fast"], f);
    const written: string[] = [];
    body.on("data", (c: Buffer | string) => written.push(c.toString()));
    const done = new Promise((r) => body.on("end", r)).then(() => Buffer.from(written.join("")));
    await turns(5);
    // The fast one's lines are all queued, but none may go out before the slow one has spoken.
    expect(written).toEqual([]);
    slow.write(frame(2, "2026-12-03T10:00:01Z slow-1\n"));
    await turns(5);
    slow.end(frame(1, "2026-12-03T10:00:03Z slow-2\n"));
    expect((await done).toString().split("\n")).toEqual(["slow | slow-1", "fast | fast-1", "slow | slow-2", "fast | fast-2", ""]);
  });

  it("applies the filter per container before merging", async () => {
    const a = upstreamOf([frame(1, "2026-12-03T10:00:01Z \x1b[31mERR\x1b[0mOR a\n2026-12-03T10:00:02Z fine a\n")]);
    const b = upstreamOf([frame(2, "2026-12-03T10:00:01.5Z error b\n")]);
    const keep = (raw: string) => raw.toLowerCase().includes("err");
    const out = (
      await collect(mergedLogBody([new UpstreamLines(a, false, keep), new UpstreamLines(b, false, keep)], ["a", "b"], { timestamps: false, labels: true }))
    ).toString();
    expect(out).toBe("a | \x1b[31mERR\x1b[0mOR a\nb | [stderr] error b\n");
  });

  it("streams with bounded memory: a container's upstream is paused while the reader does not read", async () => {
    const big = new PassThrough({ highWaterMark: 16 * 1024 });
    const quiet = new PassThrough();
    const lines = new UpstreamLines(big, false, null);
    const body = mergedLogBody([lines, new UpstreamLines(quiet, false, null)], ["big", "quiet"], f);
    body.pause();
    quiet.end(); // this one has nothing: the merge depends on the big one alone
    let written = 0;
    const text = "x".repeat(1000);
    // Write until the chain pushes back (nobody reads the body).
    for (let i = 0; i < 5_000; i++) {
      const ts = `2026-12-03T10:00:${String(i % 60).padStart(2, "0")}.${String(i).padStart(9, "0")}Z`;
      written++;
      if (!big.write(frame(1, `${ts} ${text}\n`))) break;
      await new Promise((r) => setImmediate(r));
    }
    expect(written).toBeLessThan(5_000);
    // Now read it all: every line comes out.
    big.end();
    const out = await collect(body.resume());
    expect(out.toString().split("\n").filter(Boolean)).toHaveLength(written);
  });
});
