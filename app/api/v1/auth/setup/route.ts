import { NextResponse } from "next/server";
import { setupSchema } from "@/lib/schemas";
import { audit } from "@/server/auth/audit";
import { completeSetup, needsSetup } from "@/server/auth/bootstrap";
import { login, rateLimited } from "@/server/auth/login";
import { HttpError } from "@/server/http/errors";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ public: true }, async ({ rt }) => ({ needed: await needsSetup(rt.db) }));

/** Creates the first admin with the one-time token printed at start, then signs them in. */
export const POST = route({ public: true }, async (ctx) => {
  // Closed setup first (no body parsed, nothing hashed), then the per-address limit on token guesses.
  if (!(await needsSetup(ctx.rt.db))) throw new HttpError(409, "already_set_up", "Berth is already set up: sign in instead");
  const limitKey = ctx.ip ?? "?";
  const wait = ctx.rt.setupLimiter.retryAfter(limitKey);
  if (wait > 0) throw rateLimited(wait, "Too many wrong setup tokens.");
  const input = await ctx.body(setupSchema);
  const outcome = await completeSetup(ctx.rt.db, input);
  if (outcome === "done") throw new HttpError(409, "already_set_up", "Berth is already set up: sign in instead");
  if (outcome === "bad-token") {
    ctx.rt.setupLimiter.fail(limitKey);
    await audit(ctx.rt.db, { user: null, action: "auth.setup", target: input.username, outcome: "denied", ip: ctx.ip });
    throw new HttpError(400, "invalid_input", "That setup token is not valid: copy it from the server log", "token");
  }
  await audit(ctx.rt.db, { user: null, action: "auth.setup", target: input.username, outcome: "ok", ip: ctx.ip });
  const res: NextResponse = await login(ctx.rt, ctx.req, { username: input.username, password: input.password }, ctx.ip);
  return res;
});
