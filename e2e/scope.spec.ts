import fs from "node:fs";
import path from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import { request, type APIRequestContext } from "@playwright/test";
import { BASE_URL, FIXTURE_IMAGE, TEST_LABEL_ARG, USER_PASSWORD } from "./env";
import { expect, login, test, type DockerFixture } from "./fixtures";

/**
 * Access scopes, walked over the whole contract: every route of the OpenAPI document and every
 * client event of lib/socket-events.ts is asked by each role (viewer, operator, admin), scoped and
 * unscoped, with an in-scope and an out-of-scope target. Out of scope reads as missing (404), a
 * role that is too low is 403, a scoped principal writing shared objects is 403, and otherwise a
 * scoped principal gets exactly what the unscoped one of its role gets. A route or event without
 * a case here fails the test, so a new one cannot be forgotten.
 */

type Role = "viewer" | "operator" | "admin";
const RANK: Record<Role | "public", number> = { public: 0, viewer: 1, operator: 2, admin: 3 };
type Side = "in" | "out";

interface World {
  suffix: string;
  containers: Record<Side, { id: string; name: string }>;
  images: Record<Side, string>;
  networks: Record<Side, string>;
  volumes: Record<Side, string>;
  label: Record<Side, string>;
}

interface Req {
  url: string;
  method?: string;
  data?: unknown;
  headers?: Record<string, string>;
}

interface Case {
  /** What the route aims at: an object on the engine (in or out of scope), the engine as a whole, or nothing engine-bound. */
  kind: "container" | "image" | "network" | "volume" | "engine" | "none";
  /** A scoped principal is refused (403) whatever the target: writes to shared objects, users, audit… */
  unscopedOnly?: boolean;
  /** What a scoped principal gets for the out-of-scope side when not 404 (creating a container outside the scope is refused, not hidden). */
  outStatus?: number;
  /** The route may answer 404 for an existing object for everyone (a living container has no "removed" history). */
  missingForAll?: boolean;
  /** Sent without credentials by everyone (signing out would end the principal's session). */
  anonymous?: boolean;
  /** The allowed request would change the engine for everyone (prune without a body): the unscoped admin does not send it. */
  destructive?: boolean;
  build(w: World, side: Side): Req;
}

/** Not JSON: every JSON route answers 400 once it is authorized, so allowed writes change nothing. */
const NOT_JSON = "{not json";
const E = "/api/v1/engines/local";
const c = (w: World, s: Side) => w.containers[s].name;

