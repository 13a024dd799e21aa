import { StringDecoder } from "node:string_decoder";

export type LogStream = "stdout" | "stderr";

export interface LogLine {
  stream: LogStream;
  /** Docker's RFC 3339 timestamp with nanoseconds, verbatim (sortable as a string within one day's format). */
  ts: string;
  text: string;
}

const HEADER_BYTES = 8;
/** Frames larger than this are not log frames: the stream is corrupt or not multiplexed. */
const MAX_FRAME_BYTES = 64 * 1024 * 1024;
/** A line that never ends is cut here so one runaway writer cannot grow memory without bound. */
export const MAX_LINE_CHARS = 256 * 1024;
/** `2026-11-28T12:00:00.123456789Z ` — the prefix `timestamps=1` puts on every log entry. */
const TS_PREFIX = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d) /;
/** The json-file driver logs a line longer than this as several entries (bytes of payload). */
export const DAEMON_PIECE_BYTES = 16 * 1024;

/** Index in `text` after `bytes` UTF-8 bytes counted from `from`; -1 when the text ends first or a character straddles it. */
function indexAfterUtf8Bytes(text: string, from: number, bytes: number): number {
  let count = 0;
  let i = from;
  while (count < bytes) {
    if (i >= text.length) return -1;
    const c = text.charCodeAt(i);
    if (c < 0x80) count += 1;
    else if (c < 0x800) count += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      count += 4;
      i++;
    } else count += 3;
    i++;
  }
  return count === bytes ? i : -1;
}

/**
 * A TTY stream has no frames to say where the daemon's 16 KiB pieces of one long line begin, but
 * each piece still carries its own timestamp prefix, right after exactly 16,384 payload bytes.
 * Drops those prefixes (`body` is the line after its first prefix).
 */
export function joinTtyPieces(body: string): string {
  if (body.length <= DAEMON_PIECE_BYTES && Buffer.byteLength(body) <= DAEMON_PIECE_BYTES) return body;
  let joined = "";
  let pos = 0;
  for (;;) {
    const cut = indexAfterUtf8Bytes(body, pos, DAEMON_PIECE_BYTES);
    if (cut === -1) break;
    const m = TS_PREFIX.exec(body.slice(cut, cut + 40));
    if (!m) break;
    joined += body.slice(pos, cut);
    pos = cut + m[0].length;
  }
  return pos === 0 ? body : joined + body.slice(pos);
}

/**
 * Turns a stream's bytes into lines: a streaming UTF-8 decoder (characters split across frames
 * decode whole, invalid bytes become U+FFFD), newline splitting, timestamp prefix parsing, and
 * re-joining of entries the json-file driver split at 16 KiB (each continuation piece carries a
 * timestamp prefix of its own, which is dropped: framed streams mark pieces by frame, TTY streams
 * by byte count). Prefixes are parsed when a line is complete, so a prefix cut across chunks is
 * still recognised.
 */
class LineAssembler {
  private readonly decoder = new StringDecoder("utf8");
  private partial = "";
  /** Offsets in `partial` where a continuation piece (a new frame) began. */
  private pieceStarts: number[] = [];

  constructor(
    private readonly stream: LogStream,
    private readonly timestamps: boolean,
    /** False for TTY streams, which have no frames. */
    private readonly framed: boolean,
    private readonly emit: (line: LogLine) => void,
  ) {}

  /** A new frame begins: one log entry, or a piece of one the daemon split at 16 KiB. */
  startEntry(): void {
    if (this.partial) this.pieceStarts.push(this.partial.length);
  }

  /** Payload bytes (a frame's, or a TTY stream's, which has no entry boundaries). */
  raw(bytes: Uint8Array): void {
    this.push(this.decoder.write(bytes as Buffer));
  }

  end(): void {
    this.push(this.decoder.end());
    if (this.partial) this.flushLine(this.partial);
    this.partial = "";
  }

