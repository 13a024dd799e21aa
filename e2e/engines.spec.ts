import { randomBytes } from "node:crypto";
import { expect as baseExpect, request, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { ADMIN_PASSWORD, FIXTURE_IMAGE, TEST_LABEL_ARG } from "./env";
import { IDLE_CMD } from "./fixtures";
import { startBerthServer, startSecondEngine, type BerthServer, type SecondEngine } from "./second-engine";

/**
 * What happens when things go away: the Docker engine (a second dockerd this file starts and stops) and Berth
 * itself (a second Berth server this file SIGTERMs). The shared engine and server of the other specs are not touched.
 */

// One engine and one server per test, started in order: the tests stop them on purpose.
test.describe.configure({ mode: "serial", timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

let engine: SecondEngine;
const servers: BerthServer[] = [];

test.beforeAll(async () => {
  engine = await startSecondEngine();
});

test.afterAll(async () => {
  for (const s of servers) await s.stop("SIGKILL").catch(() => undefined);
  await engine?.cleanup();
});

async function berth(opts: { dataDir?: string } = {}): Promise<BerthServer> {
  const s = await startBerthServer({ dockerHost: engine.host, ...opts });
  servers.push(s);
  return s;
}

/** An API context on `server` signed in as admin, with the same-origin Origin writes need. */
async function adminOn(server: BerthServer): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL: server.url, extraHTTPHeaders: { Origin: server.url } });
  const res = await ctx.post("/api/v1/auth/login", { data: { username: "admin", password: ADMIN_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  return ctx;
}

async function pageOn(browser: Browser, server: BerthServer, api: APIRequestContext): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, storageState: await api.storageState() });
  return context.newPage();
}

/** `docker run -d` on the second engine with this run's label; the engine's folder goes at the end anyway. */
function runOnEngine(name: string, cmd: string[] = IDLE_CMD): string {
  return engine.cli("run", "-d", "--name", name, "--label", TEST_LABEL_ARG, FIXTURE_IMAGE, ...cmd);
}

const row = (page: Page, name: string) => page.locator(`[data-testid="container-row"][data-name="${name}"]`);
const markDocument = (page: Page) => page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

test("engine unreachable: 503 engine_unreachable and the banner; back again, the page recovers without a reload", async ({ browser }) => {
  const t = `eng${randomBytes(3).toString("hex")}`;
  const before = `${t}-before`;
  const after = `${t}-after`;
  runOnEngine(before);
  const server = await berth();
  const api = await adminOn(server);
  const page = await pageOn(browser, server, api);
  try {
    await page.goto(`/containers?q=${t}`);
    await expect(row(page, before).getByTestId("state-badge")).toHaveAttribute("data-state", "running");
    await expect(page.getByTestId("connection-indicator").first()).toHaveAttribute("data-status", "connected");
    await expect(page.getByTestId("engine-banner")).toHaveCount(0);
    await markDocument(page);

    await engine.stop();
    expect(engine.answers()).toBe(false);

    // The API says so with the contract's status and code (after one fresh probe, so this is not a stale flag).
    const res = await api.get("/api/v1/engines/local/containers");
    expect(res.status()).toBe(503);
    expect(await res.json()).toEqual({ error: { code: "engine_unreachable", message: 'Engine "local" is unreachable' } });
    const health = await (await api.get("/api/v1/health")).json();
    expect(health.engines).toEqual([expect.objectContaining({ id: "local", reachable: false })]);

    // The page, left open, shows the banner (from the engine-status push or its own polling).
    const banner = page.getByTestId("engine-banner");
    await expect(banner).toBeVisible();
    await expect(banner).toContainText("is unreachable — retrying automatically");

    // Back again, with a container Berth has never seen: it was created before Berth noticed the return.
    await engine.start();
    runOnEngine(after);
    await expect(banner).toHaveCount(0);
    // The list is fresh: the new container is there, and the old one shows what the restart did to it.
    await expect(row(page, after).getByTestId("state-badge")).toHaveAttribute("data-state", "running");
    await expect(row(page, before).getByTestId("state-badge")).toHaveAttribute("data-state", "exited");
    const list = await api.get("/api/v1/engines/local/containers");
    expect(list.status()).toBe(200);
    expect(await sameDocument(page)).toBe(true);
  } finally {
    await page.context().close();
    await api.dispose();
  }
});

test("SIGTERM: Berth exits 0 within seconds, the open page says Berth is restarting, and recovers when it is back", async ({ browser }) => {
  const name = `sig${randomBytes(3).toString("hex")}`;
  // Writes a line a second, so the log subscription has a live Docker stream open when the signal comes.
  runOnEngine(name, ["sh", "-c", 'trap "exit 0" TERM; i=0; while true; do i=$((i+1)); echo "tick $i"; sleep 1 & wait $!; done']);
  const server = await berth();
  const api = await adminOn(server);
  const page = await pageOn(browser, server, api);
  try {
    await page.goto(`/logs?c=${name}`);
    await expect(page.getByTestId("log-status")).toHaveAttribute("data-status", "live");
    await expect(page.getByTestId("log-row").last()).toContainText(/tick \d+/);
    await expect(page.getByTestId("connection-indicator").first()).toHaveAttribute("data-status", "connected");
    await markDocument(page);

    const stopped = await server.stop("SIGTERM");
    // 0 is the clean path: the forced exit after 10 s exits 1, and the helper's SIGKILL gives a signal instead.
    expect({ code: stopped.code, signal: stopped.signal }, stopped.output.slice(-3000)).toEqual({ code: 0, signal: null });
    expect(stopped.ms).toBeLessThan(5_000);
    expect(stopped.output).toContain('"msg":"shutting down"');

    // The client was told before the socket closed: the banner names a restart at once, not a lost connection.
    const banner = page.getByTestId("connection-banner");
    await expect(banner).toHaveAttribute("data-reason", "restarting", { timeout: 5_000 });
    await expect(banner).toContainText("Berth is restarting — reconnecting.");
    await expect(page.getByTestId("connection-indicator").first()).toHaveAttribute("data-status", "disconnected");

    // The same data dir (users, sessions) on the same port: the tab reconnects by itself and the banner goes.
    const again = await startBerthServer({ dockerHost: engine.host, dataDir: server.dataDir, port: server.port });
    servers.push(again);
    await expect(page.getByTestId("connection-indicator").first()).toHaveAttribute("data-status", "connected", { timeout: 30_000 });
    await expect(banner).toHaveCount(0);
    await expect(page.getByTestId("log-status")).toHaveAttribute("data-status", "live");
    expect(await sameDocument(page)).toBe(true);
  } finally {
    await page.context().close();
    await api.dispose();
  }
});
