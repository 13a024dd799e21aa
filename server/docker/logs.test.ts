import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { Engine } from "./engines";
import { openLogStream } from "./logs";

/**
 * openLogStream dials through docker-modem's `dial` with `isStream` and `abortSignal` (dockerode's
 * own log method buffers non-follow requests whole). These fail if a docker-modem upgrade stops
 * streaming such a request, drops the abort signal, or changes how a failed request's message reads.
 */
describe("openLogStream (docker-modem's dial with isStream)", () => {
  let server: http.Server | undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-logs-"));
  afterEach(() => server?.close());
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function engineAt(name: string, handler: http.RequestListener): Promise<Engine> {
    const socketPath = path.join(dir, name);
    fs.rmSync(socketPath, { force: true });
    server = http.createServer(handler);
    await new Promise<void>((r) => server!.listen(socketPath, r));
    return new Engine("t", "Test", { kind: "socket", socketPath });
  }

  it("resolves with the response stream before the body ends, with Docker's query", async () => {
    let finish!: () => void;
    const asked: string[] = [];
    const engine = await engineAt("a.sock", (req, res) => {
      asked.push(req.url ?? "");
      res.writeHead(200, { "Content-Type": "application/vnd.docker.raw-stream" });
      res.write("first\n");
      finish = () => res.end("last\n");
    });
    const stream = await openLogStream(engine, "abc", { follow: false, tail: 5, since: 1.5 });
    const chunks: string[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c.toString()));
    await new Promise((r) => stream.once("data", r));
    expect(chunks.join("")).toBe("first\n");
    finish();
    await new Promise((r) => stream.once("end", r));
    expect(chunks.join("")).toBe("first\nlast\n");
    const url = new URL(asked[0]!, "http://x");
    expect(url.pathname).toBe("/containers/abc/logs");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      follow: "false",
      stdout: "true",
      stderr: "true",
      timestamps: "true",
      tail: "5",
      since: "1.500000000",
    });
  });

  it("stops the request when its signal aborts", async () => {
    let closed!: Promise<void>;
    const engine = await engineAt("b.sock", (req, res) => {
      closed = new Promise((r) => req.socket.once("close", () => r()));
      res.writeHead(200).write("x");
    });
    const abort = new AbortController();
    const stream = await openLogStream(engine, "abc", { follow: true }, abort.signal);
    stream.on("error", () => {});
    abort.abort();
    await closed;
  });

  it("fails with Berth's EngineError and Docker's own message", async () => {
    const engine = await engineAt("c.sock", (_req, res) =>
      res.writeHead(404, { "Content-Type": "application/json" }).end('{"message":"No such container: abc"}'),
    );
    await expect(openLogStream(engine, "abc", { follow: false })).rejects.toMatchObject({
      isEngineError: true,
      code: "not_found",
      message: "No such container: abc",
    });
  });
});