const CASES: Record<string, Case> = {
  "GET /api/v1/health": { kind: "none", build: () => ({ url: "/api/v1/health" }) },
  "GET /api/v1/openapi.json": { kind: "none", build: () => ({ url: "/api/v1/openapi.json" }) },
  "POST /api/v1/auth/login": { kind: "none", build: () => ({ url: "/api/v1/auth/login", method: "POST", data: NOT_JSON }) },
  // Signing out would end the principal's session; an anonymous call shows the route stays public.
  "POST /api/v1/auth/logout": { kind: "none", anonymous: true, build: () => ({ url: "/api/v1/auth/logout", method: "POST" }) },
  "GET /api/v1/auth/me": { kind: "none", build: () => ({ url: "/api/v1/auth/me" }) },
  "GET /api/v1/auth/setup": { kind: "none", build: () => ({ url: "/api/v1/auth/setup" }) },
  "POST /api/v1/auth/setup": { kind: "none", build: () => ({ url: "/api/v1/auth/setup", method: "POST", data: NOT_JSON }) },
  "GET /api/v1/engines": { kind: "none", build: () => ({ url: "/api/v1/engines" }) },
  "GET /api/v1/engines/{engine}/containers": { kind: "engine", build: () => ({ url: `${E}/containers` }) },
  "POST /api/v1/engines/{engine}/containers": {
    kind: "container",
    outStatus: 403,
    build: (w, s) => ({
      url: `${E}/containers`,
      method: "POST",
      data: { image: FIXTURE_IMAGE, name: `scope-new-${w.suffix}-${randomBytes(3).toString("hex")}`, labels: labelsFor(w, s), cmd: ["true"] },
    }),
  },
  "GET /api/v1/engines/{engine}/containers/{ref}": { kind: "container", build: (w, s) => ({ url: `${E}/containers/${c(w, s)}` }) },
  // Without force Docker refuses to remove a running container (409): allowed, and nothing changes.
  "DELETE /api/v1/engines/{engine}/containers/{ref}": { kind: "container", build: (w, s) => ({ url: `${E}/containers/${c(w, s)}`, method: "DELETE" }) },
  // Unpausing a running container is Docker's 409.
  "POST /api/v1/engines/{engine}/containers/{ref}/{action}": {
    kind: "container",
    build: (w, s) => ({ url: `${E}/containers/${c(w, s)}/unpause`, method: "POST" }),
  },
  "GET /api/v1/engines/{engine}/containers/{ref}/logs": { kind: "container", build: (w, s) => ({ url: `${E}/containers/${c(w, s)}/logs?tail=1` }) },
  "GET /api/v1/engines/{engine}/containers/{ref}/stats": { kind: "container", build: (w, s) => ({ url: `${E}/containers/${c(w, s)}/stats?range=15m` }) },
  "GET /api/v1/engines/{engine}/logs": { kind: "container", build: (w, s) => ({ url: `${E}/logs?containers=${c(w, s)}&tail=1` }) },
  "GET /api/v1/engines/{engine}/stats/removed": { kind: "engine", build: () => ({ url: `${E}/stats/removed` }) },
  "GET /api/v1/engines/{engine}/stats/removed/{ref}": {
    kind: "container",
    missingForAll: true,
    build: (w, s) => ({ url: `${E}/stats/removed/${w.containers[s].id}` }),
  },
  "GET /api/v1/engines/{engine}/images": { kind: "engine", build: () => ({ url: `${E}/images` }) },
  "POST /api/v1/engines/{engine}/images/pull": {
    kind: "engine",
    unscopedOnly: true,
    build: () => ({ url: `${E}/images/pull`, method: "POST", data: NOT_JSON }),
  },
  "GET /api/v1/engines/{engine}/images/prune": { kind: "engine", unscopedOnly: true, build: () => ({ url: `${E}/images/prune` }) },
  "POST /api/v1/engines/{engine}/images/prune": {
    kind: "engine",
    unscopedOnly: true,
    build: () => ({ url: `${E}/images/prune`, method: "POST", data: NOT_JSON }),
  },
  "GET /api/v1/engines/{engine}/images/{ref}": { kind: "image", build: (w, s) => ({ url: `${E}/images/${encodeURIComponent(w.images[s])}` }) },
  // The image is in use by a running container: removal is Docker's 409.
  "DELETE /api/v1/engines/{engine}/images/{ref}": {
    kind: "image",
    unscopedOnly: true,
    build: (w, s) => ({ url: `${E}/images/${encodeURIComponent(w.images[s])}`, method: "DELETE" }),
  },
  "GET /api/v1/engines/{engine}/images/{ref}/history": { kind: "image", build: (w, s) => ({ url: `${E}/images/${encodeURIComponent(w.images[s])}/history` }) },
  "POST /api/v1/engines/{engine}/images/{ref}/tag": {
    kind: "image",
    unscopedOnly: true,
    build: (w, s) => ({ url: `${E}/images/${encodeURIComponent(w.images[s])}/tag`, method: "POST", data: NOT_JSON }),
  },
  // No registry is reachable here: the push fails at the engine (not at the guard).
  "POST /api/v1/engines/{engine}/images/{ref}/push": {
    kind: "image",
    unscopedOnly: true,
    build: (w, s) => ({ url: `${E}/images/${encodeURIComponent(w.images[s])}/push`, method: "POST", data: NOT_JSON }),
  },
  "GET /api/v1/engines/{engine}/networks": { kind: "engine", build: () => ({ url: `${E}/networks` }) },
  "POST /api/v1/engines/{engine}/networks": { kind: "engine", unscopedOnly: true, build: () => ({ url: `${E}/networks`, method: "POST", data: NOT_JSON }) },
  "GET /api/v1/engines/{engine}/networks/prune": { kind: "engine", unscopedOnly: true, build: () => ({ url: `${E}/networks/prune` }) },
  "POST /api/v1/engines/{engine}/networks/prune": {
    kind: "engine",
    unscopedOnly: true,
    destructive: true,
    build: () => ({ url: `${E}/networks/prune`, method: "POST" }),
  },
  "GET /api/v1/engines/{engine}/networks/{ref}": { kind: "network", build: (w, s) => ({ url: `${E}/networks/${w.networks[s]}` }) },
  "DELETE /api/v1/engines/{engine}/networks/{ref}": {
    kind: "network",
    unscopedOnly: true,
    build: (w, s) => ({ url: `${E}/networks/${w.networks[s]}`, method: "DELETE" }),
  },
  "POST /api/v1/engines/{engine}/networks/{ref}/connect": {
    kind: "network",
    unscopedOnly: true,
    build: (w, s) => ({ url: `${E}/networks/${w.networks[s]}/connect`, method: "POST", data: NOT_JSON }),
  },
  "POST /api/v1/engines/{engine}/networks/{ref}/disconnect": {
    kind: "network",
    unscopedOnly: true,
    build: (w, s) => ({ url: `${E}/networks/${w.networks[s]}/disconnect`, method: "POST", data: NOT_JSON }),
  },
  "GET /api/v1/engines/{engine}/volumes": { kind: "engine", build: () => ({ url: `${E}/volumes` }) },
  "POST /api/v1/engines/{engine}/volumes": { kind: "engine", unscopedOnly: true, build: () => ({ url: `${E}/volumes`, method: "POST", data: NOT_JSON }) },
  "GET /api/v1/engines/{engine}/volumes/prune": { kind: "engine", unscopedOnly: true, build: () => ({ url: `${E}/volumes/prune` }) },
  "POST /api/v1/engines/{engine}/volumes/prune": {
    kind: "engine",
    unscopedOnly: true,
    destructive: true,
    build: () => ({ url: `${E}/volumes/prune`, method: "POST" }),
  },
  "GET /api/v1/engines/{engine}/volumes/{name}": { kind: "volume", build: (w, s) => ({ url: `${E}/volumes/${w.volumes[s]}` }) },
  "DELETE /api/v1/engines/{engine}/volumes/{name}": {
    kind: "volume",
    unscopedOnly: true,
    build: (w, s) => ({ url: `${E}/volumes/${w.volumes[s]}`, method: "DELETE" }),
  },
  "GET /api/v1/engines/{engine}/volumes/{name}/backup": { kind: "volume", build: (w, s) => ({ url: `${E}/volumes/${w.volumes[s]}/backup` }) },
  "POST /api/v1/engines/{engine}/volumes/{name}/restore": {
    kind: "volume",
    unscopedOnly: true,
    build: (w, s) => ({
      url: `${E}/volumes/${w.volumes[s]}/restore`,
      method: "POST",
      data: Buffer.from("not a tar archive"),
      headers: { "content-type": "application/x-tar" },
    }),
  },
  "GET /api/v1/engines/{engine}/volumes/{name}/files": { kind: "volume", build: (w, s) => ({ url: `${E}/volumes/${w.volumes[s]}/files?path=/` }) },
  "GET /api/v1/engines/{engine}/volumes/{name}/file": { kind: "volume", build: (w, s) => ({ url: `${E}/volumes/${w.volumes[s]}/file?path=/hello.txt` }) },
  "GET /api/v1/engines/{engine}/system/info": { kind: "engine", build: () => ({ url: `${E}/system/info` }) },
  "GET /api/v1/engines/{engine}/system/df": { kind: "engine", build: () => ({ url: `${E}/system/df` }) },
  "GET /api/v1/engines/{engine}/system/prune": { kind: "engine", unscopedOnly: true, build: () => ({ url: `${E}/system/prune` }) },
  "POST /api/v1/engines/{engine}/system/prune": {
    kind: "engine",
    unscopedOnly: true,
    build: () => ({ url: `${E}/system/prune`, method: "POST", data: NOT_JSON }),
  },
  "GET /api/v1/registries": { kind: "none", unscopedOnly: true, build: () => ({ url: "/api/v1/registries" }) },
  "POST /api/v1/registries": { kind: "none", unscopedOnly: true, build: () => ({ url: "/api/v1/registries", method: "POST", data: NOT_JSON }) },
  "DELETE /api/v1/registries/{id}": { kind: "none", unscopedOnly: true, build: () => ({ url: "/api/v1/registries/999999", method: "DELETE" }) },
  "GET /api/v1/users": { kind: "none", unscopedOnly: true, build: () => ({ url: "/api/v1/users" }) },
  "POST /api/v1/users": { kind: "none", unscopedOnly: true, build: () => ({ url: "/api/v1/users", method: "POST", data: NOT_JSON }) },
  "PATCH /api/v1/users/{id}": { kind: "none", unscopedOnly: true, build: () => ({ url: "/api/v1/users/999999", method: "PATCH", data: NOT_JSON }) },
  "DELETE /api/v1/users/{id}": { kind: "none", unscopedOnly: true, build: () => ({ url: "/api/v1/users/999999", method: "DELETE" }) },
  "GET /api/v1/tokens": { kind: "none", build: () => ({ url: "/api/v1/tokens" }) },
  "POST /api/v1/tokens": { kind: "none", build: () => ({ url: "/api/v1/tokens", method: "POST", data: NOT_JSON }) },
  "DELETE /api/v1/tokens/{id}": { kind: "none", build: () => ({ url: "/api/v1/tokens/999999", method: "DELETE" }) },
  "GET /api/v1/alerts": { kind: "none", build: () => ({ url: "/api/v1/alerts" }) },
  "POST /api/v1/alerts/{id}/ack": { kind: "none", build: () => ({ url: "/api/v1/alerts/999999/ack", method: "POST" }) },
  "POST /api/v1/alerts/incidents/{id}/ack": { kind: "none", build: () => ({ url: "/api/v1/alerts/incidents/999999/ack", method: "POST" }) },
  "GET /api/v1/alerts/rules": { kind: "none", build: () => ({ url: "/api/v1/alerts/rules" }) },
  "PATCH /api/v1/alerts/rules/{rule}": {
    kind: "none",
    unscopedOnly: true,
    build: () => ({ url: "/api/v1/alerts/rules/cpu-high", method: "PATCH", data: NOT_JSON }),
  },
  "GET /api/v1/alerts/silences": { kind: "none", build: () => ({ url: "/api/v1/alerts/silences" }) },
  "POST /api/v1/alerts/silences": { kind: "none", unscopedOnly: true, build: () => ({ url: "/api/v1/alerts/silences", method: "POST", data: NOT_JSON }) },
  "DELETE /api/v1/alerts/silences/{id}": { kind: "none", unscopedOnly: true, build: () => ({ url: "/api/v1/alerts/silences/999999", method: "DELETE" }) },
  "GET /api/v1/settings/alerts": { kind: "none", build: () => ({ url: "/api/v1/settings/alerts" }) },
  "PUT /api/v1/settings/alerts": { kind: "none", unscopedOnly: true, build: () => ({ url: "/api/v1/settings/alerts", method: "PUT", data: NOT_JSON }) },
  // Sessions do not reach /metrics (Bearer only): the scoped token case below checks what a token sees.
  "GET /metrics": { kind: "none", build: () => ({ url: "/metrics" }) },
  "GET /api/v1/audit": { kind: "none", unscopedOnly: true, build: () => ({ url: "/api/v1/audit" }) },
};

