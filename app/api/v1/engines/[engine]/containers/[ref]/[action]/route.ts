import { z } from "zod";
import { containerParamsSchema, killQuerySchema, stopQuerySchema } from "@/lib/schemas";
import { CONTAINER_ACTIONS } from "@/lib/wire";
import { containerAction } from "@/server/docker/containers";
import { notFound } from "@/server/http/errors";
import { route } from "@/server/http/route";

type Params = { engine: string; ref: string; action: string };

const actionSchema = z.enum(CONTAINER_ACTIONS);

/** start, stop (?t=), restart (?t=), pause, unpause, kill (?signal=). */
export const POST = route<Params>({ action: "containers:lifecycle", target: (p) => ({ engine: p.engine, container: p.ref }) }, async (ctx) => {
  const { engine, ref } = containerParamsSchema.parse(ctx.params);
  const parsed = actionSchema.safeParse(ctx.params.action);
  if (!parsed.success) throw notFound(`No container action "${ctx.params.action}"; use one of ${CONTAINER_ACTIONS.join(", ")}`);
  const action = parsed.data;
  const opts = action === "kill" ? ctx.query(killQuerySchema) : action === "stop" || action === "restart" ? ctx.query(stopQuerySchema) : {};
  const e = await ctx.rt.engines.reachable(engine);
  return ctx.audited(`container.${action}`, `${engine}/${ref}`, () => containerAction(e, ref, action, opts));
});
