import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ action: "engines:read" }, async ({ rt }) => rt.engines.list().map((e) => e.summary()));
