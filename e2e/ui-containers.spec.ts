import { randomBytes } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { expect as baseExpect, test } from "./fixtures";
import { BASE_URL } from "./env";

// A production build in a real browser: first loads can be slow on a busy CI machine. Live
// updates keep their own, tighter timeouts where they matter.
const expect = baseExpect.configure({ timeout: 20_000 });

/**
 * The containers list and detail pages in a real browser against a real engine. Every test
 * narrows the list with a unique search token, so parallel workers and demo containers on the
 * same engine never get in the way.
 */

test.describe.configure({ mode: "parallel" });

const token = () => `ui${randomBytes(4).toString("hex")}`;

function row(page: Page, name: string): Locator {
  return page.locator(`[data-testid="container-row"][data-name="${name}"]`);
}

function stateBadge(page: Page, name: string): Locator {
  return row(page, name).getByTestId("state-badge");
}

test("the list shows fixture containers with state, image and ports", async ({ adminPage, docker }) => {
  const t = token();
  const web = await docker.run({ name: `${t}-web`, publish: ["127.0.0.1::80"] });
  const idle = await docker.run({ name: `${t}-idle`, start: false });

  await adminPage.goto(`/containers?q=${t}`);
  await expect(adminPage.getByTestId("container-row")).toHaveCount(2);
  await expect(stateBadge(adminPage, web.name)).toHaveAttribute("data-state", "running");
  await expect(stateBadge(adminPage, idle.name)).toHaveAttribute("data-state", "created");
  await expect(row(adminPage, web.name)).toContainText("berth-fixture:latest");

  const hostPort = (await docker.inspect(web.id)).NetworkSettings.Ports["80/tcp"][0].HostPort;
  const link = row(adminPage, web.name).getByTestId("port-link");
  await expect(link).toHaveText(`${hostPort}→80/tcp`);
  // Links go to the host the browser reached Berth on (the Docker host, from the operator's side).
  await expect(link).toHaveAttribute("href", `http://${new URL(BASE_URL).hostname}:${hostPort}`);

  // The name links to the detail page.
  await row(adminPage, web.name).getByTestId("container-link").click();
  await expect(adminPage).toHaveURL(new RegExp(`/containers/${web.name}$`));
  await expect(adminPage.getByTestId("container-name")).toHaveText(web.name);
});

test("stop then start a container from its row", async ({ adminPage, docker }) => {
  const { id, name } = await docker.run({ name: `${token()}-life` });
  await adminPage.goto(`/containers?q=${name}`);
  await expect(stateBadge(adminPage, name)).toHaveAttribute("data-state", "running");

  await row(adminPage, name).getByTestId("action-stop").click();
  const dialog = adminPage.getByRole("dialog");
  await expect(dialog.getByTestId("affected-containers")).toHaveText(name);
  await dialog.getByTestId("confirm-action").click();

  await expect(stateBadge(adminPage, name)).toHaveAttribute("data-state", "exited");
  await expect(adminPage.getByText(`Stopped ${name}`)).toBeVisible();
  expect((await docker.inspect(id)).State.Running).toBe(false);

  // Start is harmless: no confirmation.
  await row(adminPage, name).getByTestId("action-start").click();
  await expect(stateBadge(adminPage, name)).toHaveAttribute("data-state", "running");
  await expect(adminPage.getByText(`Started ${name}`)).toBeVisible();
  await expect.poll(async () => (await docker.inspect(id)).State.Running).toBe(true);
});

