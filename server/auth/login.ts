import { NextResponse, type NextRequest } from "next/server";
import type { AuthUser } from "@/lib/wire";
import type { Runtime } from "@/server/runtime";
import { HttpError } from "@/server/http/errors";
import { audit } from "./audit";
import { setSessionCookie } from "./cookies";
import { verifyPassword } from "./passwords";
import { createSession, deleteSession, SESSION_COOKIE } from "./sessions";

/**
 * Checks credentials (rate-limited per client and username) and starts a fresh session.
 * Any session the browser already had is ended first, so a login always rotates the cookie.
 */
export async function login(rt: Runtime, req: NextRequest, input: { username: string; password: string }, ip: string | undefined): Promise<NextResponse> {
  const limitKey = `${ip ?? "?"}|${input.username.toLowerCase()}`;
  const wait = rt.loginLimiter.retryAfter(limitKey);
  if (wait > 0) {
    throw Object.assign(new HttpError(429, "rate_limited", `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minute(s).`), { retryAfter: wait });
  }
  const row = await rt.db.selectFrom("users").select(["id", "username", "role", "password_hash"]).where("username", "=", input.username).executeTakeFirst();
  if (!(await verifyPassword(row?.password_hash, input.password)) || !row) {
    rt.loginLimiter.fail(limitKey);
    await audit(rt.db, { user: null, action: "auth.login", target: input.username, outcome: "denied", ip });
    throw new HttpError(401, "invalid_credentials", "Wrong username or password");
  }
  rt.loginLimiter.succeed(limitKey);
  await deleteSession(rt.db, req.cookies.get(SESSION_COOKIE)?.value);
  const user: AuthUser = { id: row.id, username: row.username, role: row.role };
  const session = await createSession(rt.db, user.id, { ip, userAgent: req.headers.get("user-agent") ?? undefined });
  await audit(rt.db, { user, action: "auth.login", target: user.username, outcome: "ok", ip });
  const res = NextResponse.json({ user });
  setSessionCookie(res, req, session.token);
  return res;
}
