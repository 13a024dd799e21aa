import { z } from "zod";
import { alertSettingsSchema } from "@/lib/alerts";
import {
  createSilenceSchema,
  updateAlertRuleSchema,
  createContainerSchema,
  createTokenSchema,
  createUserSchema,
  loginSchema,
  MAX_MERGED_LOG_CONTAINERS,
  setupSchema,
  updateUserSchema,
} from "@/lib/schemas";
import {
  imagePruneSchema,
  imagePullSchema,
  imageTagSchema,
  networkConnectSchema,
  networkCreateSchema,
  networkDisconnectSchema,
  registryCredentialSchema,
  systemPruneSchema,
  volumeCreateSchema,
} from "@/lib/schemas";

type Method = "get" | "post" | "put" | "patch" | "delete";
type Param = { name: string; in: "path" | "query"; required?: boolean; description: string; schema?: object };

interface Op {
  summary: string;
  role: "public" | "viewer" | "operator" | "admin";
  params?: Param[];
  body?: z.ZodType;
  ok?: { status: number; description: string };
  /** Route-specific error statuses and what they mean. */
  errors?: Record<string, string>;
}

const engine: Param = { name: "engine", in: "path", required: true, description: "Engine id (`local` is the default engine)" };
const ref: Param = { name: "ref", in: "path", required: true, description: "Container id, unique id prefix, or name" };
const id: Param = { name: "id", in: "path", required: true, description: "Numeric id", schema: { type: "integer" } };
const imageRef: Param = { name: "ref", in: "path", required: true, description: "Image id, id prefix or repository:tag (URL-encode the `/`)" };
const networkRef: Param = { name: "ref", in: "path", required: true, description: "Network id, id prefix or name" };
const volumeName: Param = { name: "name", in: "path", required: true, description: "Volume name" };
const q = (name: string, description: string, schema: object = { type: "string" }): Param => ({ name, in: "query", description, schema });

/** The range, stream and filter choices both log downloads take. */
const logDownloadParams: Param[] = [
  q("since", "Unix seconds (fractional) or RFC 3339"),
  q("until", "Unix seconds (fractional) or RFC 3339"),
  q("tail", "Lines from the end (per container)", { type: "integer" }),
  q("timestamps", "Prefix each line with Docker's RFC 3339 nano timestamp (default false)", { type: "boolean" }),
  q("labels", "Prefix stderr lines with `[stderr] ` (default false)", { type: "boolean" }),
  q("stdout", "Include stdout (default true)", { type: "boolean" }),
  q("stderr", "Include stderr (default true)", { type: "boolean" }),
  q("q", "Keep only lines whose visible text (ANSI escape sequences removed, as the log viewer shows it) matches this text"),
  q("regex", "Treat q as a regular expression in RE2 syntax (linear time; no backreferences or lookaround; an invalid pattern is a 400 naming q)", {
    type: "boolean",
  }),
  q("case", "Case-sensitive match", { type: "boolean" }),
];

/**
 * Routes that answer but stay out of the document, each with the documented path that replaces it:
 * its path would be ambiguous next to others (a parameter where another path has a word, and the
 * reverse), which client generators cannot resolve.
 */
export const DEPRECATED_ALIASES: Readonly<Record<string, string>> = {
  "/api/v1/alerts/{id}/ack": "/api/v1/alerts/incidents/{id}/ack",
};

