import { randomBytes } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { FIXTURE_IMAGE, TEST_LABEL_ARG } from "./env";
import { expect, test, type DockerFixture } from "./fixtures";

/** Exits with an error a second after it starts: fires "Container down" on every run. */
const FAILING_CMD = ["sh", "-c", "sleep 1; exit 3"];

interface AuditEntry {
  action: string;
  target: string;
  outcome: string;
  username: string;
  detail?: string;
}

async function auditEntries(api: APIRequestContext): Promise<AuditEntry[]> {
  const res = await api.get("/api/v1/audit?limit=500");
  expect(res.status()).toBe(200);
  return (await res.json()) as AuditEntry[];
}

interface AlertJson {
  id: number;
  rule: string;
  container: string;
  containerName: string;
  containerExists: boolean;
  status: "firing" | "resolved";
  count: number;
  startedAt: string;
  lastAt: string;
}

/** Every alert (incident) of the container named `name`, firing and resolved. */
async function alertsOf(api: APIRequestContext, name: string): Promise<AlertJson[]> {
  const res = await api.get("/api/v1/alerts?status=all&limit=500");
  expect(res.status()).toBe(200);
  return ((await res.json()) as { alerts: AlertJson[] }).alerts.filter((a) => a.containerName === name);
}

/**
 * `docker run -d` with flags the fixture has no option for (restart policy, a health check
 * with one retry), labelled for the teardown and removed after the test.
 */
async function runWith(docker: DockerFixture, flags: string[], cmd: string[]): Promise<string> {
  const name = `e2e-alerts-${randomBytes(4).toString("hex")}`;
  docker.track(name);
  await docker.cli("run", "-d", "--name", name, "--label", TEST_LABEL_ARG, ...flags, FIXTURE_IMAGE, ...cmd);
  return name;
}

/** The alerts page with the socket connected, so pushes (toasts) reach it. */
async function openAlerts(page: Page) {
  await page.goto("/alerts");
  await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
  await expect(page.getByTestId("alerts-firing")).toBeVisible();
  await expect(page.getByTestId("connection-indicator").first()).toHaveAttribute("data-status", "connected");
}

