import { auditQuerySchema } from "@/lib/schemas";
import { listAudit } from "@/server/auth/audit";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

/** Newest first; page with `?before=<id>`. */
export const GET = route({ action: "audit:read" }, async (ctx) => listAudit(ctx.rt.db, ctx.query(auditQuerySchema)));