test("bulk remove of two selected containers, with force", async ({ adminPage, docker }) => {
  const t = token();
  const a = await docker.run({ name: `${t}-a` });
  const b = await docker.run({ name: `${t}-b` });
  const keep = await docker.run({ name: `${t}-keep` });

  await adminPage.goto(`/containers?q=${t}`);
  await expect(adminPage.getByTestId("container-row")).toHaveCount(3);
  await row(adminPage, a.name).getByRole("checkbox").click();
  await row(adminPage, b.name).getByRole("checkbox").click();
  await expect(adminPage.getByTestId("selected-count")).toHaveText("2 selected");

  await adminPage.getByTestId("bulk-remove").click();
  const dialog = adminPage.getByRole("dialog");
  await expect(dialog.getByTestId("affected-containers").getByRole("listitem")).toHaveText([a.name, b.name]);
  // Both run: without force Docker would refuse, and the dialog says so.
  await expect(dialog).toContainText("without Force, Docker will refuse");
  await dialog.getByTestId("remove-force").click();
  await dialog.getByTestId("confirm-action").click();

  await expect(row(adminPage, a.name)).toHaveCount(0);
  await expect(row(adminPage, b.name)).toHaveCount(0);
  await expect(row(adminPage, keep.name)).toHaveCount(1);
  await expect(adminPage.getByTestId("bulk-bar")).toHaveCount(0);
  await expect(docker.inspect(a.id)).rejects.toThrow();
  await expect(docker.inspect(b.id)).rejects.toThrow();
});

test("a failed action shows Docker's message", async ({ adminPage, docker }) => {
  const { name } = await docker.run({ name: `${token()}-busy` });
  await adminPage.goto(`/containers?q=${name}`);
  await row(adminPage, name).getByTestId("row-menu").click();
  await adminPage.getByRole("menuitem", { name: /Remove/ }).click();
  // No force: Docker refuses to remove a running container and says why.
  await adminPage.getByRole("dialog").getByTestId("confirm-action").click();
  const toast = adminPage.locator("[data-sonner-toast]").filter({ hasText: `Could not remove ${name}` });
  await expect(toast).toContainText(/cannot remove a running container/i);
  await expect(row(adminPage, name)).toHaveCount(1);
});

test("changes made with the docker CLI appear without a reload", async ({ adminPage, docker }) => {
  const t = token();
  const first = await docker.run({ name: `${t}-cli` });
  await adminPage.goto(`/containers?q=${t}`);
  await expect(stateBadge(adminPage, first.name)).toHaveAttribute("data-state", "running");
  // Marks this document: a reload would lose it.
  await adminPage.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  await docker.cli("stop", first.name);
  await expect(stateBadge(adminPage, first.name)).toHaveAttribute("data-state", "exited", { timeout: 10_000 });

  const second = await docker.run({ name: `${t}-new` });
  await expect(row(adminPage, second.name)).toHaveCount(1, { timeout: 10_000 });

  await docker.cli("rm", "-f", second.name);
  await expect(row(adminPage, second.name)).toHaveCount(0, { timeout: 10_000 });

  expect(await adminPage.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});

test("a viewer sees no action buttons, and the filters in the URL survive a reload", async ({ viewerPage, docker }) => {
  const t = token();
  const running = await docker.run({ name: `${t}-up` });
  const stopped = await docker.run({ name: `${t}-down`, start: false });

  await viewerPage.goto("/containers");
  await viewerPage.getByTestId("container-search").fill(t);
  await viewerPage.getByTestId("state-filter-running").click();
  await expect(viewerPage).toHaveURL(new RegExp(`[?&]q=${t}`));
  await expect(viewerPage).toHaveURL(/[?&]state=running/);
  await expect(row(viewerPage, running.name)).toHaveCount(1);
  await expect(row(viewerPage, stopped.name)).toHaveCount(0);

  await viewerPage.reload();
  await expect(viewerPage.getByTestId("container-search")).toHaveValue(t);
  await expect(viewerPage.getByTestId("state-filter-running")).toHaveAttribute("aria-pressed", "true");
  await expect(row(viewerPage, running.name)).toHaveCount(1);
  await expect(row(viewerPage, stopped.name)).toHaveCount(0);

  // No lifecycle controls anywhere for a viewer: not in rows, not as checkboxes, not on the detail page.
  await expect(row(viewerPage, running.name).getByRole("button")).toHaveCount(0);
  await expect(row(viewerPage, running.name).getByRole("checkbox")).toHaveCount(0);
  await viewerPage.goto(`/containers/${running.name}`);
  await expect(viewerPage.getByTestId("container-name")).toHaveText(running.name);
  for (const verb of ["start", "stop", "restart", "pause", "kill", "remove"]) {
    await expect(viewerPage.getByTestId(`action-${verb}`)).toHaveCount(0);
  }
});

test("sorting and grouping by compose project are kept in the URL", async ({ adminPage, docker }) => {
  const t = token();
  const project = `${t}proj`;
  await docker.run({ name: `${t}-b`, labels: { "com.docker.compose.project": project, "com.docker.compose.service": "b" } });
  await docker.run({ name: `${t}-a`, labels: { "com.docker.compose.project": project, "com.docker.compose.service": "a" } });
  await docker.run({ name: `${t}-solo` });

  await adminPage.goto(`/containers?q=${t}`);
  await adminPage.getByTestId("sort-name").click(); // name is the default (asc): a click flips it
  await expect(adminPage).toHaveURL(/sort=name&dir=desc/);
  await expect
    .poll(() => adminPage.getByTestId("container-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-name"))))
    .toEqual([`${t}-solo`, `${t}-b`, `${t}-a`]);

  await adminPage.getByTestId("group-toggle").click();
  await expect(adminPage).toHaveURL(/group=project/);
  const group = adminPage.locator(`[data-testid="group-row"][data-project="${project}"]`);
  await expect(group.getByTestId("group-count")).toHaveText("2 containers · 2 running");
  await expect(adminPage.locator('[data-testid="group-row"][data-project=""]')).toContainText("Standalone");
});

