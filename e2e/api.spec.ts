import { randomBytes } from "node:crypto";
import type { APIResponse } from "@playwright/test";
import { ADMIN_PASSWORD, TEST_LABEL, TEST_RUN } from "./env";
import { expect, login, test } from "./fixtures";

/**
 * The HTTP API against the real server and a real engine (api.md). Containers come from the
 * `docker` fixture; their state is checked with the docker CLI, not through Berth.
 */

const containers = "/api/v1/engines/local/containers";

// Every test works on its own containers and sessions, so they may run side by side.
test.describe.configure({ mode: "parallel" });

async function expectError(res: APIResponse, status: number): Promise<{ code: string; message: string }> {
  expect(res.status(), await res.text()).toBe(status);
  const body = await res.json();
  expect(body).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
  return body.error;
}

test.describe("public and auth", () => {
  test("health is public and reports the local engine with its version", async ({ request }) => {
    await expect
      .poll(async () => {
        const res = await request.get("/api/v1/health");
        expect(res.status()).toBe(200);
        return res.json();
      })
      .toMatchObject({
        status: "ok",
        engines: expect.arrayContaining([expect.objectContaining({ id: "local", reachable: true, version: expect.any(String) })]),
      });
  });

  test("wrong password is 401; the container list needs a session", async ({ request }) => {
    const login = await request.post("/api/v1/auth/login", { data: { username: "admin", password: `${ADMIN_PASSWORD}-wrong` } });
    await expectError(login, 401);
    expect(login.headers()["set-cookie"] ?? "").not.toContain("berth_session=");
    await expectError(await request.get(containers), 401);
  });

  test("login sets the session cookie and /auth/me names the user", async ({ adminApi }) => {
    const me = await adminApi.get("/api/v1/auth/me");
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ username: "admin", role: "admin" });
    const { cookies } = await adminApi.storageState();
    expect(cookies.find((c) => c.name === "berth_session")).toMatchObject({ httpOnly: true });
  });

  test("GET /api/v1/openapi.json lists the routes", async ({ adminApi }) => {
    const res = await adminApi.get("/api/v1/openapi.json");
    expect(res.status()).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/health", "/api/v1/engines/{engine}/containers"]));
  });
});

test.describe("containers", () => {
  test("the list includes a running fixture container", async ({ docker, adminApi }) => {
    const { id, name } = await docker.run();
    const res = await adminApi.get(containers);
    expect(res.status()).toBe(200);
    const list = (await res.json()) as { id: string; name: string; state: string; image: string; labels: Record<string, string> }[];
    const mine = list.find((c) => c.name === name);
    expect(mine).toMatchObject({ id, state: "running", image: "berth-fixture:latest" });
    expect(mine!.labels[TEST_LABEL]).toBe(TEST_RUN);
  });

  test("a viewer may read but not stop a container", async ({ docker, viewerApi }) => {
    const { name } = await docker.run();
    const detail = await viewerApi.get(`${containers}/${name}`);
    expect(detail.status()).toBe(200);
    expect(await detail.json()).toMatchObject({ name, state: "running" });

    const refused = await expectError(await viewerApi.post(`${containers}/${name}/stop`), 403);
    expect(refused.message).toBe("A viewer cannot start, stop or restart containers (this needs the operator role).");
    expect((await docker.inspect(name)).State.Running).toBe(true);
  });

  for (const role of ["admin", "operator"] as const) {
    test(`${role} stops and starts a container`, async ({ docker, adminApi, operatorApi }) => {
      const api = role === "admin" ? adminApi : operatorApi;
      const { id, name } = await docker.run();

      const stop = await api.post(`${containers}/${name}/stop`);
      expect(stop.status(), await stop.text()).toBe(200);
      expect(await stop.json()).toMatchObject({ action: "stop", changed: true });
      expect((await docker.inspect(name)).State).toMatchObject({ Running: false, Status: "exited", ExitCode: 0 });

      // Stopping a stopped container is not an error: Docker's 304 becomes changed=false.
      const again = await api.post(`${containers}/${name}/stop`);
      expect(again.status()).toBe(200);
      expect(await again.json()).toMatchObject({ changed: false });

      const start = await api.post(`${containers}/${id.slice(0, 12)}/start`);
      expect(start.status(), await start.text()).toBe(200);
      expect((await docker.inspect(name)).State).toMatchObject({ Running: true, Status: "running" });
    });
  }

  test("operator pauses and unpauses; may not remove", async ({ docker, operatorApi }) => {
    const { name } = await docker.run();
    expect((await operatorApi.post(`${containers}/${name}/pause`)).status()).toBe(200);
    expect((await docker.inspect(name)).State.Paused).toBe(true);
    expect((await operatorApi.post(`${containers}/${name}/unpause`)).status()).toBe(200);
    expect((await docker.inspect(name)).State).toMatchObject({ Paused: false, Running: true });

    await expectError(await operatorApi.delete(`${containers}/${name}?force=true`), 403);
    expect((await docker.inspect(name)).State.Running).toBe(true);
  });

  test("removing a running container needs force", async ({ docker, adminApi }) => {
    const { name } = await docker.run();
    const refused = await expectError(await adminApi.delete(`${containers}/${name}`), 409);
    expect(refused.message.toLowerCase()).toContain("running");
    expect((await docker.inspect(name)).State.Running).toBe(true);

    const removed = await adminApi.delete(`${containers}/${name}?force=true`);
    expect(removed.status(), await removed.text()).toBe(204);
    await expect(docker.inspect(name)).rejects.toThrow(/no such/i);
    await expectError(await adminApi.get(`${containers}/${name}`), 404);
  });

  test("a cookie-authenticated write from a foreign Origin is refused", async ({ docker, adminApi }) => {
    const { name } = await docker.run();
    const res = await adminApi.post(`${containers}/${name}/stop`, { headers: { Origin: "http://evil.example" } });
    await expectError(res, 403);
    expect((await docker.inspect(name)).State.Running).toBe(true);
  });

  test("unknown container and engine are 404, a malformed ref is 400", async ({ adminApi }) => {
    await expectError(await adminApi.get(`${containers}/e2e-no-such-container-${Date.now()}`), 404);
    await expectError(await adminApi.get("/api/v1/engines/no-such-engine/containers"), 404);
    await expectError(await adminApi.get(`${containers}/..%2f`), 400);
  });

  test("lifecycle actions are audited", async ({ docker, adminApi, viewerApi, users }) => {
    const { name } = await docker.run();
    expect((await adminApi.post(`${containers}/${name}/restart?t=1`)).status()).toBe(200);
    await expectError(await viewerApi.get("/api/v1/audit"), 403);

    const res = await adminApi.get("/api/v1/audit");
    expect(res.status()).toBe(200);
    const entries = (await res.json()) as { username: string | null; action: string; target: string; outcome: string }[];
    expect(entries).toEqual(
      expect.arrayContaining([expect.objectContaining({ username: users.admin, action: "container.restart", target: `local/${name}`, outcome: "ok" })]),
    );
  });
});

