import { Readable } from "node:stream";

/** A file name safe in a Content-Disposition header and on any filesystem. */
export function safeFileName(name: string): string {
  return name.replace(/[^\w.-]/g, "_");
}

/**
 * A streamed `text/plain` attachment: the body is pulled as the client reads (Node stream to web
 * stream), so a large file is never held. `base` gets a time stamp and `.log` appended.
 */
export function logFileResponse(body: Readable, base: string): Response {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new Response(Readable.toWeb(body) as ReadableStream, {
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-disposition": `attachment; filename="${safeFileName(base)}-${stamp}.log"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