type SocketCase = { kind: Case["kind"]; unscopedOnly?: boolean; role: Role; build(w: World, side: Side): unknown };

const SOCKET_CASES: Record<string, SocketCase> = {
  "stats:subscribe": { kind: "container", role: "viewer", build: (w, s) => ({ engine: "local", containers: [c(w, s)] }) },
  "stats:unsubscribe": { kind: "none", role: "viewer", build: () => ({ subscription: randomUUID() }) },
  "logs:subscribe": { kind: "container", role: "viewer", build: (w, s) => ({ engine: "local", containers: [w.containers[s].id.slice(0, 12)], tail: 1 }) },
  "logs:unsubscribe": { kind: "none", role: "viewer", build: () => ({ subscription: randomUUID() }) },
  "events:subscribe": { kind: "engine", role: "viewer", build: () => ({ engine: "local" }) },
  "events:unsubscribe": { kind: "engine", role: "viewer", build: () => ({ engine: "local" }) },
  "images:pull": { kind: "engine", role: "operator", unscopedOnly: true, build: () => ({ engine: "local", ref: "" }) },
  "images:push": { kind: "engine", role: "admin", unscopedOnly: true, build: () => ({ engine: "local", ref: "" }) },
  "images:cancel": { kind: "none", role: "operator", unscopedOnly: true, build: () => ({ operation: randomUUID() }) },
  "system:events-subscribe": { kind: "engine", role: "viewer", build: () => ({ engine: "local" }) },
  "system:events-unsubscribe": { kind: "engine", role: "viewer", build: () => ({ engine: "local" }) },
};

