import { createSilenceSchema } from "@/lib/schemas";
import { activeSilences } from "@/server/alerts/service";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ action: "alerts:read" }, async ({ rt }) => activeSilences(rt.db));

/** Silence a rule, a container, or a rule on a container, for some minutes: no toasts, no webhooks. */
export const POST = route({ action: "alerts:silence" }, async (ctx) => {
  const input = await ctx.body(createSilenceSchema);
  const until = new Date(Date.now() + input.minutes * 60_000).toISOString();
  const target = [input.rule, input.containerName].filter(Boolean).join(" on ");
  const row = await ctx.audited(
    "alert.silence",
    target,
    () =>
      ctx.rt.db
        .insertInto("silences")
        .values({ rule: input.rule ?? null, container_name: input.containerName ?? null, until, reason: input.reason, created_by: ctx.user!.username })
        .returning("id")
        .executeTakeFirstOrThrow(),
    `${input.minutes} min: ${input.reason}`,
  );
  return Response.json(
    {
      id: row.id,
      until,
      reason: input.reason,
      createdBy: ctx.user!.username,
      ...(input.rule ? { rule: input.rule } : {}),
      ...(input.containerName ? { containerName: input.containerName } : {}),
    },
    { status: 201 },
  );
});
