import { NextResponse, type NextRequest } from "next/server";
import type { AuthUser } from "@/lib/wire";
import type { Runtime } from "@/server/runtime";
import { HttpError } from "@/server/http/errors";
import { audit } from "./audit";
import { setSessionCookie } from "./cookies";
import { verifyPassword } from "./passwords";
import { createSession, deleteSession, SESSION_COOKIE } from "./sessions";

/** "Try again in 3 seconds." / "… in 2 minutes." */
function waitSentence(seconds: number): string {
  if (seconds < 60) return `Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
  const minutes = Math.ceil(seconds / 60);
  return `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** A 429 with Retry-After (seconds). */
export function rateLimited(seconds: number, message: string): HttpError {
  return Object.assign(new HttpError(429, "rate_limited", `${message} ${waitSentence(seconds)}`), { retryAfter: seconds });
}

/**
 * Checks credentials and starts a fresh session. Rate-limited per (address, username) and per
 * username alone with a growing wait (see LoginLimiter); refused attempts are not even checked.
 * Any session the browser already had is ended first, so a login always rotates the cookie.
 */
export async function login(rt: Runtime, req: NextRequest, input: { username: string; password: string }, ip: string | undefined): Promise<NextResponse> {
  const limited = rt.loginLimiter.check(ip, input.username);
  if (limited) {
    throw rateLimited(limited.wait, limited.scope === "account" ? "Too many failed sign-ins for this account." : "Too many failed sign-ins.");
  }
  const row = await rt.db.selectFrom("users").select(["id", "username", "role", "password_hash"]).where("username", "=", input.username).executeTakeFirst();
  if (!(await verifyPassword(row?.password_hash, input.password)) || !row) {
    const wait = rt.loginLimiter.fail(ip, input.username);
    await audit(rt.db, { user: null, action: "auth.login", target: input.username, outcome: "denied", ip });
    if (wait > 0) {
      // Once per failure that starts a wait (refused attempts during it are not logged, so a spray cannot flood the trail).
      await audit(rt.db, { user: null, action: "auth.throttled", target: input.username, outcome: "denied", detail: `account waits ${wait} s`, ip });
    }
    throw new HttpError(401, "invalid_credentials", "Wrong username or password");
  }
  rt.loginLimiter.succeed(ip, input.username);
  await deleteSession(rt.db, req.cookies.get(SESSION_COOKIE)?.value);
  const user: AuthUser = { id: row.id, username: row.username, role: row.role };
  const session = await createSession(rt.db, user.id, { ip, userAgent: req.headers.get("user-agent") ?? undefined });
  await audit(rt.db, { user, action: "auth.login", target: user.username, outcome: "ok", ip });
  const res = NextResponse.json({ user });
  setSessionCookie(res, req, session.token);
  return res;
}