function labelsFor(w: World, s: Side): Record<string, string> {
  const [k, v] = w.label[s].split("=");
  return { "berth.test": TEST_LABEL_ARG.split("=")[1]!, [k!]: v! };
}

/** The client events of the socket contract, read from its source so a new event needs a case here. */
function contractEvents(): string[] {
  const text = fs.readFileSync(path.join(__dirname, "..", "lib", "socket-events.ts"), "utf8");
  return [...text.matchAll(/^\s+"([\w:-]+)": \(req: /gm)].map((m) => m[1]!);
}

interface Principal {
  name: string;
  role: Role;
  scoped: boolean;
  api: APIRequestContext;
}

async function send(p: Principal, r: Req, anonymous = false): Promise<number> {
  if (anonymous) {
    const ctx = await request.newContext({ baseURL: BASE_URL });
    const res = await ctx.fetch(r.url, { method: r.method ?? "GET", data: r.data as never, headers: r.headers, maxRedirects: 0 });
    await ctx.dispose();
    return res.status();
  }
  const res = await p.api.fetch(r.url, { method: r.method ?? "GET", data: r.data as never, headers: r.headers, maxRedirects: 0 });
  return res.status();
}

const CODE_STATUS: Record<string, number> = { forbidden: 403, not_found: 404, unauthenticated: 401, invalid_input: 400, too_many_subscriptions: 429 };

async function connect(api: APIRequestContext): Promise<Socket> {
  const cookie = (await api.storageState()).cookies.map((k) => `${k.name}=${k.value}`).join("; ");
  const socket = io(BASE_URL, { path: "/socket.io", transports: ["websocket"], extraHeaders: { cookie }, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (e) => reject(e));
  });
  return socket;
}

