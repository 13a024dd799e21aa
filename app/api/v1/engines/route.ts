import { engineInScope } from "@/server/auth/scope";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ action: "engines:read" }, async ({ rt, user }) =>
  rt.engines
    .list()
    .filter((e) => engineInScope(user?.scope, e.id))
    .map((e) => e.summary()),
);