  private push(text: string): void {
    let start = 0;
    for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
      const line = this.partial ? this.partial + text.slice(start, nl) : text.slice(start, nl);
      this.partial = "";
      this.flushLine(line);
      start = nl + 1;
    }
    if (start < text.length) {
      this.partial += start === 0 ? text : text.slice(start);
      if (this.partial.length > MAX_LINE_CHARS) {
        this.flushLine(this.partial);
        this.partial = "";
      }
    }
  }

  private flushLine(line: string) {
    const pieces = this.pieceStarts;
    this.pieceStarts = [];
    let ts = "";
    if (this.timestamps) {
      for (let i = pieces.length - 1; i >= 0; i--) {
        const at = pieces[i]!;
        const m = TS_PREFIX.exec(line.slice(at, at + 40));
        if (m) line = line.slice(0, at) + line.slice(at + m[0].length);
      }
      const m = TS_PREFIX.exec(line.slice(0, 40));
      if (m) {
        ts = m[0].slice(0, -1);
        line = line.slice(m[0].length);
        if (!this.framed) line = joinTtyPieces(line);
      }
    }
    this.emit({ stream: this.stream, ts, text: line.endsWith("\r") ? line.slice(0, -1) : line });
  }
}

/**
 * Docker's multiplexed framing, parsed without copying payloads: the 8-byte header is read in
 * place (only a header split across chunks is copied, into an 8-byte scratch buffer) and each
 * payload piece is handed on as a subarray view of the chunk it arrived in.
 */
export class FrameParser {
  private readonly header = Buffer.alloc(HEADER_BYTES);
  private headerFill = 0;
  private remaining = 0;
  private stream: 1 | 2 = 1;
  /** Set when the bytes are not Docker frames; further input is ignored. */
  corrupt = false;

  constructor(
    /** A new frame starts on `stream` (1 stdout, 2 stderr). */
    private readonly onFrame: (stream: 1 | 2) => void,
    /** A piece of the current frame's payload; a view, valid only during the call. */
    private readonly onPayload: (stream: 1 | 2, bytes: Uint8Array) => void,
  ) {}

  write(chunk: Uint8Array): void {
    if (this.corrupt) return;
    let offset = 0;
    while (offset < chunk.length) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - offset);
        this.onPayload(this.stream, chunk.subarray(offset, offset + take));
        this.remaining -= take;
        offset += take;
        continue;
      }
      let header: Uint8Array;
      let at: number;
      if (this.headerFill === 0 && chunk.length - offset >= HEADER_BYTES) {
        header = chunk;
        at = offset;
        offset += HEADER_BYTES;
      } else {
        const take = Math.min(HEADER_BYTES - this.headerFill, chunk.length - offset);
        this.header.set(chunk.subarray(offset, offset + take), this.headerFill);
        this.headerFill += take;
        offset += take;
        if (this.headerFill < HEADER_BYTES) return;
        this.headerFill = 0;
        header = this.header;
        at = 0;
      }
      const streamType = header[at]!;
      const length = header[at + 4]! * 0x1000000 + (header[at + 5]! << 16) + (header[at + 6]! << 8) + header[at + 7]!;
      if (streamType > 2 || length > MAX_FRAME_BYTES) {
        this.corrupt = true;
        return;
      }
      // Stream 0 (stdin) never carries logs; treat it as stdout rather than drop it.
      this.stream = streamType === 2 ? 2 : 1;
      this.remaining = length;
      this.onFrame(this.stream);
    }
  }
}

/**
 * Demultiplexes a container's log stream into lines (see FrameParser and LineAssembler).
 * `tty: true` streams have no frames and are stdout only.
 */
export class LogDemuxer {
  private readonly frames: FrameParser | null;
  private readonly stdout: LineAssembler;
  private readonly stderr: LineAssembler;

  constructor(tty: boolean, timestamps: boolean, emit: (line: LogLine) => void) {
    this.stdout = new LineAssembler("stdout", timestamps, !tty, emit);
    this.stderr = new LineAssembler("stderr", timestamps, !tty, emit);
    this.frames = tty
      ? null
      : new FrameParser(
          (stream) => (stream === 2 ? this.stderr : this.stdout).startEntry(),
          (stream, bytes) => (stream === 2 ? this.stderr : this.stdout).raw(bytes),
        );
  }

  /** True when the stream turned out not to be multiplexed. */
  get corrupt(): boolean {
    return this.frames?.corrupt ?? false;
  }

  write(chunk: Uint8Array): void {
    if (this.frames) this.frames.write(chunk);
    else this.stdout.raw(chunk);
  }

  /** Flushes lines that did not end in a newline (at stream end). */
  end(): void {
    this.stdout.end();
    this.stderr.end();
  }
}
