import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import Docker from "dockerode";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { Engine } from "./engines";
import { openStatsStream, StatsResponseDecoder } from "./stats-stream";

/** An engine whose connection the raw reader cannot use, so the stream goes through this dockerode client. */
const viaDockerode = (docker: Docker) => ({ id: "t", docker, plainEndpoint: () => undefined, noteFailure: () => {} }) as unknown as Engine;

const DOC_A = JSON.stringify({ read: "2026-12-03T06:00:00.123456789Z", name: "/web", pids_stats: { current: 3 } });
const DOC_B = JSON.stringify({ read: "2026-12-03T06:00:01.123456789Z", name: "/wéb-ü", pids_stats: { current: 4 } });

function chunk(body: string): string {
  return `${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n`;
}

const HEAD = "HTTP/1.1 200 OK\r\nApi-Version: 1.47\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";

function decode(pieces: Buffer[]): { docs: string[]; ends: ({ status: number; message: string } | undefined)[] } {
  const docs: string[] = [];
  const ends: ({ status: number; message: string } | undefined)[] = [];
  const d = new StatsResponseDecoder(
    (t) => docs.push(t),
    (e) => ends.push(e),
  );
  for (const p of pieces) d.push(p);
  return { docs, ends };
}

describe("StatsResponseDecoder", () => {
  const response = Buffer.from(HEAD + chunk(DOC_A + "\n") + chunk(DOC_B + "\n") + "0\r\n\r\n");

  it("reads one document per chunk, and ends once at the last chunk", () => {
    expect(decode([response])).toEqual({ docs: [DOC_A, DOC_B], ends: [undefined] });
  });

  it("gives the same documents however the bytes are split across reads", () => {
    for (let at = 1; at < response.length; at++) {
      expect(decode([response.subarray(0, at), response.subarray(at)]), `split at ${at}`).toEqual({ docs: [DOC_A, DOC_B], ends: [undefined] });
    }
    expect(decode([...response].map((b) => Buffer.from([b])))).toEqual({ docs: [DOC_A, DOC_B], ends: [undefined] });
  });

  it("keeps nothing of the read buffer, which the socket reuses for the next read", () => {
    const scratch = Buffer.alloc(64);
    for (let size = 1; size <= 64; size *= 2) {
      const docs: string[] = [];
      const ends: unknown[] = [];
      const d = new StatsResponseDecoder(
        (t) => docs.push(t),
        (e) => ends.push(e),
      );
      for (let at = 0; at < response.length; at += size) {
        const n = response.copy(scratch, 0, at, at + size);
        d.push(scratch, n);
        scratch.fill("#");
      }
      expect({ docs, ends }, `reads of ${size} bytes`).toEqual({ docs: [DOC_A, DOC_B], ends: [undefined] });
    }
  });

  it("handles several documents in one chunk and one document across chunks", () => {
    const half = Math.floor(DOC_B.length / 2);
    const body = HEAD + chunk(`${DOC_A}\n${DOC_B.slice(0, half)}`) + chunk(`${DOC_B.slice(half)}\n`);
    expect(decode([Buffer.from(body)]).docs).toEqual([DOC_A, DOC_B]);
  });

  it("ends with Docker's status on an error response, and hands on no document", () => {
    const body = '{"message":"No such container: nope"}\n';
    const res = Buffer.from(`HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    expect(decode([res])).toEqual({ docs: [], ends: [{ status: 404, message: "Not Found" }] });
  });

  it("reads a close-delimited body (no chunked encoding) as plain lines", () => {
    const res = Buffer.from(`HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n${DOC_A}\n${DOC_B}\n`);
    expect(decode([res]).docs).toEqual([DOC_A, DOC_B]);
  });

  it("refuses what is not an HTTP response, and a bad chunk size", () => {
    expect(decode([Buffer.from("SSH-2.0-OpenSSH\r\n\r\n")]).ends).toEqual([{ status: 502, message: "not an HTTP response" }]);
    expect(decode([Buffer.from(HEAD + "zz\r\n")]).ends).toEqual([{ status: 502, message: "bad chunk size" }]);
  });
});

describe("openStatsStream over a unix socket", () => {
  let server: http.Server | undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-stats-stream-"));
  afterEach(() => server?.close());
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("asks for the container's stream and hands on each document, then the end", async () => {
    const socketPath = path.join(dir, "docker.sock");
    fs.rmSync(socketPath, { force: true });
    const asked: string[] = [];
    server = http.createServer((req, res) => {
      asked.push(req.url ?? "");
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write(DOC_A + "\n");
      setTimeout(() => res.end(DOC_B + "\n"), 20);
    });
    await new Promise<void>((r) => server!.listen(socketPath, r));
    const docs: string[] = [];
    const ended = new Promise<Error | undefined>((resolve) => {
      void openStatsStream(new Engine("t", "Test", { kind: "socket", socketPath }), "abc123", { doc: (t) => docs.push(t), end: resolve });
    });
    expect(await ended).toBeUndefined();
    expect(asked).toEqual(["/containers/abc123/stats?stream=1"]);
    expect(docs).toEqual([DOC_A, DOC_B]);
  });

  it("goes through dockerode when the engine needs more than a plain socket (TLS, SSH; here: extra headers), with the same documents", async () => {
    const socketPath = path.join(dir, "docker3.sock");
    fs.rmSync(socketPath, { force: true });
    const seen: (string | undefined)[] = [];
    server = http.createServer((req, res) => {
      seen.push(req.headers["x-berth-test"] as string | undefined);
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write(DOC_A + "\n" + DOC_B.slice(0, 10));
      setTimeout(() => res.end(DOC_B.slice(10) + "\n"), 20);
    });
    await new Promise<void>((r) => server!.listen(socketPath, r));
    const docs: string[] = [];
    await new Promise<Error | undefined>((resolve) => {
      void openStatsStream(viaDockerode(new Docker({ socketPath, headers: { "X-Berth-Test": "yes" } })), "abc123", { doc: (t) => docs.push(t), end: resolve });
    });
    expect(seen).toEqual(["yes"]);
    expect(docs).toEqual([DOC_A, DOC_B]);
  });

  it("ends with the status when the engine refuses", async () => {
    const socketPath = path.join(dir, "docker2.sock");
    fs.rmSync(socketPath, { force: true });
    server = http.createServer((_req, res) => res.writeHead(404, { "Content-Type": "application/json" }).end('{"message":"No such container"}'));
    await new Promise<void>((r) => server!.listen(socketPath, r));
    const err = await new Promise<(Error & { statusCode?: number }) | undefined>((resolve) => {
      void openStatsStream(new Engine("t", "Test", { kind: "socket", socketPath }), "gone", { doc: () => {}, end: resolve });
    });
    expect(err?.statusCode).toBe(404);
  });
});
