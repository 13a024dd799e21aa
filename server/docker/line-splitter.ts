const LF = 10;
/** A stats or event document is a few KB; a "line" this long means the stream is not what we asked for. */
export const MAX_LINE_BYTES = 1 << 20;

/**
 * Newline-delimited lines (JSON documents) out of byte ranges, for the engine's NDJSON streams
 * (stats, events). Docker writes and flushes each document on its own, so a range is nearly
 * always exactly one: it is decoded where it lies, without joining or copying; only a line split
 * across reads is assembled (as bytes, so a character cut in two survives), up to MAX_LINE_BYTES.
 */
export class LineSplitter {
  private partial: Buffer[] = [];
  private partialBytes = 0;

  constructor(private readonly onLine: (text: string) => void) {}

  push(buf: Buffer, start: number, end: number): void {
    let pos = start;
    while (pos < end) {
      const nl = buf.indexOf(LF, pos);
      if (nl === -1 || nl >= end) {
        this.keep(buf, pos, end);
        return;
      }
      if (this.partialBytes === 0) this.onLine(buf.toString("utf8", pos, nl));
      else {
        this.partial.push(buf.subarray(pos, nl));
        const whole = Buffer.concat(this.partial);
        this.partial = [];
        this.partialBytes = 0;
        this.onLine(whole.toString("utf8"));
      }
      pos = nl + 1;
    }
  }

  private keep(buf: Buffer, start: number, end: number) {
    this.partialBytes += end - start;
    // Bounded: a runaway line is dropped rather than held.
    if (this.partialBytes > MAX_LINE_BYTES) {
      this.partial = [];
      this.partialBytes = 0;
      return;
    }
    // A copy: the caller may reuse its buffer (a socket's read buffer is not ours to keep).
    this.partial.push(Buffer.from(buf.subarray(start, end)));
  }
}
