import { networkConnectSchema, networkParamsSchema } from "@/lib/schemas";
import { connectNetwork } from "@/server/docker/networks";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

type Params = { engine: string; ref: string };

/** Connect a container, with optional aliases and a static IPv4/IPv6 address. */
export const POST = route<Params>({ action: "networks:connect", target: (p) => ({ engine: p.engine, network: p.ref }) }, async (ctx) => {
  const { engine, ref } = networkParamsSchema.parse(ctx.params);
  const input = await ctx.body(networkConnectSchema);
  const e = await ctx.rt.engines.reachable(engine);
  await ctx.audited(
    "network.connect",
    `${engine}/${ref}`,
    () => connectNetwork(e, ref, input),
    `container=${input.container}${input.ipv4 ? ` ip=${input.ipv4}` : ""}`,
  );
  return undefined;
});
