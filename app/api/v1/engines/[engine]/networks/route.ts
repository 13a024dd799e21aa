import { engineParamsSchema, networkCreateSchema } from "@/lib/schemas";
import { createNetwork, listNetworks } from "@/server/docker/networks";
import { route } from "@/server/http/route";
import { scopeView } from "@/server/auth/scope-resolve";

export const dynamic = "force-dynamic";

type Params = { engine: string };

export const GET = route<Params>({ action: "networks:read", target: (p) => ({ engine: p.engine }) }, async ({ rt, params, user }) => {
  const { engine } = engineParamsSchema.parse(params);
  const [networks, view] = await Promise.all([listNetworks(await rt.engines.reachable(engine)), scopeView(rt, user, engine)]);
  return view ? networks.filter((n) => view.networks.has(n.id) || view.networks.has(n.name)) : networks;
});

/** Create; subnet, ip-range and gateway are checked (CIDR, containment) before Docker sees them. */
export const POST = route<Params>({ action: "networks:create", target: (p) => ({ engine: p.engine }) }, async (ctx) => {
  const { engine } = engineParamsSchema.parse(ctx.params);
  const input = await ctx.body(networkCreateSchema);
  const e = await ctx.rt.engines.reachable(engine);
  const created = await ctx.audited(
    "network.create",
    `${engine}/${input.name}`,
    () => createNetwork(e, input),
    `driver=${input.driver}${input.subnet ? ` subnet=${input.subnet}` : ""}`,
  );
  return Response.json(created, { status: 201 });
});
