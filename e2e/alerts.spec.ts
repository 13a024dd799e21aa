import { randomBytes } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

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
      expect(audit.some((e) => e.action === "alert-rule.update" && e.target === "oom-killed" && e.outcome === "ok" && e.detail?.includes("allowPrivateWebhook"))).toBe(true);
    } finally {
      const res = await adminApi.patch("/api/v1/alerts/rules/oom-killed", { data: { webhookUrl: null, allowPrivateWebhook: false } });
      expect(res.status()).toBe(200);
    }
  });

  test("acknowledging a firing alert marks it acknowledged, for everyone and after reload, and is audited", async ({ docker, adminPage: page, adminApi, viewerApi }) => {
    await openAlerts(page);
    const { name } = await docker.run({ cmd: FAILING_CMD });

    const item = page.getByTestId("alert-firing").filter({ hasText: name });
    await expect(item).toBeVisible({ timeout: 30_000 });
    await item.getByRole("button", { name: "Acknowledge" }).click();
    await expect(item).toContainText("acknowledged by admin");
    await expect(item.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);

    await page.reload();
    await expect(page.getByTestId("alert-firing").filter({ hasText: name })).toContainText("acknowledged by admin");

    const list = (await (await viewerApi.get("/api/v1/alerts?status=firing")).json()) as { alerts: { id: number; containerName: string; acknowledgedBy?: string }[] };
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
    // The toast push goes out before the list changes, so by now a toast would be showing.
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
});
