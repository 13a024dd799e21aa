import net from "node:net";
import { engineFailure } from "./call";
import type { Engine } from "./engines";
import { LineSplitter } from "./line-splitter";

/** Response headers larger than this are not Docker's: the connection is dropped. */
const MAX_HEAD_BYTES = 64 * 1024;
const LF = 10;
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);

export interface StatsStreamHandlers {
  /** One JSON document, without its newline. */
  doc(text: string): void;
  /** The stream is over: Docker ended it, the connection failed, or it answered with an error status. */
  end(err?: Error & { statusCode?: number }): void;
}

export interface StatsStream {
  close(): void;
}

type State = "head" | "size" | "data" | "data-end" | "body" | "done";

/**
 * The HTTP/1.1 response of `GET /containers/{id}/stats?stream=1`, read straight off the socket:
 * status line and headers, then the chunked (or, from a proxy, close-delimited) body handed to a
 * LineSplitter. This skips Node's HTTP client and its extra stream per response — at hundreds of
 * containers, one document each per second, that machinery costs more than the parsing.
 */
export class StatsResponseDecoder {
  private state: State = "head";
  private head = "";
  private sizeLine = "";
  private remaining = 0;
  private readonly docs: LineSplitter;

  constructor(
    onDoc: (text: string) => void,
    /** Called once: at the last chunk, or with the status of an error response or a broken one (502). */
    private readonly onEnd: (error?: { status: number; message: string }) => void,
  ) {
    this.docs = new LineSplitter(onDoc);
  }

  /** Decodes `buf[0, end)`. Nothing of `buf` is kept: the caller may reuse it for the next read. */
  push(buf: Buffer, end = buf.length): void {
    if (this.state === "done") return;
    let pos = 0;
    if (this.state === "head") {
      pos = this.readHead(buf, end);
      if (pos === -1) return;
    }
    while (pos < end) {
      switch (this.state) {
        case "body":
          this.docs.push(buf, pos, end);
          return;
        case "size": {
          const nl = buf.indexOf(LF, pos);
          if (nl === -1 || nl >= end) {
            this.sizeLine += buf.toString("latin1", pos, end);
            if (this.sizeLine.length > 64) this.fail("bad chunk size line");
            return;
          }
          const line = this.sizeLine + buf.toString("latin1", pos, nl);
          this.sizeLine = "";
          pos = nl + 1;
          const size = parseInt(line, 16); // ignores chunk extensions after ";" and the CR
          if (!Number.isFinite(size) || size < 0) return this.fail("bad chunk size");
          if (size === 0) {
            this.state = "done";
            this.onEnd();
            return;
          }
          this.remaining = size;
          this.state = "data";
          break;
        }
        case "data": {
          const dataEnd = Math.min(end, pos + this.remaining);
          this.docs.push(buf, pos, dataEnd);
          this.remaining -= dataEnd - pos;
          pos = dataEnd;
          if (this.remaining === 0) this.state = "data-end";
          break;
        }
        case "data-end": {
          // The CRLF after a chunk's data (it may arrive in the next read).
          const nl = buf.indexOf(LF, pos);
          if (nl === -1 || nl >= end) return;
          pos = nl + 1;
          this.state = "size";
          break;
        }
        default:
          return;
      }
    }
  }

  /** Reads the status line and headers; returns where the body starts in `buf`, or -1 for "need more". */
  private readHead(buf: Buffer, bufEnd: number): number {
    const before = this.head.length;
    this.head += buf.toString("latin1", 0, bufEnd);
    const end = this.head.indexOf("\r\n\r\n");
    if (end === -1) {
      if (this.head.length > MAX_HEAD_BYTES) this.fail("response headers too large");
      return -1;
    }
    const lines = this.head.slice(0, end).split("\r\n");
    this.head = "";
    const status = /^HTTP\/1\.[01] (\d{3}) ?(.*)$/.exec(lines[0] ?? "");
    if (!status) {
      this.fail("not an HTTP response");
      return -1;
    }
    if (status[1] !== "200") {
      this.state = "done";
      this.onEnd({ status: Number(status[1]), message: status[2] ?? "" });
      return -1;
    }
    this.state = lines.some((l) => /^transfer-encoding:.*chunked/i.test(l)) ? "size" : "body";
    return end + 4 - before;
  }

  private fail(message: string) {
    this.state = "done";
    this.onEnd({ status: 502, message });
  }
}

function statusError(status: number, message: string): Error & { statusCode: number } {
  return Object.assign(new Error(`stats stream: HTTP ${status} ${message}`.trim()), { statusCode: status });
}

/**
 * Follows one container's stats: `handlers.doc` gets each document's text, `handlers.end` is
 * called once when the stream is over. Over a unix socket or plain TCP the response is read
 * off the socket by StatsResponseDecoder; TLS and SSH engines go through dockerode.
 */
export async function openStatsStream(engine: Engine, id: string, handlers: StatsStreamHandlers): Promise<StatsStream> {
  const docker = engine.docker;
  let ended = false;
  const end = (err?: Error) => {
    if (ended) return;
    ended = true;
    handlers.end(err);
  };
  const endpoint = engine.plainEndpoint();
  if (!endpoint) {
    let stream: NodeJS.ReadableStream & { destroy(): void };
    try {
      stream = (await docker.getContainer(id).stats({ stream: true })) as unknown as NodeJS.ReadableStream & { destroy(): void };
    } catch (e) {
      throw engineFailure(engine, e);
    }
    const docs = new LineSplitter(handlers.doc);
    stream.on("data", (chunk: Buffer) => docs.push(chunk, 0, chunk.length));
    stream.on("end", () => end());
    stream.on("close", () => end());
    stream.on("error", (e: Error) => end(e));
    return { close: () => (end(), stream.destroy()) };
  }
  // Reads land in one shared buffer and go straight to the decoder: no Buffer and no stream
  // event per read. Safe to share because each read is decoded before the next one is made.
  const socket = net.connect({ ...endpoint, onread: { buffer: READ_BUFFER, callback: (n: number) => (decoder.push(READ_BUFFER, n), true) } });
  const decoder = new StatsResponseDecoder(handlers.doc, (error) => {
    end(error && statusError(error.status, error.message));
    socket.destroy();
  });
  socket.write(`GET /containers/${encodeURIComponent(id)}/stats?stream=1 HTTP/1.1\r\nHost: docker\r\nUser-Agent: berth\r\n\r\n`);
  socket.on("error", (e) => end(e));
  socket.on("close", () => end());
  return { close: () => (end(), socket.destroy()) };
}
