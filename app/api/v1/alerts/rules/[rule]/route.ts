import { alertRuleParamsSchema, updateAlertRuleSchema } from "@/lib/schemas";
import { loadRules } from "@/server/alerts/service";
import { checkWebhookUrl } from "@/server/alerts/webhook";
import { badRequest } from "@/server/http/errors";
import { route } from "@/server/http/route";

type Params = { rule: string };

/** Edit a rule's threshold, duration, webhook; takes effect at once. */
export const PATCH = route<Params>({ action: "alerts:manage" }, async (ctx) => {
  const { rule } = alertRuleParamsSchema.parse(ctx.params);
  const patch = await ctx.body(updateAlertRuleSchema);
  const current = (await loadRules(ctx.rt.db)).find((r) => r.id === rule)!;
  const next = { ...current, ...patch, webhookUrl: patch.webhookUrl === null ? undefined : (patch.webhookUrl ?? current.webhookUrl) };
  if ((rule === "cpu-high" || rule === "memory-high") && next.threshold > 100 * 64)
    throw badRequest("The threshold must be at most 6400 % (64 cores at 100 % each).", "threshold");
  if (next.webhookUrl) {
    const refused = await checkWebhookUrl(next.webhookUrl, next.allowPrivateWebhook);
    if (refused) throw badRequest(`webhookUrl: ${refused}`, "webhookUrl");
  }
  const values = {
    enabled: next.enabled ? 1 : 0,
    threshold: next.threshold,
    for_seconds: next.forSeconds,
    webhook_url: next.webhookUrl ?? null,
    allow_private_webhook: next.allowPrivateWebhook ? 1 : 0,
  };
  const detail = Object.keys(patch).join(", ");
  await ctx.audited(
    "alert-rule.update",
    rule,
    async () => {
      await ctx.rt.db
        .insertInto("alert_rules")
        .values({ id: rule, ...values })
        .onConflict((oc) => oc.column("id").doUpdateSet(values))
        .execute();
      await ctx.rt.alerts?.reloadRules();
    },
    detail,
  );
  return next;
});