async function askStatus(socket: Socket, event: string, req: unknown): Promise<number> {
  const ack = (await socket.timeout(15_000).emitWithAck(event, req)) as { ok: boolean; error?: { code: string } };
  return ack.ok ? 200 : (CODE_STATUS[ack.error!.code] ?? 500);
}

async function setUp(docker: DockerFixture, suffix: string): Promise<World> {
  const label = { in: `team=scope-in-${suffix}`, out: `team=scope-out-${suffix}` } as const;
  const w: World = {
    suffix,
    label,
    images: { in: `berth-scope-in:${suffix}`, out: `berth-scope-out:${suffix}` },
    networks: { in: `scope-in-${suffix}`, out: `scope-out-${suffix}` },
    volumes: { in: `scope-in-${suffix}`, out: `scope-out-${suffix}` },
    containers: {} as World["containers"],
  };
  // Images of their own (committed from a created container), so each side uses a different image id.
  const base = await docker.run({ start: false });
  for (const s of ["in", "out"] as const) {
    await docker.cli("commit", "--change", `LABEL ${TEST_LABEL_ARG}`, "--change", `LABEL scope.side=${s}`, base.id, w.images[s]);
    await docker.cli("network", "create", "--label", TEST_LABEL_ARG, w.networks[s]);
    await docker.cli("volume", "create", "--label", TEST_LABEL_ARG, w.volumes[s]);
    const name = `scope-${s}-${suffix}`;
    const id = await docker.cli(
      "run",
      "-d",
      "--name",
      name,
      "--label",
      TEST_LABEL_ARG,
      "--label",
      label[s],
      "--network",
      w.networks[s],
      "-v",
      `${w.volumes[s]}:/data`,
      w.images[s],
      "sh",
      "-c",
      'echo hello > /data/hello.txt; echo started; trap "exit 0" TERM; while true; do sleep 1 & wait $!; done',
    );
    docker.track(id);
    w.containers[s] = { id, name };
  }
  return w;
}

