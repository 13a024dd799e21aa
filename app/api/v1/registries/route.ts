import { registryCredentialSchema } from "@/lib/schemas";
import { listRegistryCredentials, saveRegistryCredential } from "@/server/docker/registries";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

/** Saved registry credentials: host and username only; passwords never leave the server. */
export const GET = route({ action: "registries:manage" }, async ({ rt }) => listRegistryCredentials(rt.db));

export const POST = route({ action: "registries:manage" }, async (ctx) => {
  const input = await ctx.body(registryCredentialSchema);
  const saved = await ctx.audited(
    "registry.save",
    input.serverAddress,
    () => saveRegistryCredential(ctx.rt.db, ctx.rt.config.dataDir, input),
    `username=${input.username}`,
  );
  return Response.json(saved, { status: 201 });
});
