/**
 * A minimal streaming tar reader for Docker's archive API: headers (ustar, GNU long names, pax
 * `path`/`size`/`linkpath`) and entry bodies, chunk by chunk, never buffering a whole file.
 */

export interface TarHeader {
  name: string;
  size: number;
  mode: number;
  mtime: number;
  /** '0' file, '5' directory, '2' symlink, '1' hard link, others. */
  type: string;
  linkname: string;
}

export interface TarHandlers {
  /** Return false to skip the body (it is still read past). */
  entry(h: TarHeader): boolean;
  body?(chunk: Buffer): void;
  /** Called when the current entry's body is complete. */
  entryEnd?(): void;
}

function str(b: Buffer, off: number, len: number): string {
  const s = b.subarray(off, off + len);
  const nul = s.indexOf(0);
  return (nul === -1 ? s : s.subarray(0, nul)).toString("utf8");
}

function num(b: Buffer, off: number, len: number): number {
  // GNU base-256 for large sizes.
  if (b[off]! & 0x80) {
    let v = 0;
    for (let i = off + 1; i < off + len; i++) v = v * 256 + b[i]!;
    return v;
  }
  const s = str(b, off, len).trim();
  return s ? parseInt(s, 8) : 0;
}

function parsePax(buf: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < buf.length) {
    const sp = buf.indexOf(0x20, i);
    if (sp === -1) break;
    const len = parseInt(buf.subarray(i, sp).toString(), 10);
    if (!len) break;
    const rec = buf.subarray(sp + 1, i + len - 1).toString("utf8");
    const eq = rec.indexOf("=");
    if (eq !== -1) out[rec.slice(0, eq)] = rec.slice(eq + 1);
    i += len;
  }
  return out;
}

/** A byte stream that is not a tar archive (bad header checksum), or one cut short. */
export class TarFormatError extends Error {
  readonly isTarFormatError = true;
}

/** Whether a header block's checksum (bytes summed with the checksum field as spaces) is right. */
function checksumOk(b: Buffer): boolean {
  const stored = num(b, 148, 8);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : b[i]!;
  return sum === stored;
}

export class TarReader {
  private buf: Buffer = Buffer.alloc(0);
  private remaining = 0;
  private padding = 0;
  private wanted = false;
  /** Collects a pax or GNU long-name body before the entry it applies to. */
  private meta?: { kind: "pax" | "gnuname" | "gnulink"; chunks: Buffer[] };
  private pax: Record<string, string> = {};
  private longName?: string;
  private longLink?: string;
  done = false;

  constructor(private readonly h: TarHandlers) {}

  write(chunk: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    while (!this.done) {
      if (this.remaining > 0) {
        if (this.buf.length === 0) return;
        const n = Math.min(this.remaining, this.buf.length);
        const part = this.buf.subarray(0, n);
        if (this.meta) this.meta.chunks.push(part);
        else if (this.wanted) this.h.body?.(part);
        this.buf = this.buf.subarray(n);
        this.remaining -= n;
        if (this.remaining === 0) this.finishBody();
        continue;
      }
      if (this.padding > 0) {
        if (this.buf.length === 0) return;
        const n = Math.min(this.padding, this.buf.length);
        this.buf = this.buf.subarray(n);
        this.padding -= n;
        continue;
      }
      if (this.buf.length < 512) return;
      const block = this.buf.subarray(0, 512);
      this.buf = this.buf.subarray(512);
      if (block.every((b) => b === 0)) {
        this.done = true;
        return;
      }
      this.header(block);
    }
  }

  /** Whether the archive ended cleanly: its end blocks were read, or the input stopped between entries. */
  get complete(): boolean {
    return this.done || (this.remaining === 0 && this.padding === 0 && this.buf.length === 0 && !this.meta);
  }

  private header(b: Buffer) {
    if (!checksumOk(b)) throw new TarFormatError("invalid tar header");
    const type = String.fromCharCode(b[156] || 0x30);
    const size = num(b, 124, 12);
    this.padding = (512 - (size % 512)) % 512;
    if (type === "x" || type === "L" || type === "K") {
      this.meta = { kind: type === "x" ? "pax" : type === "L" ? "gnuname" : "gnulink", chunks: [] };
      this.remaining = size;
      if (size === 0) this.finishBody();
      return;
    }
    if (type === "g") {
      // Global pax header: nothing we need.
      this.meta = { kind: "pax", chunks: [] };
      this.remaining = size;
      this.pax = {};
      if (size === 0) this.finishBody();
      return;
    }
    const prefix = str(b, 345, 155);
    let name = this.pax.path ?? this.longName ?? (prefix ? `${prefix}/${str(b, 0, 100)}` : str(b, 0, 100));
    const linkname = this.pax.linkpath ?? this.longLink ?? str(b, 157, 100);
    const realSize = this.pax.size ? Number(this.pax.size) : size;
    if (realSize !== size) this.padding = (512 - (realSize % 512)) % 512;
    this.pax = {};
    this.longName = this.longLink = undefined;
    if (type === "5" && !name.endsWith("/")) name += "/";
    const header: TarHeader = { name, size: realSize, mode: num(b, 100, 8), mtime: num(b, 136, 12), type, linkname };
    this.wanted = this.h.entry(header);
    this.remaining = type === "5" || type === "2" || type === "1" ? 0 : realSize;
    if (this.remaining === 0) this.h.entryEnd?.();
  }

  private finishBody() {
    if (this.meta) {
      const body = Buffer.concat(this.meta.chunks);
      if (this.meta.kind === "pax") this.pax = { ...this.pax, ...parsePax(body) };
      else if (this.meta.kind === "gnuname") this.longName = str(body, 0, body.length);
      else this.longLink = str(body, 0, body.length);
      this.meta = undefined;
      return;
    }
    this.h.entryEnd?.();
  }
}
