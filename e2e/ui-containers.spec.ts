import { randomBytes } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { expect as baseExpect, test } from "./fixtures";
import { BASE_URL, FIXTURE_IMAGE, TEST_LABEL_ARG } from "./env";

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

test("create and kill: a container created with the CLI appears live; Kill from its row ends it with exit code 137", async ({ adminPage, docker }) => {
  const t = token();
  await adminPage.goto(`/containers?q=${t}`);
  // The list has loaded (empty for this token) and live updates flow before the container exists.
  await expect(adminPage.getByTestId("containers-no-match")).toBeVisible();
  await expect(adminPage.getByTestId("connection-indicator").first()).toHaveAttribute("data-status", "connected");
  await adminPage.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  // Ignores SIGTERM: only a SIGKILL ends it, so exit code 137 proves Kill was what Docker did.
  const { id, name } = await docker.run({ name: `${t}-victim`, cmd: ["sh", "-c", 'trap "" TERM INT; while true; do sleep 1; done'] });
  await expect(stateBadge(adminPage, name)).toHaveAttribute("data-state", "running", { timeout: 10_000 });

  await row(adminPage, name).getByTestId("row-menu").click();
  await adminPage.getByTestId("action-kill").click();
  const dialog = adminPage.getByRole("dialog");
  await expect(dialog.getByTestId("affected-containers")).toHaveText(name);
  await dialog.getByTestId("confirm-action").click();

  await expect(stateBadge(adminPage, name)).toHaveAttribute("data-state", "exited", { timeout: 10_000 });
  await expect(row(adminPage, name).getByTestId("status-text")).toHaveAttribute("aria-label", /^Exited \(137\)/);
  const state = (await docker.inspect(id)).State;
  expect(state).toMatchObject({ Running: false, ExitCode: 137 });
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

/** Burns one core until stopped (the fixture removes it after the test). */
const BUSY_CMD = ["sh", "-c", "while true; do :; done"];

const names = (page: Page) => page.getByTestId("container-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-name")));

test("command and entrypoint read as shell words, and a sh -c script as the script with its line breaks", async ({ adminPage, docker }) => {
  const t = token();
  const script = 'echo "starting up"\ntrap "exit 0" TERM\nwhile true; do sleep 1; done';
  const scripted = await docker.run({ name: `${t}-script`, cmd: ["sh", "-c", script] });
  await adminPage.goto(`/containers/${scripted.name}`);
  const command = adminPage.getByTestId("detail-command");
  await expect(command).toContainText("sh -c");
  await expect(command).not.toContainText("\\n");
  // The script as written: its line breaks kept, no JSON escapes.
  await expect.poll(() => adminPage.getByTestId("detail-command-script").evaluate((el) => el.textContent)).toBe(script);
  await expect(command).toHaveAttribute("title", `sh -c '${script}'`);

  // An entrypoint and arguments that need quoting: single quotes only where a shell needs them.
  const quoted = `${t}-quoted`;
  await docker.cli("create", "--name", quoted, "--label", TEST_LABEL_ARG, "--entrypoint", "echo", FIXTURE_IMAGE, "a b", "it's", "plain", "$HOME");
  docker.track(quoted);
  await adminPage.goto(`/containers/${quoted}`);
  await expect(adminPage.getByTestId("detail-entrypoint")).toHaveText("echo");
  await expect(adminPage.getByTestId("detail-command")).toHaveText(`'a b' 'it'\\''s' plain '$HOME'`);
});

test("the whole header cell sorts, by mouse anywhere in it and by keyboard", async ({ adminPage, docker }) => {
  const t = token();
  await docker.run({ name: `${t}-a` });
  await docker.run({ name: `${t}-b`, start: false });
  await adminPage.goto(`/containers?q=${t}`);
  await expect(adminPage.getByTestId("container-row")).toHaveCount(2);

  // A click in the cell's corner, outside the label, sorts too.
  const th = adminPage.getByTestId("th-name");
  const box = (await th.boundingBox())!;
  await th.click({ position: { x: box.width - 3, y: box.height - 3 } });
  await expect(adminPage).toHaveURL(/sort=name&dir=desc/);
  await expect.poll(() => names(adminPage)).toEqual([`${t}-b`, `${t}-a`]);

  await adminPage.getByTestId("sort-state").focus();
  await adminPage.keyboard.press("Enter");
  await expect(adminPage).toHaveURL(/sort=state&dir=asc/);
  await expect(adminPage.getByTestId("th-state")).toHaveAttribute("aria-sort", "ascending");
  await expect.poll(() => names(adminPage)).toEqual([`${t}-a`, `${t}-b`]);
});

