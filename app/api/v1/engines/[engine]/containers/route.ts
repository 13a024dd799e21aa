import { createContainerSchema, createQuerySchema, engineParamsSchema } from "@/lib/schemas";
import { createContainer, listContainers } from "@/server/docker/containers";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

type Params = { engine: string };

export const GET = route<Params>({ action: "containers:read", target: (p) => ({ engine: p.engine }) }, async ({ rt, params }) => {
  const { engine } = engineParamsSchema.parse(params);
  return listContainers(await rt.engines.reachable(engine));
});

export const POST = route<Params>({ action: "containers:create", target: (p) => ({ engine: p.engine }) }, async (ctx) => {
  const { engine } = engineParamsSchema.parse(ctx.params);
  const { start } = ctx.query(createQuerySchema);
  const input = await ctx.body(createContainerSchema);
  const target = await ctx.rt.engines.reachable(engine);
  const created = await ctx.audited(
    "container.create",
    `${engine}/${input.name ?? input.image}`,
    () => createContainer(target, input, start),
    `image=${input.image}`,
  );
  return Response.json(created, { status: 201 });
});
