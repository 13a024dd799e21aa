import { z } from "zod";
import {
  createSilenceSchema,
  updateAlertRuleSchema,
  createContainerSchema,
  createTokenSchema,
  createUserSchema,
  loginSchema,
  setupSchema,
  updateUserSchema,
} from "@/lib/schemas";

type Method = "get" | "post" | "patch" | "delete";
type Param = { name: string; in: "path" | "query"; required?: boolean; description: string; schema?: object };

interface Op {
  summary: string;
  role: "public" | "viewer" | "operator" | "admin";
  params?: Param[];
  body?: z.ZodType;
  ok?: { status: number; description: string };
}

const engine: Param = { name: "engine", in: "path", required: true, description: "Engine id (`local` is the default engine)" };
const ref: Param = { name: "ref", in: "path", required: true, description: "Container id, unique id prefix, or name" };
const id: Param = { name: "id", in: "path", required: true, description: "Numeric id", schema: { type: "integer" } };
const q = (name: string, description: string, schema: object = { type: "string" }): Param => ({ name, in: "query", description, schema });

/** Every route that exists, by path and method. A unit test checks this against app/api. */
export const ROUTES: Record<string, Partial<Record<Method, Op>>> = {
  "/api/v1/health": { get: { summary: "Liveness and engine reachability (no secrets)", role: "public" } },
  "/api/v1/openapi.json": { get: { summary: "This document", role: "public" } },
  "/api/v1/auth/login": { post: { summary: "Sign in; sets the session cookie", role: "public", body: loginSchema } },
  "/api/v1/auth/logout": { post: { summary: "Sign out; ends the session and its sockets", role: "public", ok: { status: 204, description: "Signed out" } } },
  "/api/v1/auth/me": { get: { summary: "The signed-in user", role: "viewer" } },
  "/api/v1/auth/setup": {
    get: { summary: "Whether the first admin still has to be created", role: "public" },
    post: { summary: "Create the first admin with the one-time setup token from the server log", role: "public", body: setupSchema },
  },
  "/api/v1/engines": { get: { summary: "Configured engines and whether they answer", role: "viewer" } },
  "/api/v1/engines/{engine}/containers": {
    get: { summary: "All containers (summaries)", role: "viewer", params: [engine] },
    post: {
      summary: "Create a container",
      role: "admin",
      params: [engine, q("start", "Start it after creating", { type: "boolean" })],
      body: createContainerSchema,
      ok: { status: 201, description: "Created" },
    },
  },
  "/api/v1/engines/{engine}/containers/{ref}": {
    get: { summary: "Container detail; secret env values masked", role: "viewer", params: [engine, ref, q("reveal", "Un-mask secret values (admin, audited)", { type: "boolean" })] },
    delete: {
      summary: "Remove a container",
      role: "admin",
      params: [engine, ref, q("force", "Kill it first if running", { type: "boolean" }), q("volumes", "Remove its anonymous volumes", { type: "boolean" })],
      ok: { status: 204, description: "Removed" },
    },
  },
  "/api/v1/engines/{engine}/containers/{ref}/{action}": {
    post: {
      summary: "Lifecycle action",
      role: "operator",
      params: [
        engine,
        ref,
        { name: "action", in: "path", required: true, description: "start, stop, restart, pause, unpause or kill", schema: { type: "string", enum: ["start", "stop", "restart", "pause", "unpause", "kill"] } },
        q("t", "stop/restart: seconds before kill", { type: "integer" }),
        q("signal", "kill: signal name or number"),
      ],
    },
  },
  "/api/v1/engines/{engine}/containers/{ref}/logs": {
    get: {
      summary: "Download logs as text/plain, streamed from Docker and demultiplexed",
      role: "viewer",
      params: [
        engine,
        ref,
        q("since", "Unix seconds (fractional) or RFC 3339"),
        q("until", "Unix seconds (fractional) or RFC 3339"),
        q("tail", "Lines from the end", { type: "integer" }),
        q("timestamps", "Prefix each line with its timestamp (default true)", { type: "boolean" }),
        q("stdout", "Include stdout (default true)", { type: "boolean" }),
        q("stderr", "Include stderr (default true)", { type: "boolean" }),
        q("q", "Keep only lines matching this text"),
        q("regex", "Treat q as a regular expression", { type: "boolean" }),
        q("case", "Case-sensitive match", { type: "boolean" }),
      ],
    },
  },
  "/api/v1/engines/{engine}/containers/{ref}/stats": {
    get: {
      summary: "Stats history series (1 s points for the live 15 minutes, then 10 s, 1 min or 5 min); removed containers keep theirs",
      role: "viewer",
      params: [engine, ref, q("range", "15m, 1h, 6h, 24h or 7d", { type: "string", enum: ["15m", "1h", "6h", "24h", "7d"] })],
    },
  },
  "/api/v1/users": {
    get: { summary: "Users", role: "admin" },
    post: { summary: "Create a user", role: "admin", body: createUserSchema, ok: { status: 201, description: "Created" } },
  },
  "/api/v1/users/{id}": {
    patch: { summary: "Change a user's role or password (ends their sessions)", role: "admin", params: [id], body: updateUserSchema },
    delete: { summary: "Delete a user", role: "admin", params: [id], ok: { status: 204, description: "Deleted" } },
  },
  "/api/v1/tokens": {
    get: { summary: "API tokens (without secrets)", role: "admin" },
    post: { summary: "Create an API token; the secret is shown once", role: "admin", body: createTokenSchema, ok: { status: 201, description: "Created" } },
  },
  "/api/v1/tokens/{id}": { delete: { summary: "Revoke an API token", role: "admin", params: [id], ok: { status: 204, description: "Revoked" } } },
  "/api/v1/alerts": {
    get: { summary: "Firing and recent resolved alerts, with the firing count", role: "viewer", params: [q("status", "firing or all"), q("limit", "1-500", { type: "integer" })] },
  },
  "/api/v1/alerts/{id}/ack": { post: { summary: "Acknowledge an alert", role: "operator", params: [id] } },
  "/api/v1/alerts/rules": { get: { summary: "Alert rules with thresholds and durations (webhook URLs for admins only)", role: "viewer" } },
  "/api/v1/alerts/rules/{rule}": {
    patch: {
      summary: "Edit a rule: enabled, threshold, forSeconds, webhookUrl, allowPrivateWebhook",
      role: "admin",
      params: [{ name: "rule", in: "path", required: true, description: "container-down, restart-loop, unhealthy, cpu-high, memory-high or oom-killed" }],
      body: updateAlertRuleSchema,
    },
  },
  "/api/v1/alerts/silences": {
    get: { summary: "Active silences", role: "viewer" },
    post: { summary: "Silence a rule and/or a container for some minutes", role: "operator", body: createSilenceSchema, ok: { status: 201, description: "Created" } },
  },
  "/api/v1/alerts/silences/{id}": { delete: { summary: "End a silence", role: "operator", params: [id], ok: { status: 204, description: "Ended" } } },
  "/metrics": {
    get: { summary: "Prometheus metrics (Bearer BERTH_METRICS_TOKEN or an API token; 404 while neither exists)", role: "public" },
  },
  "/api/v1/audit": {
    get: { summary: "Audit trail, newest first", role: "admin", params: [q("limit", "1-500", { type: "integer" }), q("before", "Page: entries with a smaller id", { type: "integer" })] },
  },
};

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