test("the Exited and Created tabs hold different containers, and old Stopped links land on Exited", async ({ adminPage, docker }) => {
  const t = token();
  const up = await docker.run({ name: `${t}-up` });
  const exited = await docker.run({ name: `${t}-exited`, cmd: ["sh", "-c", "exit 3"] });
  const created = await docker.run({ name: `${t}-created`, start: false });
  await expect.poll(async () => (await docker.inspect(exited.id)).State.Status).toBe("exited");

  await adminPage.goto(`/containers?q=${t}`);
  await expect(adminPage.getByTestId("container-row")).toHaveCount(3);
  await expect(adminPage.getByTestId("state-filter-stopped")).toHaveCount(0);
  await adminPage.getByTestId("state-filter-exited").click();
  await expect.poll(() => names(adminPage)).toEqual([exited.name]);
  await expect(adminPage.getByTestId("state-filter-exited")).toContainText("1");
  await adminPage.getByTestId("state-filter-created").click();
  await expect.poll(() => names(adminPage)).toEqual([created.name]);
  await adminPage.getByTestId("state-filter-running").click();
  await expect.poll(() => names(adminPage)).toEqual([up.name]);

  await adminPage.goto(`/containers?q=${t}&state=stopped`);
  await expect(adminPage.getByTestId("state-filter-exited")).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => names(adminPage)).toEqual([exited.name]);
});

test("the status text is truncated to fit and its tooltip has the whole text", async ({ adminPage, docker }) => {
  const t = token();
  const exited = await docker.run({ name: `${t}-st`, cmd: ["sh", "-c", "exit 2"] });
  await expect.poll(async () => (await docker.inspect(exited.id)).State.Status).toBe("exited");
  await adminPage.goto(`/containers?q=${t}`);
  const status = row(adminPage, exited.name).getByTestId("status-text");
  await expect(status).toHaveCSS("text-overflow", "ellipsis");
  await status.hover();
  await expect(adminPage.getByRole("tooltip")).toHaveText(/^Exited \(2\) .+ ago$/);
  // Keyboard users get it too.
  await adminPage.mouse.move(0, 0);
  await status.focus();
  await expect(adminPage.getByRole("tooltip")).toHaveText(/^Exited \(2\)/);
});

test("live CPU and memory columns fill from the stats socket and sort", async ({ adminPage, docker }) => {
  test.setTimeout(120_000);
  const t = token();
  const busy = await docker.run({ name: `${t}-busy`, cmd: BUSY_CMD });
  const idle = await docker.run({ name: `${t}-idle` });
  const off = await docker.run({ name: `${t}-off`, start: false });
  await adminPage.goto(`/containers?q=${t}`);
  const cpu = (name: string) => row(adminPage, name).getByTestId("cpu-cell");
  await expect.poll(async () => Number((await cpu(busy.name).getAttribute("data-value")) || 0), { timeout: 30_000 }).toBeGreaterThan(10);
  await expect(cpu(busy.name)).toHaveText(/^\d+(\.\d+)? %$/);
  await expect(row(adminPage, idle.name).getByTestId("mem-cell")).toHaveText(/^[\d.]+ (B|KiB|MiB|GiB)$/);
  // Not running: no numbers.
  await expect(cpu(off.name)).toHaveText("—");

  await adminPage.getByTestId("sort-cpu").click();
  await expect(adminPage).toHaveURL(/sort=cpu&dir=desc/);
  await expect(adminPage.getByTestId("th-cpu")).toHaveAttribute("aria-sort", "descending");
  await expect.poll(() => names(adminPage)).toEqual([busy.name, idle.name, off.name]);
  await adminPage.getByTestId("sort-cpu").click();
  // Ascending: the idle one first, and the one without numbers still last.
  await expect.poll(() => names(adminPage)).toEqual([idle.name, busy.name, off.name]);
  await adminPage.getByTestId("sort-mem").click();
  await expect(adminPage).toHaveURL(/sort=mem&dir=desc/);
  await expect.poll(async () => (await names(adminPage)).at(-1)).toBe(off.name);

  // A stopped container loses its numbers as soon as the list knows it stopped, not when its last
  // sample ages out of the stats store (10 s).
  await docker.cli("kill", busy.name);
  await expect(stateBadge(adminPage, busy.name)).toHaveAttribute("data-state", "exited");
  await expect(cpu(busy.name)).toHaveText("—", { timeout: 3_000 });
});

