import { createSilenceSchema } from "@/lib/schemas";
import { activeSilences } from "@/server/alerts/service";
import { visibleContainerNames } from "@/server/auth/scope-resolve";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

/**
 * Active silences. A scoped user sees the rule-wide ones and those of containers in its scope:
 * another container's name in a silence would tell it that the container exists.
 */
export const GET = route({ action: "alerts:read" }, async ({ rt, user }) => {
  const silences = await activeSilences(rt.db);
  const names = await visibleContainerNames(rt, user);
  return names ? silences.filter((s) => !s.containerName || names.has(s.containerName)) : silences;
});

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
