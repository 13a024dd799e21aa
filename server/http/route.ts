import { NextResponse, type NextRequest } from "next/server";
import { ZodError, type ZodType } from "zod";
import type { Action } from "@/lib/policy";
import type { AuthUser } from "@/lib/wire";
import { authorize, type Target } from "@/server/auth/authorize";
import { resolveTarget } from "@/server/auth/scope-resolve";
import { audit } from "@/server/auth/audit";
import { userForApiToken } from "@/server/auth/api-tokens";
import { SESSION_COOKIE, userForSession } from "@/server/auth/sessions";
import { firstIssue } from "@/lib/zod-messages";
import { log } from "@/server/log";
import { runtime, type Runtime } from "@/server/runtime";
import { asHttpError, forbidden, HttpError, sessionEnded } from "./errors";
import { stampedClient } from "./client-address";
import { isSameOrigin } from "./origin";

export interface RouteContext<P> {
  req: NextRequest;
  params: P;
  /** The signed-in user or token principal; null only on public routes. */
  user: AuthUser | null;
  rt: Runtime;
  ip: string | undefined;
  /** Parses the JSON body with `schema`; 400 names the first bad field. */
  body<T>(schema: ZodType<T>): Promise<T>;
  /** Parses the query string with `schema`. */
  query<T>(schema: ZodType<T>): T;
  /** Runs a mutating step and records it in the audit trail, whether it succeeds or fails. */
  audited<T>(action: string, target: string, fn: () => Promise<T>, detail?: string): Promise<T>;
}

interface RouteSpec<P> {
  /** The permission this route needs; omit only with `public: true`. */
  action?: Action;
  public?: boolean;
  /** Object-level target for the guard, from the route params. */
  target?: (params: P) => Target;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The client's address as the custom server decided it (`clientInfo`: forwarded headers only from trusted proxies). */
export function clientIp(req: NextRequest): string | undefined {
  return stampedClient(req.headers).address;
}

export function errorResponse(e: unknown): NextResponse {
  const known = asHttpError(e);
  if (known) {
    const retryAfter = (known as HttpError & { retryAfter?: number }).retryAfter;
    const headers = known.status === 429 && retryAfter ? { "retry-after": String(retryAfter) } : undefined;
    return NextResponse.json(
      { error: { code: known.code, message: known.message, ...(known.field ? { field: known.field } : {}) } },
      { status: known.status, headers },
    );
  }
  if (e instanceof ZodError || (e as { name?: string })?.name === "ZodError") {
    const { field, message } = firstIssue((e as ZodError).issues);
    return NextResponse.json({ error: { code: "invalid_input", message, ...(field ? { field } : {}) } }, { status: 400 });
  }
  log.error({ err: e }, "unhandled route error");
  return NextResponse.json({ error: { code: "internal", message: "Internal error" } }, { status: 500 });
}

/** Resolves the caller from `Authorization: Bearer` or the session cookie. */
async function principal(req: NextRequest, rt: Runtime): Promise<{ user: AuthUser | null; viaCookie: boolean }> {
  const auth = req.headers.get("authorization");
  if (auth?.toLowerCase().startsWith("bearer ")) {
    const user = await userForApiToken(rt.db, auth.slice(7).trim());
    if (!user) throw new HttpError(401, "unauthenticated", "Invalid API token");
    return { user, viaCookie: false };
  }
  return { user: await userForSession(rt.db, req.cookies.get(SESSION_COOKIE)?.value), viaCookie: true };
}

/**
 * Wraps a Next route handler: resolve the caller, check Origin on cookie-authenticated writes,
 * authorize (deny by default), run, and turn every failure into the JSON error contract.
 */
export function route<P extends Record<string, string> = Record<string, never>>(spec: RouteSpec<P>, handler: (ctx: RouteContext<P>) => Promise<unknown>) {
  return async (req: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const rt = runtime();
      const params = ((await context?.params) ?? {}) as P;
      const { user, viaCookie } = await principal(req, rt);
      const mutating = !SAFE_METHODS.has(req.method);
      // Cookies ride along on cross-site requests; Bearer tokens do not, so only cookie writes need the Origin check.
      // A write with neither a session cookie nor an Origin (curl signing in) cannot be a cross-site forgery.
      const mayBeForged = req.cookies.has(SESSION_COOKIE) || req.headers.has("origin");
      if (mutating && viaCookie && mayBeForged && !isSameOrigin(req.headers.get("origin"), stampedClient(req.headers))) {
        throw forbidden("Cross-origin request refused: the Origin header must match this server");
      }
      if (!spec.public) {
        if (!spec.action) throw forbidden("No permission is defined for this route");
        if (!user && viaCookie && req.cookies.has(SESSION_COOKIE)) throw sessionEnded();
        try {
          // A scoped principal's container target needs its labels (one inspect); others skip the lookup.
          authorize(user, spec.action, await resolveTarget(rt, user, spec.target?.(params)));
        } catch (e) {
          if (mutating && user) await audit(rt.db, { user, action: spec.action, target: req.nextUrl.pathname, outcome: "denied", ip: clientIp(req) });
          throw e;
        }
      }
      const ip = clientIp(req);
      const ctx: RouteContext<P> = {
        req,
        params,
        user,
        rt,
        ip,
        async body<T>(schema: ZodType<T>) {
          let json: unknown;
          try {
            json = await req.json();
          } catch {
            throw new HttpError(400, "invalid_input", "The request body must be JSON.");
          }
          return schema.parse(json);
        },
        query<T>(schema: ZodType<T>) {
          return schema.parse(Object.fromEntries(req.nextUrl.searchParams));
        },
        async audited(action, target, fn, detail) {
          try {
            const result = await fn();
            await audit(rt.db, { user, action, target, outcome: "ok", detail, ip });
            return result;
          } catch (e) {
            await audit(rt.db, { user, action, target, outcome: "error", detail: asHttpError(e)?.message ?? detail, ip });
            throw e;
          }
        },
      };
      const result = await handler(ctx);
      if (result instanceof Response) return result;
      if (result === undefined) return new Response(null, { status: 204 });
      return NextResponse.json(result);
    } catch (e) {
      return errorResponse(e);
    }
  };
}