test("at phone width the containers list fits without sideways scroll and row actions stay reachable", async ({ adminPage, docker }) => {
  const t = token();
  const long = await docker.run({ name: `${t}-a-rather-long-container-name-from-a-compose-project-1` });
  await docker.run({ name: `${t}-b`, start: false });
  await adminPage.setViewportSize({ width: 390, height: 844 });
  await adminPage.goto(`/containers?q=${t}`);
  await expect(adminPage.getByTestId("container-row")).toHaveCount(2);
  await expect.poll(() => adminPage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  // The table itself fits too (no scrolling inside its frame either).
  const table = adminPage.getByTestId("containers-table");
  expect(await table.evaluate((el) => el.parentElement!.scrollWidth <= el.parentElement!.clientWidth)).toBe(true);
  const menu = row(adminPage, long.name).getByTestId("row-menu");
  await expect(menu).toBeInViewport({ ratio: 1 });
  await menu.click();
  await expect(adminPage.getByRole("menuitem", { name: /Remove/ })).toBeVisible();
});

test("the theme menu switches light and dark, remembers the choice across a reload, and system follows the OS", async ({ adminPage }) => {
  const page = adminPage;
  // Records the class <html> has when <body> first appears: before any bundle could run, so a
  // dark class there means no light flash.
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (!document.body) return;
      (window as unknown as { __darkAtBody: boolean }).__darkAtBody = document.documentElement.classList.contains("dark");
      obs.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/containers");
  const html = page.locator("html");
  await expect(html).not.toHaveClass(/\bdark\b/);

  await page.getByTestId("theme-menu").click();
  await page.getByTestId("theme-option-dark").click();
  await expect(html).toHaveClass(/\bdark\b/);
  expect(await page.evaluate(() => localStorage.getItem("berth.theme"))).toBe("dark");
  // The tokens follow the class: the page background is the dark canvas.
  await expect(page.locator("body")).toHaveCSS("background-color", "rgb(13, 15, 19)");

  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);
  expect(await page.evaluate(() => (window as unknown as { __darkAtBody?: boolean }).__darkAtBody)).toBe(true);
  await expect(page.getByTestId("theme-menu")).toHaveAttribute("data-theme-pref", "dark");

  await page.getByTestId("theme-menu").click();
  await page.getByTestId("theme-option-light").click();
  await expect(html).not.toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: "dark" });
  // Pinned to light: the OS does not change it.
  await expect(page.locator("body")).toHaveCSS("background-color", "rgb(245, 246, 248)");

  await page.getByTestId("theme-menu").click();
  await page.getByTestId("theme-option-system").click();
  await expect(html).toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: "light" });
  await expect(html).not.toHaveClass(/\bdark\b/);
  expect(await page.evaluate(() => localStorage.getItem("berth.theme"))).toBeNull();
});

test("the system events feed hides health-check exec events until asked", async ({ adminPage, docker }) => {
  const t = token();
  const checked = await docker.run({ name: `${t}-hc`, healthcheck: ["CMD", "true"] });
  await adminPage.goto("/system");
  const feed = adminPage.getByTestId("events-feed");
  // The check runs every second: its execs arrive and are counted, but not listed.
  const toggle = feed.getByTestId("events-show-exec");
  await expect(toggle).toHaveText(/^Show exec events \(\d+\)$/, { timeout: 20_000 });
  // Other events still show meanwhile.
  const other = await docker.run({ name: `${t}-other`, start: false });
  await expect(feed.locator('[data-testid="event-row"][data-action="create"]').filter({ hasText: other.name })).toBeVisible();
  await expect(feed.locator('[data-testid="event-row"][data-action^="exec_"]')).toHaveCount(0);

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(feed.locator('[data-testid="event-row"][data-action^="exec_die"]').filter({ hasText: checked.name }).first()).toBeVisible();
  await toggle.click();
  await expect(feed.locator('[data-testid="event-row"][data-action^="exec_"]')).toHaveCount(0);
});

test("a paused events feed counts the events waiting as they arrive, and shows them on resume", async ({ adminPage, docker }) => {
  await adminPage.goto("/system");
  const feed = adminPage.getByTestId("events-feed");
  await expect(feed).toBeVisible();
  await feed.getByTestId("events-pause").click();
  // Not "0 waiting": other containers on a shared engine may send events meanwhile.
  await expect(feed).toContainText(/paused · \d+ waiting/);
  const held = await docker.run({ name: `${token()}-held`, start: false });
  // The badge re-renders per held push (it read a ref before, and stayed at 0).
  await expect(feed).toContainText(/paused · [1-9]\d* waiting/, { timeout: 20_000 });
  const row = feed.locator('[data-testid="event-row"][data-action="create"]').filter({ hasText: held.name });
  await expect(row).toHaveCount(0);
  await feed.getByTestId("events-pause").click();
  await expect(row).toBeVisible();
});
