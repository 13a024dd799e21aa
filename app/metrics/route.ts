import type { NextRequest } from "next/server";
import { userForApiToken } from "@/server/auth/api-tokens";
import { safeEqual } from "@/server/auth/tokens";
import { HttpError } from "@/server/http/errors";
import { errorResponse } from "@/server/http/route";
import { runtime } from "@/server/runtime";
import { renderMetrics } from "@/server/stats/metrics";

export const dynamic = "force-dynamic";

/**
 * Prometheus scrape endpoint. Needs `Authorization: Bearer` with BERTH_METRICS_TOKEN or an API
 * token; answers 404 while neither exists (metrics are off), 401 without a valid token.
 */
export async function GET(req: NextRequest): Promise<Response> {
  try {
    const rt = runtime();
    const configured = rt.config.metricsToken;
    const anyApiToken = await rt.db.selectFrom("api_tokens").select("id").limit(1).executeTakeFirst();
    if (!configured && !anyApiToken) throw new HttpError(404, "not_found", "Metrics are off: set BERTH_METRICS_TOKEN or create an API token");
    const auth = req.headers.get("authorization") ?? "";
    const bearer = auth.toLowerCase().startsWith("bearer ") ? auth.slice(7).trim() : "";
    const byMetricsToken = !!bearer && !!configured && safeEqual(bearer, configured);
    const tokenUser = bearer && !byMetricsToken ? await userForApiToken(rt.db, bearer) : null;
    const ok = byMetricsToken || !!tokenUser;
    if (!ok) {
      return Response.json(
        { error: { code: "unauthenticated", message: "Send Authorization: Bearer <BERTH_METRICS_TOKEN or API token>" } },
        { status: 401, headers: { "www-authenticate": 'Bearer realm="berth"' } },
      );
    }
    const { contentType, body } = await renderMetrics(rt, tokenUser?.scope);
    return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
