import { idParamsSchema, updateUserSchema } from "@/lib/schemas";
import { deleteUser, updateUser } from "@/server/auth/users";
import { route } from "@/server/http/route";

type Params = { id: string };

export const PATCH = route<Params>({ action: "users:manage" }, async (ctx) => {
  const { id } = idParamsSchema.parse(ctx.params);
  const input = await ctx.body(updateUserSchema);
  const detail = [
    input.role ? `role=${input.role}` : "",
    input.password ? "password changed" : "",
    input.scope !== undefined ? `scope=${JSON.stringify(input.scope)}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const updated = await ctx.audited("user.update", `user#${id}`, () => updateUser(ctx.rt.db, id, input), detail);
  // updateUser ended the user's sessions; their open tabs learn it now, with the reason, instead of at their next click.
  ctx.rt.endSocketsOfUser?.(id, input.role || input.scope !== undefined ? "role-changed" : "password-changed");
  return updated;
});

export const DELETE = route<Params>({ action: "users:manage" }, async (ctx) => {
  const { id } = idParamsSchema.parse(ctx.params);
  await ctx.audited("user.delete", `user#${id}`, () => deleteUser(ctx.rt.db, id, ctx.user!.id));
  ctx.rt.endSocketsOfUser?.(id, "deleted");
  return undefined;
});