/** Every route that exists, by path and method, but the deprecated aliases. A unit test checks this against app/api. */
export const ROUTES: Record<string, Partial<Record<Method, Op>>> = {
  "/api/v1/health": { get: { summary: "Liveness and engine reachability (no secrets)", role: "public" } },
  "/api/v1/openapi.json": { get: { summary: "This document", role: "public" } },
  "/api/v1/auth/login": {
    post: {
      summary: "Sign in; sets the session cookie",
      role: "public",
      body: loginSchema,
      errors: {
        "401": "Wrong username or password (code invalid_credentials)",
        "429": "Too many failed sign-ins for this address and username, or for this account from any address (code rate_limited; Retry-After in seconds)",
      },
    },
  },
  "/api/v1/auth/logout": { post: { summary: "Sign out; ends the session and its sockets", role: "public", ok: { status: 204, description: "Signed out" } } },
  "/api/v1/auth/me": { get: { summary: "The signed-in user", role: "viewer" } },
  "/api/v1/auth/setup": {
    get: { summary: "Whether the first admin still has to be created", role: "public" },
    post: {
      summary: "Create the first admin with the one-time setup token from the server log",
      role: "public",
      body: setupSchema,
      errors: {
        "409": "Berth is already set up (code already_set_up), answered before the body is read",
        "429": "Too many wrong setup tokens from this address (code rate_limited; Retry-After in seconds)",
      },
    },
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
    get: {
      summary: "Container detail; secret env values masked",
      role: "viewer",
      params: [engine, ref, q("reveal", "Un-mask secret values (admin, audited)", { type: "boolean" })],
    },
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
        {
          name: "action",
          in: "path",
          required: true,
          description: "start, stop, restart, pause, unpause or kill",
          schema: { type: "string", enum: ["start", "stop", "restart", "pause", "unpause", "kill"] },
        },
        q("t", "stop/restart: seconds before kill", { type: "integer" }),
        q("signal", "kill: signal name or number"),
      ],
    },
  },
  "/api/v1/engines/{engine}/containers/{ref}/logs": {
    get: {
      summary:
        "Download logs as text/plain, streamed from Docker. Without timestamps, labels and q the file is byte for byte what `docker logs` prints (stdout and stderr in the order written; a TTY container's raw output)",
      role: "viewer",
      params: [engine, ref, ...logDownloadParams],
    },
  },
  "/api/v1/engines/{engine}/logs": {
    get: {
      summary: `Download several containers' logs as one text/plain file, ordered by time, each line prefixed with its container's name (\`name | line\`, as \`docker compose logs\` prints it); streamed and merged as it is read`,
      role: "viewer",
      params: [
        engine,
        {
          name: "containers",
          in: "query",
          required: true,
          description: `Container ids or names, comma-separated (1 to ${MAX_MERGED_LOG_CONTAINERS})`,
          schema: { type: "string" },
        },
        ...logDownloadParams,
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
  "/api/v1/engines/{engine}/stats/removed": {
    get: {
      summary:
        "Removed containers whose stats history is kept (up to 7 days), most recently removed first: { total, containers: [{ id, name, image, project?, removedAt, lastSampleAt }] }; removedAt is when Berth saw it go (Docker's destroy event, or the first engine listing without it after Berth was down); charts come from …/containers/{id}/stats",
      role: "viewer",
      params: [engine, q("q", "Match name or image (substring) or id prefix, case-insensitive"), q("limit", "1-200, default 50", { type: "integer" })],
    },
  },
  "/api/v1/engines/{engine}/stats/removed/{ref}": {
    get: {
      summary: "One removed container with kept history, by full id, id prefix or name (404 when none, or when it still exists)",
      role: "viewer",
      params: [engine, ref],
    },
  },
  "/api/v1/engines/{engine}/images": {
    get: { summary: "Images: every tag of an image on one row, size, containers using it", role: "viewer", params: [engine] },
  },
  "/api/v1/engines/{engine}/images/pull": {
    post: {
      summary: "Pull an image and wait for the end (registry errors inside the stream answer 502); live progress is the images:pull socket event",
      role: "operator",
      params: [engine],
      body: imagePullSchema,
    },
  },
  "/api/v1/engines/{engine}/images/prune": {
    get: {
      summary: "Prune preview: images that would go and the space freed at least",
      role: "viewer",
      params: [engine, q("mode", "dangling (default) or all unused", { type: "string", enum: ["dangling", "all"] })],
    },
    post: {
      summary: "Prune dangling or all unused images",
      role: "admin",
      params: [engine, q("label", "Only images with this label: `key` or `key=value` (Docker's label filter)")],
      body: imagePruneSchema,
    },
  },
  "/api/v1/engines/{engine}/images/{ref}": {
    get: {
      summary: "Image detail: config (entrypoint, cmd, env, ports, labels, user, workdir) and containers using it",
      role: "viewer",
      params: [engine, imageRef],
    },
    delete: {
      summary: "Remove an image or one of its tags (409 with Docker's message when a container uses it)",
      role: "admin",
      params: [
        engine,
        imageRef,
        q("force", "Remove even if containers use it or it has several tags", { type: "boolean" }),
        q("noprune", "Keep untagged parents", { type: "boolean" }),
      ],
    },
  },
  "/api/v1/engines/{engine}/images/{ref}/history": {
    get: { summary: "Layer history: size and the instruction that made each layer", role: "viewer", params: [engine, imageRef] },
  },
  "/api/v1/engines/{engine}/images/{ref}/tag": {
    post: {
      summary: "Add a tag (repository[:tag])",
      role: "operator",
      params: [engine, imageRef],
      body: imageTagSchema,
      ok: { status: 201, description: "Tagged" },
    },
  },
  "/api/v1/engines/{engine}/images/{ref}/push": {
    post: {
      summary: "Push repository:tag with saved credentials and wait for the end; live progress is the images:push socket event",
      role: "admin",
      params: [engine, imageRef],
    },
  },
  "/api/v1/engines/{engine}/networks": {
    get: { summary: "Networks with driver, scope, subnets, flags and attached-container counts", role: "viewer", params: [engine] },
    post: {
      summary: "Create a network; subnet/ip-range/gateway are validated first (400 names the field)",
      role: "admin",
      params: [engine],
      body: networkCreateSchema,
      ok: { status: 201, description: "Created" },
    },
  },
  "/api/v1/engines/{engine}/networks/prune": {
    get: { summary: "Prune preview: unused networks", role: "viewer", params: [engine] },
    post: { summary: "Remove every network no container uses", role: "admin", params: [engine] },
  },
  "/api/v1/engines/{engine}/networks/{ref}": {
    get: { summary: "Network detail: IPAM, options, attached containers with IPv4/IPv6/MAC", role: "viewer", params: [engine, networkRef] },
    delete: {
      summary: "Remove a network (bridge, host and none: 409)",
      role: "admin",
      params: [engine, networkRef],
      ok: { status: 204, description: "Removed" },
    },
  },
  "/api/v1/engines/{engine}/networks/{ref}/connect": {
    post: {
      summary: "Connect a container (aliases, optional static IP)",
      role: "operator",
      params: [engine, networkRef],
      body: networkConnectSchema,
      ok: { status: 204, description: "Connected" },
    },
  },
  "/api/v1/engines/{engine}/networks/{ref}/disconnect": {
    post: {
      summary: "Disconnect a container",
      role: "operator",
      params: [engine, networkRef],
      body: networkDisconnectSchema,
      ok: { status: 204, description: "Disconnected" },
    },
  },
  "/api/v1/engines/{engine}/volumes": {
    get: {
      summary: "Volumes with size (cached system df; sizeMeasuredAt says when it was measured), containers using each, dangling flag",
      role: "viewer",
      params: [engine],
    },
    post: {
      summary: "Create a volume (driver, driver options such as type=nfs, labels); 409 when the name exists (Docker itself would answer 201)",
      role: "admin",
      params: [engine],
      body: volumeCreateSchema,
      ok: { status: 201, description: "Created" },
    },
  },
  "/api/v1/engines/{engine}/volumes/prune": {
    get: { summary: "Prune preview: unused volumes and their sizes", role: "viewer", params: [engine] },
    post: { summary: "Remove every unused volume", role: "admin", params: [engine] },
  },
  "/api/v1/engines/{engine}/volumes/{name}": {
    get: { summary: "Volume detail", role: "viewer", params: [engine, volumeName] },
    delete: {
      summary: "Remove a volume (409 with Docker's message when in use)",
      role: "admin",
      params: [engine, volumeName, q("force", "Force removal", { type: "boolean" })],
      ok: { status: 204, description: "Removed" },
    },
  },
  "/api/v1/engines/{engine}/volumes/{name}/backup": {
    get: { summary: "Download the volume as .tar.gz (streamed through a short-lived helper container; audited)", role: "admin", params: [engine, volumeName] },
  },
  "/api/v1/engines/{engine}/volumes/{name}/restore": {
    post: {
      summary:
        "Restore a .tar or .tar.gz request body into a new or empty volume, all or nothing: the archive is checked whole first (400 invalid_archive for a corrupt file or an entry that would land outside the volume: absolute path, `..`, a link pointing out, an entry written through a link, a device file; nothing is written), 413 payload_too_large above 20 GiB; 409 when the volume is not empty, or is an existing volume Berth could not put back as it was (not a plain local volume, or mounted by a container); a restore that fails part way removes a volume it created and empties an existing one again",
      role: "admin",
      params: [engine, volumeName, q("create", "Create the volume if it does not exist", { type: "boolean" })],
      ok: { status: 201, description: "Restored into a new volume (200: into an existing empty one)" },
      errors: { "413": "The archive is larger than 16 GiB (code payload_too_large)" },
    },
  },
  "/api/v1/engines/{engine}/volumes/{name}/files": {
    get: {
      summary:
        "List one directory of the volume, read-only: the path is resolved segment by segment and a symbolic link is listed with its target, never followed (400 naming path for a path through a link, or a file asked as a folder)",
      role: "operator",
      params: [engine, volumeName, q("path", "Path inside the volume; `..` is refused")],
    },
  },
  "/api/v1/engines/{engine}/volumes/{name}/file": {
    get: {
      summary: "Download one file of the volume (audited)",
      role: "operator",
      params: [engine, volumeName, q("path", "File path inside the volume; `..` is refused")],
    },
  },
  "/api/v1/engines/{engine}/system/info": {
    get: { summary: "Engine info and version: storage driver, cgroup, kernel, CPUs, memory, runtimes, Swarm, warnings", role: "viewer", params: [engine] },
  },
  "/api/v1/engines/{engine}/system/df": {
    get: { summary: "Disk usage by images, containers, volumes and build cache with reclaimable space", role: "viewer", params: [engine] },
  },
  "/api/v1/engines/{engine}/system/prune": {
    get: {
      summary: "Prune preview per part, with the space each frees",
      role: "viewer",
      params: [
        engine,
        q("containers", "Stopped containers (default true)", { type: "boolean" }),
        q("images", "none, dangling (default) or all", { type: "string", enum: ["none", "dangling", "all"] }),
        q("networks", "Unused networks (default true)", { type: "boolean" }),
        q("volumes", "Unused volumes (default false)", { type: "boolean" }),
        q("buildCache", "Build cache (default true)", { type: "boolean" }),
      ],
    },
    post: { summary: "Prune the selected parts in one go", role: "admin", params: [engine], body: systemPruneSchema },
  },
  "/api/v1/registries": {
    get: { summary: "Saved registry credentials (host and username; never the secret)", role: "admin" },
    post: {
      summary: "Save or replace the credential for a registry host (encrypted at rest)",
      role: "admin",
      body: registryCredentialSchema,
      ok: { status: 201, description: "Saved" },
    },
  },
  "/api/v1/registries/{id}": {
    delete: { summary: "Delete a saved registry credential", role: "admin", params: [id], ok: { status: 204, description: "Deleted" } },
  },
  "/api/v1/users": {
    get: { summary: "Users, each with its access scope when it has one (unscoped admins only)", role: "admin" },
    post: {
      summary: "Create a user; `scope: { engines?, labels? }` limits it to engines and to containers matching any label selector (`key=value` or `key`)",
      role: "admin",
      body: createUserSchema,
      ok: { status: 201, description: "Created" },
    },
  },
  "/api/v1/users/{id}": {
    patch: {
      summary: "Change a user's role, password or scope (`scope: null` removes it); ends their sessions",
      role: "admin",
      params: [id],
      body: updateUserSchema,
    },
    delete: { summary: "Delete a user", role: "admin", params: [id], ok: { status: 204, description: "Deleted" } },
  },
  "/api/v1/tokens": {
    get: { summary: "API tokens (without secrets), with their scopes; a scoped admin sees only its own", role: "admin" },
    post: {
      summary:
        "Create an API token; the secret is shown once. `scope` may not be wider than the creator's (400); omitted, a scoped creator's own scope applies",
      role: "admin",
      body: createTokenSchema,
      ok: { status: 201, description: "Created" },
    },
  },
  "/api/v1/tokens/{id}": { delete: { summary: "Revoke an API token", role: "admin", params: [id], ok: { status: 204, description: "Revoked" } } },
  "/api/v1/alerts": {
    get: {
      summary:
        "Incidents (one per rule and container, with count, lastAt, containerName, containerExists): firing first, then recent resolved; with the firing count",
      role: "viewer",
      params: [q("status", "firing or all"), q("limit", "1-500", { type: "integer" })],
    },
  },
  "/api/v1/alerts/incidents/{id}/ack": { post: { summary: "Acknowledge an alert", role: "operator", params: [id] } },
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
    post: {
      summary: "Silence a rule and/or a container for some minutes",
      role: "operator",
      body: createSilenceSchema,
      ok: { status: 201, description: "Created" },
    },
  },
  "/api/v1/alerts/silences/{id}": { delete: { summary: "End a silence", role: "operator", params: [id], ok: { status: 204, description: "Ended" } } },
  "/api/v1/settings/alerts": {
    get: {
      summary: "Alerting settings: renotifyIntervalSeconds (how often an open incident may toast and call its webhook again; default 3600)",
      role: "viewer",
    },
    put: { summary: "Set the alerting settings: renotifyIntervalSeconds, 60 to 604800 (audited)", role: "admin", body: alertSettingsSchema },
  },
  "/metrics": {
    get: { summary: "Prometheus metrics (Bearer BERTH_METRICS_TOKEN or an API token; 404 while neither exists)", role: "public" },
  },
  "/api/v1/audit": {
    get: {
      summary: "Audit trail, newest first",
      role: "admin",
      params: [q("limit", "1-500", { type: "integer" }), q("before", "Page: entries with a smaller id", { type: "integer" })],
    },
  },
};

/**
 * Names a client generator gives its functions, derived from method and path so every route gets
 * one without a list to keep: the path's literal words in camelCase after `/api/v1` and
 * `/engines/{engine}`, a word before a path parameter made singular (`containers/{ref}` is a
 * container), led by a verb: `list` for a GET of a collection (a path that a `/{param}` path
 * extends), `create` for its POST, `update` for PATCH and PUT, `delete` for DELETE, and `get` or
 * `post` otherwise. `getContainer`, `listContainers`, `postContainerAction`,
 * `postNetworkConnect`. A unit test keeps them unique.
 */
export function operationId(method: Method, path: string, paths: readonly string[] = Object.keys(ROUTES)): string {
  const segments = path
    .replace(/^\/api\/v1(?=\/|$)/, "")
    .replace(/^\/engines\/\{engine\}(?=\/|$)/, "")
    .split("/")
    .filter(Boolean);
  const words: string[] = [];
  segments.forEach((s, i) => {
    const param = /^\{(.+)\}$/.exec(s);
    if (param) {
      // A trailing parameter after another (`{ref}/{action}`) names what it is.
      if (i > 0 && /^\{.+\}$/.test(segments[i - 1] ?? "")) words.push(param[1]!);
      return;
    }
    const beforeParam = /^\{.+\}$/.test(segments[i + 1] ?? "");
    words.push(
      ...s
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w, j, all) => (beforeParam && j === all.length - 1 ? singular(w) : w)),
    );
  });
  const collection = !/\}$/.test(path) && paths.some((p) => p.startsWith(`${path}/{`));
  const verb =
    method === "get" ? (collection ? "list" : "get") : method === "post" ? (collection ? "create" : "post") : method === "delete" ? "delete" : "update";
  const noun = (collection && method === "post" ? words.map((w, i) => (i === words.length - 1 ? singular(w) : w)) : words).map(
    (w) => w.charAt(0).toUpperCase() + w.slice(1),
  );
  return verb + noun.join("");
}

