import { randomBytes } from "node:crypto";

/** Request header carrying the page's nonce to server components (the root layout's theme script). */
export const NONCE_HEADER = "x-berth-nonce";

/** A fresh, unguessable nonce per response (128 bits, base64). */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The Content-Security-Policy of every response. Scripts: only Berth's own files and inline
 * scripts carrying this response's nonce (Next adds it to its own scripts when it finds the
 * policy on the request; the root layout gives it to the theme boot script). Styles: Berth's own
 * files and nonce'd <style>; `style` attributes stay allowed ('unsafe-inline' in style-src-attr
 * only) because React's style props, Radix's positioning and recharts set them — they cannot run
 * code. `connect-src 'self'` covers socket.io's same-origin WebSocket (CSP 3: 'self' matches ws:/wss:
 * of the same host). Development adds 'unsafe-eval', which React's dev build needs for its call stacks.
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
