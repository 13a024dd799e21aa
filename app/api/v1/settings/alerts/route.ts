import { alertSettingsSchema } from "@/lib/alerts";
import { loadAlertSettings, saveAlertSettings } from "@/server/alerts/settings";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

/** Alerting settings: how often an open incident may notify again. Everyone who sees alerts may read them. */
export const GET = route({ action: "alerts:read" }, async ({ rt }) => loadAlertSettings(rt.db));

/** Replace the alerting settings (admin, audited); the next occurrence of any incident uses them. */
export const PUT = route({ action: "alerts:manage" }, async (ctx) => {
  const input = await ctx.body(alertSettingsSchema);
  await ctx.audited(
    "alert-settings.update",
    "alerts",
    async () => {
      await saveAlertSettings(ctx.rt.db, input);
      await ctx.rt.alerts?.reloadSettings();
    },
    `renotifyIntervalSeconds=${input.renotifyIntervalSeconds}`,
  );
  return input;
});
