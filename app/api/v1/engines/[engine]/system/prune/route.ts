import { z } from "zod";
import { engineParamsSchema, systemPruneSchema } from "@/lib/schemas";
import { systemPrune, systemPrunePreview } from "@/server/docker/system";
import { route } from "@/server/http/route";
import { assertUnscoped } from "@/server/auth/authorize";

export const dynamic = "force-dynamic";

type Params = { engine: string };

const flag = (d: boolean) =>
  z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => (v === undefined ? d : v === "true" || v === "1"));

const previewQuery = z.object({
  containers: flag(true),
  images: z.enum(["none", "dangling", "all"]).default("dangling"),
  networks: flag(true),
  volumes: flag(false),
  buildCache: flag(true),
});

/** Preview: what each part of the prune would remove and how much space that frees at least. */
export const GET = route<Params>({ action: "system:read", target: (p) => ({ engine: p.engine }) }, async (ctx) => {
  assertUnscoped(ctx.user, "a prune preview");
  const { engine } = engineParamsSchema.parse(ctx.params);
  const sel = ctx.query(previewQuery);
  return systemPrunePreview(await ctx.rt.engines.reachable(engine), sel);
});

export const POST = route<Params>({ action: "system:prune", target: (p) => ({ engine: p.engine }) }, async (ctx) => {
  const { engine } = engineParamsSchema.parse(ctx.params);
  const sel = await ctx.body(systemPruneSchema);
  const e = await ctx.rt.engines.reachable(engine);
  const detail = Object.entries(sel)
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
  return ctx.audited("system.prune", `${engine}/system`, () => systemPrune(e, sel), detail);
});
