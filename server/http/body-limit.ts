import type { IncomingMessage, ServerResponse } from "node:http";

/** Bodies of JSON routes and pages: more than any form of Berth's sends. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Routes that take more than the default, each with its own cap. Uploads are streamed by their
 * handler, never buffered, so their cap bounds time and disk, not memory.
 */
export const BODY_LIMITS: readonly { pattern: RegExp; bytes: number; streamed: true }[] = [
  // Volume restore: the raw .tar / .tar.gz is piped into the helper container.
  { pattern: /^\/api\/v1\/engines\/[^/]+\/volumes\/[^/]+\/restore$/, bytes: 16 * 1024 ** 3, streamed: true },
];

/** The body cap for a request path (query string ignored). */
export function bodyLimitFor(url: string | undefined): { bytes: number; streamed: boolean } {
  const path = (url ?? "/").split("?")[0]!;
  const entry = BODY_LIMITS.find((l) => l.pattern.test(path));
  return entry ? { bytes: entry.bytes, streamed: true } : { bytes: DEFAULT_BODY_LIMIT, streamed: false };
}

function refuse(res: ServerResponse, limit: number): void {
  if (res.headersSent) return;
  const mib = limit / 1024 ** 2;
  const body = JSON.stringify({
    error: { code: "payload_too_large", message: `The request body is larger than this route accepts (${mib >= 1 ? `${mib} MiB` : `${limit} bytes`}).` },
  });
  // Connection: close, so Node does not try to read (and discard) the rest of the body to reuse the connection.
  res.writeHead(413, { "content-type": "application/json", "content-length": Buffer.byteLength(body), connection: "close" });
  res.end(body, () => res.socket?.destroy());
}

/**
 * Bounds a request body before anyone reads it, then calls `next`:
 * - a Content-Length above the route's cap is a 413 at once, with nothing read (Node's parser
 *   guarantees the body is exactly that long, so no further counting is needed);
 * - a chunked body (no Content-Length) is counted as the HTTP parser hands it over. For
 *   buffered routes it is held (at most the cap) and released to Next only once complete, so an
 *   oversized one is answered 413 before Next sees the request; for streamed routes the request is
 *   destroyed when the count passes the cap, which fails the handler's upload.
 *
 * Counting wraps `req.push`: Node's HTTP parser feeds a request's body through the public
 * Readable.push (body-limit.test.ts fails if that ever changes).
 */
export function limitBody(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const method = req.method ?? "GET";
  if (method === "GET" || method === "HEAD") return next();
  const { bytes: limit, streamed } = bodyLimitFor(req.url);
  const declared = req.headers["content-length"];
  if (declared !== undefined) {
    if (Number(declared) > limit) return refuse(res, limit);
    return next();
  }
  if (!req.headers["transfer-encoding"]) return next(); // no body at all

  const push = req.push.bind(req);
  let seen = 0;
  if (streamed) {
    req.push = (chunk: unknown, encoding?: BufferEncoding) => {
      if (chunk !== null) {
        seen += (chunk as Buffer).length;
        if (seen > limit) {
          req.destroy(Object.assign(new Error("request body over the route's limit"), { code: "payload_too_large" }));
          return false;
        }
      }
      return push(chunk, encoding);
    };
    return next();
  }
  const held: Buffer[] = [];
  let refused = false;
  req.push = (chunk: unknown, _encoding?: BufferEncoding) => {
    if (refused) return true; // dropped; the socket closes after the 413
    if (chunk !== null) {
      seen += (chunk as Buffer).length;
      if (seen > limit) {
        refused = true;
        held.length = 0;
        refuse(res, limit);
        return true;
      }
      held.push(chunk as Buffer);
      return true;
    }
    // Complete and within the cap: hand the body to Next as if it had just arrived.
    req.push = push;
    for (const b of held) push(b);
    push(null);
    next();
    return false;
  };
}