function operation(op: Op) {
  const responses: Record<string, object> = {
    [String(op.ok?.status ?? 200)]: { description: op.ok?.description ?? "OK" },
    "400": errorResponse("Invalid input (the message names the field)"),
  };
  if (op.role !== "public") {
    responses["401"] = errorResponse("Not signed in");
    responses["403"] = errorResponse(`Needs role ${op.role} (or a cross-origin cookie request)`);
  }
  if (op.params?.some((p) => p.name === "engine")) {
    responses["404"] = errorResponse("No such engine or object");
    responses["409"] = errorResponse("Docker refused: conflict (Docker's message)");
    responses["503"] = errorResponse("Engine unreachable");
  }
  return {
    summary: op.summary,
    "x-berth-role": op.role,
    ...(op.role === "public" ? { security: [] } : {}),
    parameters: (op.params ?? []).map((p) => ({ name: p.name, in: p.in, required: p.required ?? false, description: p.description, schema: p.schema ?? { type: "string" } })),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: z.toJSONSchema(op.body, { io: "input", unrepresentable: "any" }) } } } } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document served at /api/v1/openapi.json. */
export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: { title: "Berth API", version: "1", description: "Docker operations console. Errors are `{ error: { code, message } }`." },
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "berth_session" },
        bearer: { type: "http", scheme: "bearer", description: "API token from /api/v1/tokens" },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: { error: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" }, field: { type: "string" } } } },
        },
      },
    },
    security: [{ session: [] }, { bearer: [] }],
    paths: Object.fromEntries(Object.entries(ROUTES).map(([path, ops]) => [path, Object.fromEntries(Object.entries(ops).map(([m, op]) => [m, operation(op!)]))])),
  };
}
