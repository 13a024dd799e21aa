import { randomBytes } from "node:crypto";

/** Request header carrying the page's nonce to server components (the root layout's theme script). */
export const NONCE_HEADER = "x-berth-nonce";

/** A fresh, unguessable nonce per response (128 bits, base64). */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * Before any bundle: zod 4 probes `new Function` to compile its parsers, which a strict policy
 * reports as a violation; `jitless` makes it skip the probe (zod reads this global config object).
 */
export const ZOD_JITLESS_SCRIPT = "globalThis.__zod_globalConfig=Object.assign(globalThis.__zod_globalConfig||{},{jitless:true})";

/**
 * The Content-Security-Policy of every response. Scripts: only Berth's own files and inline
 * scripts carrying this response's nonce (Next adds it to its own scripts when it finds the
 * policy on the request; the root layout gives it to its two boot scripts). Styles: Berth's own
 * files plus 'unsafe-inline', which is required — sonner (the toasts) injects its stylesheet at
 * run time without a nonce, and React style props, Radix's positioning and recharts set style
 * attributes; styles cannot run code. (A nonce in style-src would switch 'unsafe-inline' off.)
 * `connect-src 'self'` covers socket.io's same-origin WebSocket (CSP 3: 'self' matches ws:/wss: of
 * the same host; e2e/security.spec.ts checks it in Chromium). Development adds 'unsafe-eval', which
 * React's dev build needs for its call stacks.
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