test("a signed-out session no longer works, even if its cookie is replayed", async ({ request }) => {
  // Own session: signing out the shared worker session would break the other tests.
  const api = await login("admin", ADMIN_PASSWORD);
  try {
    const session = (await api.storageState()).cookies.find((c) => c.name === "berth_session");
    expect(session).toBeTruthy();
    expect((await api.get(containers)).status()).toBe(200);
    const out = await api.post("/api/v1/auth/logout");
    expect(out.status()).toBe(204);
    await expectError(await request.get(containers, { headers: { Cookie: `berth_session=${session!.value}` } }), 401);
  } finally {
    await api.dispose();
  }
});

test.describe("error wording", () => {
  test("a 400 is a sentence naming the field, never zod's own text", async ({ adminApi }) => {
    const empty = await adminApi.post("/api/v1/engines/local/volumes", { data: { name: "" } });
    expect(empty.status()).toBe(400);
    expect(await empty.json()).toEqual({ error: { code: "invalid_input", message: "Name must not be empty.", field: "name" } });
    const port = await adminApi.post(containers, { data: { image: "berth-fixture:latest", ports: [{ containerPort: 0 }] } });
    expect(await port.json()).toEqual({
      error: { code: "invalid_input", message: "Container port must be a number between 1 and 65535.", field: "ports.0.containerPort" },
    });
  });

  test("a network whose subnet overlaps another is a 409 conflict with Docker's reason, not a 403", async ({ adminApi, docker }) => {
    const t = randomBytes(3).toString("hex");
    const subnet = `10.233.${parseInt(t.slice(0, 2), 16)}.0/24`;
    const networks = "/api/v1/engines/local/networks";
    const first = await adminApi.post(networks, { data: { name: `e2e-${t}-a`, subnet, labels: { [TEST_LABEL]: TEST_RUN } } });
    try {
      expect(first.status(), await first.text()).toBe(201);
      const second = await adminApi.post(networks, { data: { name: `e2e-${t}-b`, subnet, labels: { [TEST_LABEL]: TEST_RUN } } });
      const err = await expectError(second, 409);
      expect(err).toMatchObject({ code: "conflict", message: expect.stringMatching(/overlap/i) });
    } finally {
      await docker.cli("network", "rm", `e2e-${t}-a`, `e2e-${t}-b`).catch(() => undefined);
    }
  });
});
