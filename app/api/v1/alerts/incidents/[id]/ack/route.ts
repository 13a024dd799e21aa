import { idParamsSchema } from "@/lib/schemas";
import { toAlertWire } from "@/server/alerts/service";
import { notFound } from "@/server/http/errors";
import { visibleContainerIds } from "@/server/auth/scope-resolve";
import { route } from "@/server/http/route";

type Params = { id: string };

/** Acknowledge: someone is on it. The alert keeps firing until its condition clears. */
export const POST = route<Params>({ action: "alerts:ack" }, async (ctx) => {
  const { id } = idParamsSchema.parse(ctx.params);
  const existing = await ctx.rt.db.selectFrom("alerts").select(["engine", "container_id"]).where("id", "=", id).executeTakeFirst();
  const [visible] = existing ? await visibleContainerIds(ctx.rt, ctx.user, [{ engine: existing.engine, containerId: existing.container_id }]) : [false];
  if (!visible) throw notFound(`No alert with id ${id}`);
  return ctx.audited("alert.acknowledge", `alert#${id}`, async () => {
    const row = await ctx.rt.db
      .updateTable("alerts")
      .set({ acknowledged_by: ctx.user!.username, acknowledged_at: new Date().toISOString() })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound(`No alert with id ${id}`);
    return toAlertWire(row);
  });
});
