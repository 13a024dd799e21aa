import { createTokenSchema } from "@/lib/schemas";
import { createApiToken, listApiTokens } from "@/server/auth/api-tokens";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ action: "tokens:manage" }, async ({ rt }) => listApiTokens(rt.db));

/** The token secret is in this response only; Berth keeps its hash. */
export const POST = route({ action: "tokens:manage" }, async (ctx) => {
  const input = await ctx.body(createTokenSchema);
  const created = await ctx.audited("token.create", input.name, () => createApiToken(ctx.rt.db, { ...input, createdBy: ctx.user!.id }), `role=${input.role}`);
  return Response.json({ ...created.summary, token: created.token }, { status: 201 });
});