test("the detail page masks secret env values", async ({ adminPage, viewerPage, docker }) => {
  const secret = `s3cr3t-${randomBytes(6).toString("hex")}`;
  const { name } = await docker.run({ name: `${token()}-env`, env: [`DB_PASSWORD=${secret}`, "PLAIN_SETTING=hello-plain"] });

  await viewerPage.goto(`/containers/${name}?tab=env`);
  const masked = viewerPage.locator('[data-testid="env-row"][data-key="DB_PASSWORD"]');
  await expect(masked).toHaveAttribute("data-masked", "true");
  await expect(masked.getByTestId("masked-value")).toHaveText("••••••••");
  await expect(viewerPage.locator('[data-testid="env-row"][data-key="PLAIN_SETTING"]')).toContainText("hello-plain");
  await expect(viewerPage.getByTestId("reveal-secrets")).toHaveCount(0);
  await viewerPage.getByRole("tab", { name: "Inspect" }).click();
  await expect(viewerPage.getByTestId("raw-json")).toContainText("DB_PASSWORD=••••••••");
  expect(await viewerPage.content()).not.toContain(secret);

  // An admin may reveal (the server audits it).
  await adminPage.goto(`/containers/${name}?tab=env`);
  const adminRow = adminPage.locator('[data-testid="env-row"][data-key="DB_PASSWORD"]');
  await expect(adminRow).toHaveAttribute("data-masked", "true");
  await adminPage.getByTestId("reveal-secrets").click();
  await expect(adminRow).toContainText(secret);
});

test("a missing container shows a friendly not-found page, also when removed while open", async ({ adminPage, docker }) => {
  await adminPage.goto(`/containers/${token()}-nope`);
  await expect(adminPage.getByTestId("container-not-found")).toContainText("Container not found (maybe removed)");

  const { name } = await docker.run({ name: `${token()}-gone` });
  await adminPage.goto(`/containers/${name}`);
  await expect(adminPage.getByTestId("container-name")).toHaveText(name);
  await docker.cli("rm", "-f", name);
  await expect(adminPage.getByTestId("container-not-found")).toContainText(`Container “${name}” was removed`, { timeout: 10_000 });
  await adminPage.getByRole("link", { name: "Back to containers" }).click();
  await expect(adminPage).toHaveURL(/\/containers$/);
});
