import { engineParamsSchema, volumeCreateSchema } from "@/lib/schemas";
import { createVolume, listVolumes } from "@/server/docker/volumes";
import { route } from "@/server/http/route";
import { scopeView } from "@/server/auth/scope-resolve";

export const dynamic = "force-dynamic";

type Params = { engine: string };

/** Volumes with sizes from a cached `system df` (it is slow) and the containers using each. */
export const GET = route<Params>({ action: "volumes:read", target: (p) => ({ engine: p.engine }) }, async ({ rt, params, user }) => {
  const { engine } = engineParamsSchema.parse(params);
  const [volumes, view] = await Promise.all([listVolumes(await rt.engines.reachable(engine)), scopeView(rt, user, engine)]);
  return view ? volumes.filter((v) => view.volumes.has(v.name)).map((v) => ({ ...v, usedBy: v.usedBy.filter((c) => view.containers.has(c.id)) })) : volumes;
});

export const POST = route<Params>({ action: "volumes:create", target: (p) => ({ engine: p.engine }) }, async (ctx) => {
  const { engine } = engineParamsSchema.parse(ctx.params);
  const input = await ctx.body(volumeCreateSchema);
  const e = await ctx.rt.engines.reachable(engine);
  // Options are audited by key only: an NFS `o=` may carry credentials.
  const created = await ctx.audited(
    "volume.create",
    `${engine}/${input.name ?? "(anonymous)"}`,
    () => createVolume(e, input),
    `driver=${input.driver} options=${Object.keys(input.options ?? {}).join(",")}`,
  );
  return Response.json(created, { status: 201 });
});
