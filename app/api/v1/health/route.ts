import { route } from "@/server/http/route";
import type { HealthReport } from "@/lib/wire";

export const dynamic = "force-dynamic";

/** Public liveness: engine reachability and versions only, nothing secret. */
export const GET = route({ public: true }, async ({ rt }): Promise<HealthReport> => {
  const engines = rt.engines.list().map((e) => ({ id: e.id, reachable: e.reachable, ...(e.version ? { version: e.version } : {}) }));
  return { status: engines.every((e) => e.reachable) ? "ok" : "degraded", engines };
});
