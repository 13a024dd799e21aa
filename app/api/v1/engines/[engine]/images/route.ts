import { engineParamsSchema } from "@/lib/schemas";
import { listImages } from "@/server/docker/images";
import { route } from "@/server/http/route";
import { scopeView } from "@/server/auth/scope-resolve";

export const dynamic = "force-dynamic";

type Params = { engine: string };

export const GET = route<Params>({ action: "images:read", target: (p) => ({ engine: p.engine }) }, async ({ rt, params, user }) => {
  const { engine } = engineParamsSchema.parse(params);
  const [images, view] = await Promise.all([listImages(await rt.engines.reachable(engine)), scopeView(rt, user, engine)]);
  // A scoped user sees the images its containers use, counting only the containers in scope.
  return view ? images.filter((i) => view.images.has(i.id)).map((i) => ({ ...i, containers: view.imageUse.get(i.id) ?? 0 })) : images;
});
