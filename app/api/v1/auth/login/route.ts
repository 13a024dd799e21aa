import { loginSchema } from "@/lib/schemas";
import { login } from "@/server/auth/login";
import { route } from "@/server/http/route";

export const POST = route({ public: true }, async (ctx) => login(ctx.rt, ctx.req, await ctx.body(loginSchema), ctx.ip));
