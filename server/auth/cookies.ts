import type { NextRequest, NextResponse } from "next/server";
import { runtime } from "@/server/runtime";
import { SESSION_COOKIE, ABSOLUTE_TIMEOUT_MS } from "./sessions";

/** Secure when configured, or automatically when the browser reached us over HTTPS (directly or via a proxy). */
function secure(req: NextRequest): boolean {
  const setting = runtime().config.secureCookies;
  if (setting !== "auto") return setting;
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (proto ?? req.nextUrl.protocol.replace(":", "")) === "https";
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
