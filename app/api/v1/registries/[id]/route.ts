import { idParamsSchema } from "@/lib/schemas";
import { deleteRegistryCredential } from "@/server/docker/registries";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const DELETE = route<Params>({ action: "registries:manage" }, async (ctx) => {
  const { id } = idParamsSchema.parse(ctx.params);
  await ctx.audited("registry.delete", `registry/${id}`, () => deleteRegistryCredential(ctx.rt.db, id));
  return undefined;
});
