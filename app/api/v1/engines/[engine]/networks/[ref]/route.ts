import { networkParamsSchema } from "@/lib/schemas";
import { inspectNetwork, removeNetwork } from "@/server/docker/networks";
import { route } from "@/server/http/route";
import { scopeView, usedByInView } from "@/server/auth/scope-resolve";

export const dynamic = "force-dynamic";

type Params = { engine: string; ref: string };
const target = (p: Params) => ({ engine: p.engine, network: p.ref });

export const GET = route<Params>({ action: "networks:read", target }, async (ctx) => {
  const { engine, ref } = networkParamsSchema.parse(ctx.params);
  const [detail, view] = await Promise.all([inspectNetwork(await ctx.rt.engines.reachable(engine), ref), scopeView(ctx.rt, ctx.user, engine)]);
  return view ? { ...detail, containers: usedByInView(view, detail.containers) } : detail;
});

/** Remove; bridge, host and none answer 409, and Docker's 409 names the containers still attached. */
export const DELETE = route<Params>({ action: "networks:remove", target }, async (ctx) => {
  const { engine, ref } = networkParamsSchema.parse(ctx.params);
  const e = await ctx.rt.engines.reachable(engine);
  await ctx.audited("network.remove", `${engine}/${ref}`, () => removeNetwork(e, ref));
  return undefined;
});
