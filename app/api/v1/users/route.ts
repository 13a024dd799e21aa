import { createUserSchema } from "@/lib/schemas";
import { createUser, listUsers } from "@/server/auth/users";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ action: "users:manage" }, async ({ rt }) => listUsers(rt.db));

export const POST = route({ action: "users:manage" }, async (ctx) => {
  const input = await ctx.body(createUserSchema);
  const user = await ctx.audited(
    "user.create",
    input.username,
    () => createUser(ctx.rt.db, input),
    `role=${input.role}${input.scope ? ` scope=${JSON.stringify(input.scope)}` : ""}`,
  );
  return Response.json(user, { status: 201 });
});