test.describe("alerts administration", () => {
  // Alerts follow Docker's die event and a socket push: allow for a loaded CI host.
  test.describe.configure({ timeout: 120_000 });

  test("an admin edits a rule's threshold and duration: saved, kept after reload, audited", async ({ adminPage: page, adminApi }) => {
    try {
      await openAlerts(page);
      const rule = page.getByTestId("rule-cpu-high");
      await rule.getByLabel("CPU above").fill("95");
      await rule.getByLabel("For at least").fill("3");
      await rule.getByRole("button", { name: "Save" }).click();
      await expect(page.getByText("Saved “High CPU”")).toBeVisible();

      await page.reload();
      const reloaded = page.getByTestId("rule-cpu-high");
      await expect(reloaded.getByLabel("CPU above")).toHaveValue("95");
      await expect(reloaded.getByLabel("For at least")).toHaveValue("3");

      const rules = (await (await adminApi.get("/api/v1/alerts/rules")).json()) as { id: string; threshold: number; forSeconds: number }[];
      expect(rules.find((r) => r.id === "cpu-high")).toMatchObject({ threshold: 95, forSeconds: 180 });

      const entry = (await auditEntries(adminApi)).find((e) => e.action === "alert-rule.update" && e.target === "cpu-high");
      expect(entry).toMatchObject({ outcome: "ok", username: "admin" });
      expect(entry?.detail).toContain("threshold");
      expect(entry?.detail).toContain("forSeconds");
    } finally {
      // The rules are shared by every test of this run: put the defaults back.
      const res = await adminApi.patch("/api/v1/alerts/rules/cpu-high", { data: { threshold: 80, forSeconds: 120 } });
      expect(res.status()).toBe(200);
    }
  });

  test("a webhook URL pointing at loopback is refused by the field, and accepted once private targets are allowed", async ({ adminPage: page, adminApi }) => {
    // A port nothing listens on: should the rule fire meanwhile, the delivery fails harmlessly.
    const hook = "http://127.0.0.1:9/berth-e2e-hook";
    try {
      const refused = await adminApi.patch("/api/v1/alerts/rules/oom-killed", { data: { webhookUrl: hook } });
      expect(refused.status()).toBe(400);
      const body = (await refused.json()) as { error: { code: string; message: string; field?: string } };
      expect(body.error).toMatchObject({ code: "invalid_input", field: "webhookUrl" });
      expect(body.error.message).toMatch(/loopback/);

      await openAlerts(page);
      const rule = page.getByTestId("rule-oom-killed");
      const url = rule.getByRole("textbox", { name: /Webhook URL/ });
      await url.fill(hook);
      await rule.getByRole("button", { name: "Save" }).click();
      await expect(rule.getByTestId("webhook-error")).toContainText("loopback");
      await expect(url).toHaveAttribute("aria-invalid", "true");

      await page.reload();
      await expect(page.getByTestId("rule-oom-killed").getByRole("textbox", { name: /Webhook URL/ })).toHaveValue("");

      const again = page.getByTestId("rule-oom-killed");
      await again.getByRole("textbox", { name: /Webhook URL/ }).fill(hook);
      await again.getByRole("checkbox", { name: "Allow private targets" }).click();
      await expect(again.getByText(/send requests into your internal network/)).toBeVisible();
      await again.getByRole("button", { name: "Save" }).click();
      await expect(page.getByText("Saved “OOM-killed”")).toBeVisible();
      await expect(again.getByTestId("webhook-error")).toHaveCount(0);

      await page.reload();
      const saved = page.getByTestId("rule-oom-killed");
      await expect(saved.getByRole("textbox", { name: /Webhook URL/ })).toHaveValue(hook);
      await expect(saved.getByRole("checkbox", { name: "Allow private targets" })).toBeChecked();

      const audit = await auditEntries(adminApi);
      expect(
        audit.some((e) => e.action === "alert-rule.update" && e.target === "oom-killed" && e.outcome === "ok" && e.detail?.includes("allowPrivateWebhook")),
      ).toBe(true);
    } finally {
      const res = await adminApi.patch("/api/v1/alerts/rules/oom-killed", { data: { webhookUrl: null, allowPrivateWebhook: false } });
      expect(res.status()).toBe(200);
    }
  });

  test("acknowledging a firing alert marks it acknowledged, for everyone and after reload, and is audited", async ({
    docker,
    adminPage: page,
    adminApi,
    viewerApi,
  }) => {
    await openAlerts(page);
    const { name } = await docker.run({ cmd: FAILING_CMD });

    const item = page.getByTestId("alert-firing").filter({ hasText: name });
    await expect(item).toBeVisible({ timeout: 30_000 });
    await item.getByRole("button", { name: "Acknowledge" }).click();
    await expect(item).toContainText("acknowledged by admin");
    await expect(item.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);

    await page.reload();
    await expect(page.getByTestId("alert-firing").filter({ hasText: name })).toContainText("acknowledged by admin");

    const list = (await (await viewerApi.get("/api/v1/alerts?status=firing")).json()) as {
      alerts: { id: number; containerName: string; acknowledgedBy?: string }[];
    };
    const alert = list.alerts.find((a) => a.containerName === name);
    expect(alert?.acknowledgedBy).toBe("admin");
    const audit = await auditEntries(adminApi);
    expect(audit.some((e) => e.action === "alert.acknowledge" && e.target === `alert#${alert!.id}` && e.outcome === "ok")).toBe(true);
  });

  test("a silenced container's alert is recorded as silenced without a toast; after the silence ends it toasts again", async ({ docker, adminPage: page }) => {
    const name = `e2e-quiet-${randomBytes(4).toString("hex")}`;
    await openAlerts(page);

    await page.getByRole("button", { name: "Silence…" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Silence alerts" });
    await dialog.getByLabel("Container name").fill(name);
    await dialog.getByRole("button", { name: "15 min" }).click();
    await dialog.getByLabel("Reason").fill("e2e: planned maintenance");
    await dialog.getByRole("button", { name: "Silence", exact: true }).click();
    await expect(dialog).toBeHidden();
    const silence = page.getByTestId("silence").filter({ hasText: name });
    await expect(silence).toContainText("Every rule");
    await expect(silence).toContainText("e2e: planned maintenance");

    await docker.run({ name, cmd: FAILING_CMD });
    const firing = page.getByTestId("alert-firing").filter({ hasText: name });
    await expect(firing).toBeVisible({ timeout: 30_000 });
    await expect(firing).toContainText("Container down");
    await expect(firing.getByText("silenced", { exact: true })).toBeVisible();
    // A control that is not silenced fails after it: its toast is the positive signal that a toast for the
    // silenced one, pushed earlier down the same path, would be showing by now.
    const control = await docker.run({ cmd: FAILING_CMD });
    await expect(page.getByText(`Container down: ${control.name}`)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(`Container down: ${name}`)).toHaveCount(0);

    await silence.getByRole("button", { name: "End silence" }).click();
    await expect(page.getByTestId("silence").filter({ hasText: name })).toHaveCount(0);

    // The same container fails again: a new alert, no longer silenced, toasts.
    await docker.cli("start", name);
    await expect(page.getByText(`Container down: ${name}`)).toBeVisible({ timeout: 30_000 });
    const again = page.getByTestId("alert-firing").filter({ hasText: name });
    await expect(again).toBeVisible();
    await expect(again.getByText("silenced", { exact: true })).toHaveCount(0);
  });

  test("a container whose health check fails raises “Unhealthy” (Docker 20.10 puts the status in the action text)", async ({
    docker,
    adminPage: page,
    adminApi,
  }) => {
    await openAlerts(page);
    const name = await runWith(
      docker,
      ["--health-cmd", "false", "--health-interval", "1s", "--health-retries", "1"],
      ["sh", "-c", "while :; do sleep 1; done"],
    );

    await expect(page.getByText(`Unhealthy: ${name}`)).toBeVisible({ timeout: 30_000 });
    const item = page.getByTestId("alert-firing").filter({ hasText: name });
    await expect(item).toHaveAttribute("data-rule", "unhealthy");
    await expect(item).toContainText("Health check failing");
    expect((await alertsOf(adminApi, name)).map((a) => `${a.rule} ${a.status}`)).toEqual(["unhealthy firing"]);
  });

  test("a crash loop is one “Restarting repeatedly” incident whose count grows, with the crashes folded into it", async ({
    docker,
    adminPage: page,
    adminApi,
  }) => {
    await openAlerts(page);
    const name = await runWith(docker, ["--restart", "always"], ["sh", "-c", "sleep 1; exit 1"]);

    const loop = page.getByTestId("alert-firing").filter({ hasText: name });
    await expect(loop).toHaveAttribute("data-rule", "restart-loop", { timeout: 45_000 });
    const first = Number(await loop.getAttribute("data-count"));
    // Docker's restart back-off doubles each time: two more crashes take some seconds.
    await expect.poll(async () => Number(await loop.getAttribute("data-count")), { timeout: 60_000 }).toBeGreaterThanOrEqual(first + 2);
    await expect(loop.getByTestId("alert-count")).toHaveText(/^×\d+$/);
    // Still one item: the crashes counted on the loop, none became a "Container down" of its own.
    await expect(page.getByTestId("alert-firing").filter({ hasText: name })).toHaveCount(1);

    const alerts = await alertsOf(adminApi, name);
    const loops = alerts.filter((a) => a.rule === "restart-loop");
    expect(loops).toHaveLength(1);
    expect(loops[0]).toMatchObject({ status: "firing", containerExists: true });
    expect(loops[0]!.count).toBeGreaterThanOrEqual(first + 2);
    expect(Date.parse(loops[0]!.lastAt)).toBeGreaterThan(Date.parse(loops[0]!.startedAt));
    // The crashes before the loop opened are one "down" incident with their count, not one each.
    const downs = alerts.filter((a) => a.rule === "container-down");
    expect(downs).toHaveLength(1);
    expect(downs[0]!.count).toBeGreaterThanOrEqual(2);
    expect(downs[0]!.status).toBe("resolved");
  });

  test("removing a container resolves its alert; the list keeps its name and says it was removed", async ({ docker, adminPage: page, adminApi }) => {
    await openAlerts(page);
    const { name } = await docker.run({ cmd: FAILING_CMD });
    const firing = page.getByTestId("alert-firing").filter({ hasText: name });
    await expect(firing).toBeVisible({ timeout: 30_000 });
    await expect(firing.getByTestId("alert-container")).toHaveAttribute("data-exists", "true");

    await docker.cli("rm", name);
    await expect(firing).toHaveCount(0);
    const row = page.getByTestId("alert-resolved").filter({ hasText: name });
    await expect(row).toBeVisible();
    await expect(row.getByTestId("container-removed").filter({ visible: true })).toHaveText("removed");
    await expect(row.getByRole("link", { name })).toHaveCount(0);

    const alerts = await alertsOf(adminApi, name);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: "container-down", status: "resolved", containerExists: false });
  });

  test("a viewer sees a firing alert but no Acknowledge or Silence button for it", async ({ docker, adminApi, viewerPage: page }) => {
    const { name } = await docker.run({ cmd: FAILING_CMD });
    await expect.poll(async () => (await alertsOf(adminApi, name)).filter((a) => a.status === "firing").length, { timeout: 30_000 }).toBe(1);

    await openAlerts(page);
    const item = page.getByTestId("alert-firing").filter({ hasText: name });
    await expect(item).toContainText("Container down");
    await expect(item.getByRole("button")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Silence/ })).toHaveCount(0);
    // The re-notify interval is shown, not editable.
    await expect(page.getByTestId("renotify-summary")).toContainText("1 h");
    await expect(page.getByTestId("alerts-notifications").getByRole("spinbutton")).toHaveCount(0);
  });

  test("an admin sets the re-notify interval: bounded, kept after reload, audited; a viewer may not", async ({ adminPage: page, adminApi, viewerApi }) => {
    try {
      const initial = await adminApi.get("/api/v1/settings/alerts");
      expect(await initial.json()).toEqual({ renotifyIntervalSeconds: 3600 });

      const tooShort = await adminApi.put("/api/v1/settings/alerts", { data: { renotifyIntervalSeconds: 30 } });
      expect(tooShort.status()).toBe(400);
      const body = (await tooShort.json()) as { error: { code: string; message: string; field?: string } };
      expect(body.error).toMatchObject({ code: "invalid_input", field: "renotifyIntervalSeconds" });
      expect(body.error.message).toBe("The re-notify interval is a whole number of seconds from 60 (1 minute) to 604800 (7 days).");
      const unknown = await adminApi.put("/api/v1/settings/alerts", { data: { renotifyIntervalSeconds: 600, everything: true } });
      expect(unknown.status()).toBe(400);
      expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain("everything");
      const denied = await viewerApi.put("/api/v1/settings/alerts", { data: { renotifyIntervalSeconds: 600 } });
      expect(denied.status()).toBe(403);

      await openAlerts(page);
      const setting = page.getByTestId("renotify-setting");
      const input = setting.getByLabel("Re-notify an open incident at most every");
      await expect(input).toHaveValue("60");
      await input.fill("0.5");
      await expect(setting.getByTestId("renotify-error")).toContainText("from 1 to 10080");
      await expect(setting.getByRole("button", { name: "Save" })).toBeDisabled();
      await input.fill("15");
      await setting.getByRole("button", { name: "Save" }).click();
      await expect(page.getByText("Open incidents re-notify at most every 15 min")).toBeVisible();

      await page.reload();
      await expect(page.getByTestId("renotify-setting").getByLabel("Re-notify an open incident at most every")).toHaveValue("15");
      expect(await (await viewerApi.get("/api/v1/settings/alerts")).json()).toEqual({ renotifyIntervalSeconds: 900 });
      const entry = (await auditEntries(adminApi)).find((e) => e.action === "alert-settings.update" && e.outcome === "ok");
      expect(entry).toMatchObject({ username: "admin", target: "alerts", detail: "renotifyIntervalSeconds=900" });
    } finally {
      const res = await adminApi.put("/api/v1/settings/alerts", { data: { renotifyIntervalSeconds: 3600 } });
      expect(res.status()).toBe(200);
    }
  });
});
