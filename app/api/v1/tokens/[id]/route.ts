import { idParamsSchema } from "@/lib/schemas";
import { deleteApiToken } from "@/server/auth/api-tokens";
import { notFound } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { isScoped } from "@/server/auth/scope";

type Params = { id: string };

export const DELETE = route<Params>({ action: "tokens:manage" }, async (ctx) => {
  const { id } = idParamsSchema.parse(ctx.params);
  await ctx.audited("token.delete", `token#${id}`, async () => {
    if (!(await deleteApiToken(ctx.rt.db, id, isScoped(ctx.user?.scope) ? ctx.user!.id : undefined))) throw notFound(`No API token with id ${id}`);
  });
  return undefined;
});
