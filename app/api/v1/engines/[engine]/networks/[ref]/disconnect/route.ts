import { networkDisconnectSchema, networkParamsSchema } from "@/lib/schemas";
import { disconnectNetwork } from "@/server/docker/networks";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

type Params = { engine: string; ref: string };

export const POST = route<Params>({ action: "networks:connect", target: (p) => ({ engine: p.engine, network: p.ref }) }, async (ctx) => {
  const { engine, ref } = networkParamsSchema.parse(ctx.params);
  const input = await ctx.body(networkDisconnectSchema);
  const e = await ctx.rt.engines.reachable(engine);
  await ctx.audited("network.disconnect", `${engine}/${ref}`, () => disconnectNetwork(e, ref, input), `container=${input.container}`);
  return undefined;
});
