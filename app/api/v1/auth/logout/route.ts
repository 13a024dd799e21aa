import { NextResponse } from "next/server";
import { audit } from "@/server/auth/audit";
import { clearSessionCookie } from "@/server/auth/cookies";
import { deleteSession, SESSION_COOKIE } from "@/server/auth/sessions";
import { route } from "@/server/http/route";

/** Ends the session server-side (and its live sockets), then clears the cookie. */
export const POST = route({ public: true }, async ({ req, rt, user, ip }) => {
  const token = req.cookies.get(SESSION_COOKIE)?.value;
  await deleteSession(rt.db, token);
  if (token) rt.endSocketsOfSession?.(token);
  if (user) await audit(rt.db, { user, action: "auth.logout", target: user.username, outcome: "ok", ip });
  const res = new NextResponse(null, { status: 204 });
  clearSessionCookie(res, req);
  return res;
});
