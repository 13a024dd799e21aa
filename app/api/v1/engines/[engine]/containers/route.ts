import { createContainerSchema, createQuerySchema, engineParamsSchema } from "@/lib/schemas";
import { createContainer, listContainers } from "@/server/docker/containers";
import { forbidden } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { containerInScope, describeScope, filterInScope, isScoped } from "@/server/auth/scope";

export const dynamic = "force-dynamic";

type Params = { engine: string };

export const GET = route<Params>({ action: "containers:read", target: (p) => ({ engine: p.engine }) }, async ({ rt, params, user }) => {
  const { engine } = engineParamsSchema.parse(params);
  return filterInScope(user?.scope, engine, await listContainers(await rt.engines.reachable(engine)), (c) => c.labels);
});

export const POST = route<Params>({ action: "containers:create", target: (p) => ({ engine: p.engine }) }, async (ctx) => {
  const { engine } = engineParamsSchema.parse(ctx.params);
  const { start } = ctx.query(createQuerySchema);
  const input = await ctx.body(createContainerSchema);
  // A scoped admin may create only containers it will see: their labels must match its scope.
  const scope = ctx.user?.scope;
  if (isScoped(scope) && !containerInScope(scope, engine, input.labels ?? {})) {
    throw forbidden(`Your access is limited to ${describeScope(scope)}: give the new container labels that match it.`);
  }
  const target = await ctx.rt.engines.reachable(engine);
  const created = await ctx.audited(
    "container.create",
    `${engine}/${input.name ?? input.image}`,
    () => createContainer(target, input, start),
    `image=${input.image}`,
  );
  return Response.json(created, { status: 201 });
});
