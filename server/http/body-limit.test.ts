import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyLimitFor, DEFAULT_BODY_LIMIT, limitBody } from "./body-limit";

let server: http.Server;
let base: string;
const seen: { url: string; bytes: number }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) =>
    limitBody(req, res, () => {
      let bytes = 0;
      req.on("data", (c: Buffer) => (bytes += c.length));
      req.on("end", () => {
        seen.push({ url: req.url!, bytes });
        res.end(JSON.stringify({ bytes }));
      });
      req.on("error", () => seen.push({ url: req.url!, bytes: -1 }));
    }),
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** A chunked upload of `total` bytes (no Content-Length), in 64 KiB chunks. */
function chunked(url: string, total: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${url}`, { method: "POST", headers: { "transfer-encoding": "chunked" } }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
    });
    req.on("error", reject);
    const chunk = Buffer.alloc(64 * 1024, 120);
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        const n = Math.min(chunk.length, total - sent);
        sent += n;
        if (!req.write(chunk.subarray(0, n))) return void req.once("drain", pump);
      }
      req.end();
    };
    req.on("response", () => (sent = total)); // answered early: stop sending
    pump();
  });
}

describe("bodyLimitFor", () => {
  it("gives JSON routes 1 MiB and the restore upload its own cap", () => {
    expect(bodyLimitFor("/api/v1/auth/login")).toEqual({ bytes: DEFAULT_BODY_LIMIT, streamed: false });
    expect(bodyLimitFor("/api/v1/engines/local/volumes/data/restore?create=true").streamed).toBe(true);
    expect(bodyLimitFor("/api/v1/engines/local/volumes/data/restore/x").streamed).toBe(false);
  });
});

describe("limitBody", () => {
  it("refuses an oversized Content-Length with 413 before reading it", async () => {
    const raw = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${base}/api/v1/auth/login`, { method: "POST", headers: { "content-length": String(200 * 1024 ** 2) } }, (r) => {
        let body = "";
        r.on("data", (c) => (body += c));
        r.on("end", () => resolve({ status: r.statusCode!, body }));
      });
      req.on("error", reject);
      req.write("{");
    });
    expect(raw.status).toBe(413);
    expect(JSON.parse(raw.body).error.code).toBe("payload_too_large");
  });
  it("passes a body within the cap, chunked or not", async () => {
    const r1 = await fetch(`${base}/small`, { method: "POST", body: "x".repeat(1000) });
    expect(await r1.json()).toEqual({ bytes: 1000 });
    const r2 = await chunked("/small-chunked", 300 * 1024);
    expect(r2.status).toBe(200);
    expect(JSON.parse(r2.body)).toEqual({ bytes: 300 * 1024 });
  });
  it("counts a chunked body (Node's parser feeds it through req.push) and refuses it past the cap", async () => {
    const before = seen.length;
    const r = await chunked("/api/v1/auth/login", 5 * 1024 ** 2);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.code).toBe("payload_too_large");
    expect(seen.length).toBe(before); // the handler never saw the request
  });
});
