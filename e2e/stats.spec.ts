import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { BASE_URL } from "./env";

/** Burns one core until stopped (the fixture removes it after the test). */
const BUSY_CMD = ["sh", "-c", "while true; do :; done"];

test.describe("stats and alerts", () => {
  // Stats arrive once a second and alerts after Docker's die event: allow for a loaded CI host.
  test.describe.configure({ timeout: 120_000 });

  test("a busy container shows CPU above zero on its stats panel", async ({ docker, adminPage: page }) => {
    const { name } = await docker.run({ cmd: BUSY_CMD });
    await page.goto(`/containers/${name}?tab=stats`);
    const panel = page.getByTestId("stats-panel");
    await expect(panel).toHaveAttribute("data-range", "live");

    const cpu = page.getByTestId("stats-current-cpu");
    await expect
      .poll(async () => Number((await cpu.getAttribute("data-value", { timeout: 1_000 }).catch(() => "")) || 0), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await expect(cpu).toHaveText(/^\d+(\.\d+)? %$/);
    await expect(page.getByRole("img", { name: "CPU usage over time" })).toBeVisible();

    // History ranges come from the HTTP series and still draw for the same container.
    await page.getByRole("radio", { name: "15m" }).click();
    await expect(panel).toHaveAttribute("data-range", "15m");
    await expect
      .poll(async () => Number((await cpu.getAttribute("data-value", { timeout: 1_000 }).catch(() => "")) || 0), { timeout: 30_000 })
      .toBeGreaterThan(0);
  });

  test("the overview lists a busy container with its CPU", async ({ docker, adminPage: page }) => {
    const { name } = await docker.run({ cmd: BUSY_CMD });
    await page.goto("/overview");
    const row = page.locator(`[data-testid="overview-row"][data-name="${name}"]`);
    await expect(row).toBeVisible({ timeout: 20_000 });
    await expect
      .poll(
        async () =>
          parseFloat(
            (await row
              .getByTestId("overview-cpu-value")
              .textContent({ timeout: 1_000 })
              .catch(() => "")) ?? "",
          ) || 0,
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0);
    await expect(row.getByRole("img", { name: `${name} CPU over the last minute` })).toBeVisible();
    await expect(row.getByRole("img", { name: `${name} memory over the last minute` })).toBeVisible();
    // Memory in binary units, as docker stats prints it.
    await expect(row.getByTestId("overview-mem-value")).toHaveText(/^[\d.]+ (B|KiB|MiB|GiB) \/ /);
    // One scale per sparkline column, shown in the header: an idle row is not drawn on its own
    // zoomed scale next to the busy one.
    const idle = await docker.run();
    await expect(page.locator(`[data-testid="overview-row"][data-name="${idle.name}"]`)).toBeVisible({ timeout: 20_000 });
    const tops = (label: string) =>
      page
        .getByTestId("overview-table")
        .getByRole("img", { name: new RegExp(`${label} over the last minute$`) })
        .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute("data-top")))]);
    await expect.poll(async () => (await tops("CPU")).length).toBe(1);
    await expect.poll(async () => (await tops("memory")).length).toBe(1);
    await expect(page.getByTestId("overview-cpu-scale")).toContainText(/0–\d+ %$/);
    await expect(page.getByTestId("overview-mem-scale")).toContainText(/0–[\d.]+ (B|KiB|MiB|GiB)$/);

    // Top consumers first: CPU descending by default, and memory on a click. Values and order
    // come from one render, so one snapshot of the column must be in order.
    const table = page.getByTestId("overview-table");
    const column = (testId: string) => table.getByTestId(testId).evaluateAll((cells) => cells.map((c) => Number(c.getAttribute("data-value") || -1)));
    const descending = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1]! >= x);
    await expect(table.getByRole("columnheader", { name: "CPU", exact: true })).toHaveAttribute("aria-sort", "descending");
    await expect.poll(async () => descending(await column("overview-cpu-value"))).toBe(true);
    await table.getByRole("button", { name: "Memory", exact: true }).click();
    await expect(table.getByRole("columnheader", { name: "Memory", exact: true })).toHaveAttribute("aria-sort", "descending");
    await expect.poll(async () => descending(await column("overview-mem-value"))).toBe(true);

    await row.getByRole("link", { name }).click();
    await expect(page).toHaveURL(new RegExp(`/containers/${name}`));
    await expect(page.getByTestId("stats-panel")).toBeVisible();
  });

  test("a removed container's history stays reachable: listed as removed on the overview, charts badged removed, linked from its not-found page", async ({
    docker,
    adminPage: page,
    adminApi,
    viewerApi,
    playwright,
  }) => {
    const { id, name } = await docker.run({ cmd: BUSY_CMD });
    // Wait until the store holds points for it (10 s buckets, written every few seconds).
    await expect
      .poll(
        async () => {
          const res = await adminApi.get(`/api/v1/engines/local/containers/${id}/stats?range=1h`);
          return res.ok() ? ((await res.json()) as { samples: unknown[] }).samples.length : 0;
        },
        { timeout: 60_000 },
      )
      .toBeGreaterThan(0);
    await docker.cli("rm", "-f", id);

    // Viewers may read it; it is listed by the API as removed, with its last data.
    await expect
      .poll(async () => {
        const res = await viewerApi.get(`/api/v1/engines/local/stats/removed?q=${name}`);
        return ((await res.json()) as { containers: { id: string }[] }).containers.map((c) => c.id);
      })
      .toContain(id);
    const anon = await playwright.request.newContext({ baseURL: BASE_URL });
    try {
      expect((await anon.get("/api/v1/engines/local/stats/removed")).status()).toBe(401);
    } finally {
      await anon.dispose();
    }

    await page.goto("/overview");
    const card = page.getByTestId("removed-containers");
    await card.getByRole("textbox", { name: "Filter removed containers" }).fill(name);
    const row = card.locator(`[data-testid="removed-row"][data-name="${name}"]`);
    await expect(row).toBeVisible();
    await row.getByRole("link", { name }).click();

    await expect(page).toHaveURL(new RegExp(`/overview/removed/${id}$`));
    await expect(page.getByTestId("removed-history-name")).toHaveText(name);
    await expect(page.getByTestId("removed-history-badge")).toHaveText("removed");
    const panel = page.getByTestId("stats-panel");
    await expect(panel).toHaveAttribute("data-range", "1h");
    await expect(panel.getByTestId("stats-removed")).toBeVisible();
    await expect(panel.getByRole("radio", { name: "Live" })).toHaveCount(0);
    await expect(page.getByRole("img", { name: "CPU usage over time" })).toBeVisible();
    await expect.poll(async () => Number((await page.getByTestId("stats-current-cpu").getAttribute("data-value")) || 0)).toBeGreaterThan(0);

    await panel.getByRole("radio", { name: "7d" }).click();
    await expect(panel).toHaveAttribute("data-range", "7d");
    await expect(page.getByRole("img", { name: "CPU usage over time" })).toBeVisible();

    // The container page of the removed name says so and leads to the kept history.
    await page.goto(`/containers/${name}`);
    await expect(page.getByTestId("container-not-found")).toBeVisible();
    await page.getByTestId("removed-history-link").click();
    await expect(page).toHaveURL(new RegExp(`/overview/removed/${id}$`));
    await expect(page.getByTestId("removed-history-badge")).toBeVisible();
  });

  test("a container that exits with an error fires “Container down”: toast, badge and alerts page", async ({ docker, adminPage: page }) => {
    // Open the console first so the socket is connected when the alert fires.
    await page.goto("/alerts");
    await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
    await expect(page.getByTestId("alerts-firing")).toBeVisible();
    await expect(page.getByTestId("connection-indicator").first()).toHaveAttribute("data-status", "connected");

    const { name } = await docker.run({ cmd: ["sh", "-c", "sleep 1; exit 3"] });

    // The toast (sonner) names the rule and the container.
    await expect(page.getByText(`Container down: ${name}`)).toBeVisible({ timeout: 30_000 });

    const item = page.getByTestId("alert-firing").filter({ hasText: name });
    await expect(item).toBeVisible({ timeout: 15_000 });
    await expect(item).toContainText("Container down");
    await expect(page.getByTestId("alerts-nav-badge").first()).toBeVisible();

    await item.getByRole("button", { name: "Acknowledge" }).click();
    await expect(item).toContainText("acknowledged by admin");
  });

  test("a viewer sees a firing alert but no acknowledge or silence buttons", async ({ docker, viewerPage: page }) => {
    // An alert really fires, so the check below would fail if its buttons were drawn for a viewer.
    const { name } = await docker.run({ cmd: ["sh", "-c", "sleep 1; exit 3"] });
    await page.goto("/alerts");
    const item = page.getByTestId("alert-firing").filter({ hasText: name });
    await expect(item).toBeVisible({ timeout: 30_000 });
    await expect(item).toContainText("Container down");
    await expect(item.getByRole("button")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Silence/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
    await expect(page.getByText("Rules (admins edit)")).toBeVisible();
  });

  test("/metrics lists fixture containers with a token and refuses without one", async ({ docker, adminApi, playwright }) => {
    const { name } = await docker.run();
    const created = await adminApi.post("/api/v1/tokens", { data: { name: `e2e-metrics-${randomBytes(3).toString("hex")}`, role: "viewer" } });
    expect(created.status()).toBe(201);
    const { token } = (await created.json()) as { token: string };

    const anon = await playwright.request.newContext({ baseURL: BASE_URL });
    try {
      const refused = await anon.get("/metrics");
      expect(refused.status()).toBe(401);
      const wrong = await anon.get("/metrics", { headers: { Authorization: "Bearer not-a-token" } });
      expect(wrong.status()).toBe(401);

      await expect
        .poll(
          async () => {
            const res = await anon.get("/metrics", { headers: { Authorization: `Bearer ${token}` } });
            return res.ok() ? await res.text() : `HTTP ${res.status()}`;
          },
          { timeout: 30_000 },
        )
        .toMatch(new RegExp(`berth_container_cpu\\w*\\{[^}]*name="${name}"`));
    } finally {
      await anon.dispose();
    }
  });
});
