import type { NextRequest, NextResponse } from "next/server";
import { stampedClient } from "@/server/http/client-address";
import { runtime } from "@/server/runtime";
import { SESSION_COOKIE, ABSOLUTE_TIMEOUT_MS } from "./sessions";

/**
 * Secure when configured, or automatically when the browser reached us over HTTPS: our own TLS, or
 * a proxy listed in BERTH_TRUSTED_PROXIES saying so (see `clientInfo`); a client's own X-Forwarded-Proto counts for nothing.
 */
function secure(req: NextRequest): boolean {
  const setting = runtime().config.secureCookies;
  if (setting !== "auto") return setting;
  return stampedClient(req.headers).secure;
}

export function setSessionCookie(res: NextResponse, req: NextRequest, token: string): void {
  res.cookies.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: secure(req),
    path: "/",
    maxAge: Math.floor(ABSOLUTE_TIMEOUT_MS / 1000),
  });
}

export function clearSessionCookie(res: NextResponse, req: NextRequest): void {
  res.cookies.set(SESSION_COOKIE, "", { httpOnly: true, sameSite: "lax", secure: secure(req), path: "/", maxAge: 0 });
}
