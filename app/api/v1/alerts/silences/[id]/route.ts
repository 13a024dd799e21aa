import { idParamsSchema } from "@/lib/schemas";
import { notFound } from "@/server/http/errors";
import { route } from "@/server/http/route";

type Params = { id: string };

export const DELETE = route<Params>({ action: "alerts:silence" }, async (ctx) => {
  const { id } = idParamsSchema.parse(ctx.params);
  await ctx.audited("alert.unsilence", `silence#${id}`, async () => {
    const res = await ctx.rt.db.deleteFrom("silences").where("id", "=", id).executeTakeFirst();
    if (!Number(res.numDeletedRows)) throw notFound(`No silence with id ${id}`);
  });
  return undefined;
});