function singular(word: string): string {
  if (/ies$/.test(word)) return word.replace(/ies$/, "y");
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

function operation(op: Op, operationId: string) {
  const responses: Record<string, object> = {
    [String(op.ok?.status ?? 200)]: { description: op.ok?.description ?? "OK" },
    "400": errorResponse("Invalid input (the message names the field)"),
  };
  if (op.role !== "public") {
    responses["401"] = errorResponse("Not signed in (code unauthenticated), or the session cookie's session has ended (code session_ended)");
    responses["403"] = errorResponse(
      `Needs role ${op.role} (or a cross-origin cookie request); creating, removing or pruning images, networks and volumes, and managing users, also needs an unscoped principal`,
    );
  }
  if (op.params?.some((p) => p.name === "engine")) {
    responses["404"] = errorResponse("No such engine or object, or one outside the caller's access scope (the two read alike)");
    responses["409"] = errorResponse("Conflict with the engine's state (Docker's message): in use, already exists, overlapping network pool");
    responses["503"] = errorResponse("Engine unreachable");
  }
  // Every body is capped before it is read (server/http/body-limit.ts): 1 MiB unless the route streams with its own cap.
  if (op.body) responses["413"] = errorResponse("Request body too large (code payload_too_large)");
  for (const [status, description] of Object.entries(op.errors ?? {})) responses[status] = errorResponse(description);
  return {
    operationId,
    summary: op.summary,
    "x-berth-role": op.role,
    ...(op.role === "public" ? { security: [] } : {}),
    parameters: (op.params ?? []).map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required ?? false,
      description: p.description,
      schema: p.schema ?? { type: "string" },
    })),
    ...(op.body
      ? { requestBody: { required: true, content: { "application/json": { schema: z.toJSONSchema(op.body, { io: "input", unrepresentable: "any" }) } } } }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document served at /api/v1/openapi.json. */
export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Berth API",
      version: "1",
      description:
        "Docker operations console. Errors are `{ error: { code, message } }`. A user or API token may carry an access scope (`scope: { engines?, labels? }`: engine ids, and label selectors `key=value` or `key` of which a container must match at least one): " +
        "it then sees only the listed engines and the containers whose labels match at least one selector; other objects answer 404 and are left out of lists, counts and pushes. " +
        "Images, networks and volumes are visible through the in-scope containers that use them.",
      // package.json says UNLICENSED: no SPDX licence, so a LicenseRef (SPDX's form for others).
      license: { name: "Proprietary (UNLICENSED)", identifier: "LicenseRef-Proprietary" },
    },
    // Relative: the document describes the server that serves it, wherever it is mounted.
    servers: [{ url: "/", description: "This Berth server" }],
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "berth_session" },
        bearer: { type: "http", scheme: "bearer", description: "API token from /api/v1/tokens" },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: { code: { type: "string" }, message: { type: "string" }, field: { type: "string" } },
            },
          },
        },
      },
    },
    security: [{ session: [] }, { bearer: [] }],
    paths: Object.fromEntries(
      Object.entries(ROUTES).map(([path, ops]) => [
        path,
        Object.fromEntries(Object.entries(ops).map(([m, op]) => [m, operation(op!, operationId(m as Method, path))])),
      ]),
    ),
  };
}
