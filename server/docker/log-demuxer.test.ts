import { describe, expect, it } from "vitest";
import { LogDemuxer, MAX_LINE_CHARS, type LogLine } from "./log-demuxer";

function frame(stream: 1 | 2, payload: string | Buffer): Buffer {
  const body = typeof payload === "string" ? Buffer.from(payload) : payload;
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}

function run(chunks: Buffer[], opts: { tty?: boolean; timestamps?: boolean } = {}): LogLine[] {
  const lines: LogLine[] = [];
  const d = new LogDemuxer(opts.tty ?? false, opts.timestamps ?? false, (l) => lines.push(l));
  for (const c of chunks) d.write(c);
  d.end();
  return lines;
}

/** Every way of cutting `buf` into pieces of `size` bytes. */
function cut(buf: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) out.push(buf.subarray(i, i + size));
  return out;
}

describe("LogDemuxer", () => {
  it("splits frames into lines and tells stdout from stderr", () => {
    const lines = run([Buffer.concat([frame(1, "hello\n"), frame(2, "oops\n"), frame(1, "a\nb\n")])]);
    expect(lines.map((l) => [l.stream, l.text])).toEqual([
      ["stdout", "hello"],
      ["stderr", "oops"],
      ["stdout", "a"],
      ["stdout", "b"],
    ]);
  });

  it("survives headers and payloads split at every byte", () => {
    const stream = Buffer.concat([frame(1, "first line\n"), frame(2, "second\n"), frame(1, "third\n")]);
    for (let size = 1; size <= 9; size++) {
      expect(run(cut(stream, size)).map((l) => l.text)).toEqual(["first line", "second", "third"]);
    }
  });

  it("decodes UTF-8 characters split across frames", () => {
    const euro = Buffer.from("price: 5€ ✓ 日本\n");
    const at = euro.indexOf(0xe2) + 1; // inside the three bytes of €
    const lines = run([frame(1, euro.subarray(0, at)), frame(1, euro.subarray(at))]);
    expect(lines).toEqual([{ stream: "stdout", ts: "", text: "price: 5€ ✓ 日本" }]);
  });

  it("shows invalid bytes as replacement characters", () => {
    const lines = run([frame(1, Buffer.from([0x6f, 0x6b, 0xff, 0xfe, 0x21, 0x0a]))]);
    expect(lines[0]!.text).toBe("ok\uFFFD\uFFFD!");
  });

  it("parses timestamps and joins entries the daemon split at 16 KiB", () => {
    const big = "x".repeat(16 * 1024);
    const lines = run(
      [
        frame(1, `2026-11-28T12:00:00.000000001Z ${big}`),
        frame(1, `2026-11-28T12:00:00.000000002Z ${big}`),
        frame(1, "2026-11-28T12:00:00.000000003Z tail\n"),
        frame(2, "2026-11-28T12:00:01.5Z next\n"),
      ],
      { timestamps: true },
    );
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({ stream: "stdout", ts: "2026-11-28T12:00:00.000000001Z", text: big + big + "tail" });
    expect(lines[1]).toEqual({ stream: "stderr", ts: "2026-11-28T12:00:01.5Z", text: "next" });
  });

  it("keeps stdout and stderr partial lines apart when they interleave", () => {
    const lines = run([frame(1, "out-a"), frame(2, "err-a"), frame(1, "out-b\n"), frame(2, "err-b\n")]);
    expect(lines.map((l) => `${l.stream}:${l.text}`)).toEqual(["stdout:out-aout-b", "stderr:err-aerr-b"]);
  });

  it("reads TTY streams raw, with timestamps after each newline", () => {
    const raw = Buffer.from("2026-11-28T12:00:00Z one\r\n2026-11-28T12:00:01Z two\r\n");
    const lines = run(cut(raw, 7), { tty: true, timestamps: true });
    expect(lines).toEqual([
      { stream: "stdout", ts: "2026-11-28T12:00:00Z", text: "one" },
      { stream: "stdout", ts: "2026-11-28T12:00:01Z", text: "two" },
    ]);
  });

  it("joins a long TTY line the daemon logged as 16 KiB pieces, each with its own timestamp", () => {
    // The shape a real daemon sends for `printf` of 40,000 characters on a TTY (captured and checked).
    const body = "a".repeat(40_000);
    const raw = Buffer.from(
      `2026-12-02T16:41:31.462667004Z ${body.slice(0, 16384)}2026-12-02T16:41:31.46266Z ${body.slice(16384, 32768)}` +
        `2026-12-02T16:41:31.462667004Z ${body.slice(32768)}\r\n2026-12-02T16:41:31.463594544Z short\r\n`,
    );
    const lines = run(cut(raw, 4096), { tty: true, timestamps: true });
    expect(lines).toEqual([
      { stream: "stdout", ts: "2026-12-02T16:41:31.462667004Z", text: body },
      { stream: "stdout", ts: "2026-12-02T16:41:31.463594544Z", text: "short" },
    ]);
  });

  it("counts TTY pieces in bytes, not characters, and keeps timestamp-like text elsewhere", () => {
    const piece = "é".repeat(8192); // 16,384 bytes in UTF-8
    const tail = " 2026-12-02T16:41:31Z stays";
    const raw = Buffer.from(`2026-12-02T16:41:31Z ${piece}2026-12-02T16:41:31Z ${piece}${tail}\n`);
    const [line] = run(cut(raw, 1000), { tty: true, timestamps: true });
    expect(line!.text).toBe(piece + piece + tail);
  });

  it("flushes a last line without a newline at the end", () => {
    expect(run([frame(1, "no newline")]).map((l) => l.text)).toEqual(["no newline"]);
  });

  it("bounds a line that never ends", () => {
    const lines = run([frame(1, "y".repeat(MAX_LINE_CHARS + 10))]);
    expect(lines[0]!.text.length).toBeGreaterThanOrEqual(MAX_LINE_CHARS);
    expect(lines.reduce((n, l) => n + l.text.length, 0)).toBe(MAX_LINE_CHARS + 10);
  });

  it("stops at a stream that is not multiplexed instead of inventing frames", () => {
    const d = new LogDemuxer(false, false, () => {});
    d.write(Buffer.from("plain text that is not a frame header\n"));
    expect(d.corrupt).toBe(true);
  });
});

describe("LogDemuxer with timestamps cut across chunks", () => {
  it("recognises a prefix split between two reads", () => {
    const stream = Buffer.concat([frame(1, "2026-11-28T12:00:00.000000001Z hello\n"), frame(2, "2026-11-28T12:00:00.5Z bye\n")]);
    for (let size = 1; size <= 12; size++) {
      expect(run(cut(stream, size), { timestamps: true })).toEqual([
        { stream: "stdout", ts: "2026-11-28T12:00:00.000000001Z", text: "hello" },
        { stream: "stderr", ts: "2026-11-28T12:00:00.5Z", text: "bye" },
      ]);
    }
  });
});