async function tearDown(docker: DockerFixture, w: World) {
  // The containers the routes created carry the side's label too.
  for (const s of ["in", "out"] as const) {
    const ids = (await docker.cli("ps", "-aq", "--filter", `label=${w.label[s]}`)).split("\n").filter(Boolean);
    if (ids.length) await docker.cli("rm", "-f", "-v", ...ids).catch(() => undefined);
  }
  await docker.cli("rmi", "-f", w.images.in, w.images.out).catch(() => undefined);
  await docker.cli("network", "rm", w.networks.in, w.networks.out).catch(() => undefined);
  await docker.cli("volume", "rm", w.volumes.in, w.volumes.out).catch(() => undefined);
}

/** Creates (or re-uses) a user with this scope and signs in as it. */
async function scopedUser(adminApi: APIRequestContext, username: string, role: Role, scope: object): Promise<APIRequestContext> {
  const res = await adminApi.post("/api/v1/users", { data: { username, password: USER_PASSWORD, role, scope } });
  expect(res.status(), await res.text()).toBe(201);
  return login(username, USER_PASSWORD);
}

test.describe.configure({ mode: "serial" });

test("every route and socket event answers by role and scope: 404 outside, 403 for the role or shared writes, as unscoped inside", async ({
  docker,
  adminApi,
  operatorApi,
  viewerApi,
}) => {
  test.setTimeout(120_000);
  const doc = (await (await adminApi.get("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, { "x-berth-role": Role | "public" }>> };
  const ops = Object.entries(doc.paths).flatMap(([p, methods]) =>
    Object.entries(methods).map(([m, op]) => ({ key: `${m.toUpperCase()} ${p}`, role: op["x-berth-role"] })),
  );
  const unmapped = ops.filter((o) => !CASES[o.key]).map((o) => o.key);
  expect(unmapped, "routes in the OpenAPI document without a scope case in e2e/scope.spec.ts").toEqual([]);
  const events = contractEvents();
  expect(events.length).toBeGreaterThan(5);
  expect(
    events.filter((e) => !SOCKET_CASES[e]),
    "client events in lib/socket-events.ts without a scope case",
  ).toEqual([]);

  const suffix = randomBytes(4).toString("hex");
  const w = await setUp(docker, suffix);
  const opened: APIRequestContext[] = [];
  try {
    const scope = { engines: ["local"], labels: [w.label.in, `com.docker.compose.project=scope-none-${suffix}`] };
    const principals: Principal[] = [
      { name: "viewer", role: "viewer", scoped: false, api: viewerApi },
      { name: "operator", role: "operator", scoped: false, api: operatorApi },
      { name: "admin", role: "admin", scoped: false, api: adminApi },
    ];
    for (const role of ["viewer", "operator", "admin"] as const) {
      const api = await scopedUser(adminApi, `scoped-${role}-${suffix}`, role, scope);
      opened.push(api);
      principals.push({ name: `scoped ${role}`, role, scoped: true, api });
    }

    const mismatches: string[] = [];
    for (const op of ops) {
      const kase = CASES[op.key]!;
      const sides: Side[] = kase.kind === "none" || kase.kind === "engine" ? ["in"] : ["in", "out"];
      for (const side of sides) {
        // What the unscoped principal of each role gets: the reference for scoped principals inside their scope.
        const reference = new Map<Role, number>();
        for (const p of principals) {
          if (p.scoped) continue;
          if (kase.destructive && RANK[p.role] >= RANK[op.role === "public" ? "viewer" : op.role]) {
            reference.set(p.role, -1);
            continue;
          }
          const status = await send(p, kase.build(w, side), kase.anonymous);
          reference.set(p.role, status);
          const roleAllows = RANK[p.role] >= RANK[op.role];
          if (op.role === "public") continue; // public routes: the scoped principals must only match these
          if (!roleAllows && status !== 403) mismatches.push(`${p.name} ${op.key} (${side}): ${status}, want 403`);
          if (roleAllows && (status === 403 || status === 401)) mismatches.push(`${p.name} ${op.key} (${side}): ${status}, want allowed`);
          if (roleAllows && kase.kind !== "none" && kase.kind !== "engine" && !kase.missingForAll && status === 404)
            mismatches.push(`${p.name} ${op.key} (${side}): 404 for an existing object`);
        }
        for (const p of principals) {
          if (!p.scoped) continue;
          const roleAllows = RANK[p.role] >= RANK[op.role];
          const want = !roleAllows ? 403 : kase.unscopedOnly ? 403 : side === "out" ? (kase.outStatus ?? 404) : reference.get(p.role)!;
          if (want === -1) continue;
          const status = await send(p, kase.build(w, side), kase.anonymous);
          if (status !== want) mismatches.push(`${p.name} ${op.key} (${side}): ${status}, want ${want}`);
        }
      }
    }

    // Socket events, the same rules.
    const sockets = new Map<Principal, Socket>();
    for (const p of principals) sockets.set(p, await connect(p.api));
    for (const event of events) {
      const kase = SOCKET_CASES[event]!;
      const sides: Side[] = kase.kind === "container" ? ["in", "out"] : ["in"];
      for (const side of sides) {
        const reference = new Map<Role, number>();
        for (const p of principals.filter((x) => !x.scoped)) reference.set(p.role, await askStatus(sockets.get(p)!, event, kase.build(w, side)));
        for (const p of principals) {
          const roleAllows = RANK[p.role] >= RANK[kase.role];
          const want = !roleAllows ? 403 : p.scoped && kase.unscopedOnly ? 403 : p.scoped && side === "out" ? 404 : reference.get(p.role)!;
          const status = p.scoped ? await askStatus(sockets.get(p)!, event, kase.build(w, side)) : reference.get(p.role)!;
          if (status !== want) mismatches.push(`socket ${p.name} ${event} (${side}): ${status}, want ${want}`);
          if (!p.scoped && roleAllows && kase.kind === "container" && status === 404)
            mismatches.push(`socket ${p.name} ${event} (${side}): 404 for an existing container`);
        }
      }
    }
    for (const s of sockets.values()) s.disconnect();
    expect(mismatches).toEqual([]);
  } finally {
    for (const api of opened) await api.dispose();
    await tearDown(docker, w);
  }
});

test("a scoped principal's lists, counts, pushes, downloads and metrics hold only its containers", async ({ docker, adminApi }) => {
  test.setTimeout(90_000);
  const suffix = randomBytes(4).toString("hex");
  const w = await setUp(docker, suffix);
  const scope = { labels: [w.label.in] };
  const viewer = await scopedUser(adminApi, `scoped-lists-${suffix}`, "viewer", scope);
  const socket = await connect(viewer);
  try {
    const names = (await (await viewer.get(`${E}/containers`)).json()).map((x: { name: string }) => x.name);
    expect(names).toEqual([w.containers.in.name]);
    const info = await (await viewer.get(`${E}/system/info`)).json();
    expect(info.containers.total).toBe(1);
    expect((await (await viewer.get(`${E}/images`)).json()).map((i: { repoTags: string[] }) => i.repoTags).flat()).toEqual([w.images.in]);
    expect((await (await viewer.get(`${E}/networks`)).json()).map((n: { name: string }) => n.name)).toEqual([w.networks.in]);
    expect((await (await viewer.get(`${E}/volumes`)).json()).map((v: { name: string }) => v.name)).toEqual([w.volumes.in]);
    // A merged download naming one container in and one out is refused as a whole, like a missing one.
    expect((await viewer.get(`${E}/logs?containers=${w.containers.in.name},${w.containers.out.name}`)).status()).toBe(404);
    expect(await (await viewer.get(`${E}/logs?containers=${w.containers.in.name}&tail=5`)).text()).toContain("started");
    // By id prefix too.
    expect((await viewer.get(`${E}/containers/${w.containers.out.id.slice(0, 10)}`)).status()).toBe(404);

    // Silences name containers: a scoped user sees those of its own containers, never the others'.
    const silenceIds: number[] = [];
    for (const name of [w.containers.in.name, w.containers.out.name]) {
      const res = await adminApi.post("/api/v1/alerts/silences", { data: { containerName: name, minutes: 5, reason: `scope e2e ${suffix}` } });
      expect(res.status()).toBe(201);
      silenceIds.push((await res.json()).id);
    }
    try {
      const silenced = (await (await viewer.get("/api/v1/alerts/silences")).json()).map((x: { containerName?: string }) => x.containerName);
      expect(silenced).toContain(w.containers.in.name);
      expect(silenced).not.toContain(w.containers.out.name);
    } finally {
      for (const id of silenceIds) expect((await adminApi.delete(`/api/v1/alerts/silences/${id}`)).status()).toBe(204);
    }

    // Pushes: containers-changed and the stats batches never name the out-of-scope container.
    const changed: string[][] = [];
    const sampled = new Set<string>();
    socket.on("containers-changed", (p: { ids: string[] }) => changed.push(p.ids));
    socket.on("stats:samples", (p: { samples: { container: string }[] }) => p.samples.forEach((s) => sampled.add(s.container)));
    expect(await askStatus(socket, "events:subscribe", { engine: "local" })).toBe(200);
    expect(await askStatus(socket, "stats:subscribe", { engine: "local" })).toBe(200);
    await docker.cli("pause", w.containers.out.id);
    await docker.cli("unpause", w.containers.out.id);
    await docker.cli("pause", w.containers.in.id);
    await docker.cli("unpause", w.containers.in.id);
    await expect.poll(() => changed.flat().includes(w.containers.in.id), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => sampled.has(w.containers.in.id), { timeout: 20_000 }).toBe(true);
    expect(changed.flat()).not.toContain(w.containers.out.id);
    expect([...sampled]).not.toContain(w.containers.out.id);

    // A token is never wider than its creator; a scoped token's /metrics hold only its containers.
    const scopedAdmin = await scopedUser(adminApi, `scoped-tokens-${suffix}`, "admin", scope);
    const wider = await scopedAdmin.post("/api/v1/tokens", { data: { name: `wide-${suffix}`, role: "viewer", scope: { labels: ["team"] } } });
    expect(wider.status()).toBe(400);
    expect((await wider.json()).error.message).toMatch(/^Scope must be within your own scope/);
    const created = await scopedAdmin.post("/api/v1/tokens", { data: { name: `narrow-${suffix}`, role: "viewer" } });
    expect(created.status()).toBe(201);
    const token = await created.json();
    expect(token.scope).toEqual(scope);
    await scopedAdmin.dispose();
    const anon = await request.newContext({ baseURL: BASE_URL });
    await expect
      .poll(async () => {
        const text = await (await anon.get("/metrics", { headers: { authorization: `Bearer ${token.token}` } })).text();
        return text.includes(`name="${w.containers.in.name}"`) && !text.includes(w.containers.out.name);
      })
      .toBe(true);
    const tokenApi = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { authorization: `Bearer ${token.token}` } });
    expect((await tokenApi.get(`${E}/containers/${w.containers.out.name}`)).status()).toBe(404);
    expect((await tokenApi.get(`${E}/containers/${w.containers.in.name}`)).status()).toBe(200);
    await tokenApi.dispose();
    await anon.dispose();
  } finally {
    socket.disconnect();
    await viewer.dispose();
    await tearDown(docker, w);
  }
});

test("a scoped viewer's containers page shows only its rows; the users page sets and shows a scope", async ({ docker, adminApi, adminPage, browser }) => {
  const suffix = randomBytes(4).toString("hex");
  const w = await setUp(docker, suffix);
  const username = `scoped-ui-${suffix}`;
  try {
    // The admin gives the scope through the users page.
    await adminApi.post("/api/v1/users", { data: { username, password: USER_PASSWORD, role: "viewer" } });
    await adminPage.goto("/users");
    const row = adminPage.locator(`[data-testid="user-row"][data-username="${username}"]`);
    await row.getByRole("button", { name: `Set the scope of ${username}` }).click();
    const dialog = adminPage.getByRole("dialog");
    await dialog.getByLabel("Label selectors").fill(w.label.in);
    await dialog.getByRole("button", { name: "Save scope" }).click();
    await expect(row).toContainText(w.label.in);

    const api = await login(username, USER_PASSWORD);
    const context = await browser.newContext({ baseURL: BASE_URL, storageState: await api.storageState() });
    const page = await context.newPage();
    await page.goto("/containers");
    // Only this run's scope label is visible to the user, so the list is exactly the in-scope container.
    await expect(page.getByTestId("container-row")).toHaveCount(1);
    await expect(page.locator(`[data-testid="container-row"][data-name="${w.containers.in.name}"]`)).toBeVisible();
    await expect(page.getByText(w.containers.out.name)).toHaveCount(0);
    await context.close();
    await api.dispose();
  } finally {
    await tearDown(docker, w);
  }
});
