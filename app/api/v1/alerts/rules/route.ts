import { loadRules } from "@/server/alerts/service";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ action: "alerts:read" }, async ({ rt, user }) => {
  const rules = await loadRules(rt.db);
  // Webhook URLs can carry secrets in their path; only admins see them.
  return user!.role === "admin" ? rules : rules.map(({ webhookUrl, ...r }) => ({ ...r, hasWebhook: !!webhookUrl }));
});
