import { containerParamsSchema, detailQuerySchema, removeQuerySchema } from "@/lib/schemas";
import { authorize } from "@/server/auth/authorize";
import { audit } from "@/server/auth/audit";
import { inspectContainer, removeContainer } from "@/server/docker/containers";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

type Params = { engine: string; ref: string };
const target = (p: Params) => ({ engine: p.engine, container: p.ref });

/** Detail. `?reveal=true` un-masks secret env values: admin only, and audited. */
export const GET = route<Params>({ action: "containers:read", target }, async (ctx) => {
  const { engine, ref } = containerParamsSchema.parse(ctx.params);
  const { reveal } = ctx.query(detailQuerySchema);
  if (reveal) authorize(ctx.user, "containers:reveal-secrets", target(ctx.params));
  const detail = await inspectContainer(await ctx.rt.engines.reachable(engine), ref, reveal);
  if (reveal) await audit(ctx.rt.db, { user: ctx.user, action: "container.reveal-secrets", target: `${engine}/${detail.name}`, outcome: "ok", ip: ctx.ip });
  return detail;
});

export const DELETE = route<Params>({ action: "containers:remove", target }, async (ctx) => {
  const { engine, ref } = containerParamsSchema.parse(ctx.params);
  const opts = ctx.query(removeQuerySchema);
  const e = await ctx.rt.engines.reachable(engine);
  await ctx.audited("container.remove", `${engine}/${ref}`, () => removeContainer(e, ref, opts), `force=${opts.force} volumes=${opts.volumes}`);
  return undefined;
});
