import { createTokenSchema } from "@/lib/schemas";
import { createApiToken, listApiTokens } from "@/server/auth/api-tokens";
import { badRequest } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { isScoped, scopeWithin } from "@/server/auth/scope";

export const dynamic = "force-dynamic";

export const GET = route({ action: "tokens:manage" }, async ({ rt, user }) => listApiTokens(rt.db, isScoped(user?.scope) ? user!.id : undefined));

/** The token secret is in this response only; Berth keeps its hash. */
export const POST = route({ action: "tokens:manage" }, async (ctx) => {
  const input = await ctx.body(createTokenSchema);
  // A token is never wider than its creator: a scoped admin's token without a scope gets the admin's own.
  const creatorScope = ctx.user?.scope;
  const scope = input.scope === undefined || input.scope === null ? (creatorScope ?? null) : input.scope;
  if (!scopeWithin(scope, creatorScope))
    throw badRequest("Scope must be within your own scope: a token cannot see more than the user who creates it.", "scope");
  const created = await ctx.audited(
    "token.create",
    input.name,
    () => createApiToken(ctx.rt.db, { ...input, scope, createdBy: ctx.user!.id }),
    `role=${input.role}${scope ? ` scope=${JSON.stringify(scope)}` : ""}`,
  );
  return Response.json({ ...created.summary, token: created.token }, { status: 201 });
});
