import { randomBytes } from "node:crypto";
import { ADMIN_PASSWORD, BASE_URL, USER_PASSWORD } from "./env";
import { expect as baseExpect, test } from "./fixtures";

// A production build in a real browser: first loads can be slow on a busy CI machine. Live
// updates keep their own, tighter timeouts where they matter.
const expect = baseExpect.configure({ timeout: 20_000 });

/**
 * Sign-in, sign-out and the session redirect, through the browser. Uses the plain `page`
 * (no session) so signing out here never ends the shared per-worker sessions.
 */

test.describe.configure({ mode: "parallel" });

async function signIn(page: import("@playwright/test").Page, username: string, password: string) {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("signing in through the form lands on the containers page", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await signIn(page, "admin", ADMIN_PASSWORD);
  await expect(page).toHaveURL(/\/containers$/);
  await expect(page.getByRole("heading", { name: "Containers" })).toBeVisible();
  await expect(page.getByTestId("current-username").first()).toHaveText("admin");
});

test("a wrong password shows the server's error and stays on the form", async ({ page }) => {
  // An unknown user, so the rate limiter of the real admin account is not touched.
  const username = `nobody-${randomBytes(3).toString("hex")}`;
  await page.goto("/login");
  await signIn(page, username, "definitely-not-the-password");
  await expect(page.getByTestId("form-error")).toContainText(/wrong username or password/i);
  await expect(page).toHaveURL(/\/login/);
  // The button is usable again for another try.
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
});

test("a throttled account shows how long to wait", async ({ page, playwright }) => {
  // An unknown user again: five free failures, then 1 s, 2 s, 4 s waits. Attempts refused while
  // the account waits do not count, so keep trying until eight failures have gone through.
  const username = `nobody-${randomBytes(3).toString("hex")}`;
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill("definitely-not-the-password");
  const api = await playwright.request.newContext({ baseURL: BASE_URL });
  let failures = 0;
  await expect
    .poll(
      async () => {
        const res = await api.post("/api/v1/auth/login", { data: { username, password: "definitely-not-the-password" } });
        if (res.status() === 401) failures++;
        return failures;
      },
      { intervals: [200], timeout: 30_000 },
    )
    .toBe(8);
  await api.dispose();
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toContainText(/Too many failed sign-ins for this account\. Try again in \d+ seconds?\./);
});

test("empty fields are caught before any request", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Username is required")).toBeVisible();
  await expect(page.getByText("Password is required")).toBeVisible();
});

test("a signed-out visit goes to sign-in and returns to the page asked for", async ({ page }) => {
  await page.goto("/containers?state=running");
  await expect(page).toHaveURL(/\/login\?next=/);
  await signIn(page, "admin", ADMIN_PASSWORD);
  await expect(page).toHaveURL(/\/containers\?state=running$/);
  await expect(page.getByTestId("state-filter-running")).toHaveAttribute("aria-pressed", "true");
});

test("next= never leads off-site", async ({ page }) => {
  await page.goto("/login?next=//example.org/phish");
  await signIn(page, "admin", ADMIN_PASSWORD);
  await expect(page).toHaveURL(`${BASE_URL}/containers`);
});

test("signing out ends the session", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, "admin", ADMIN_PASSWORD);
  await expect(page).toHaveURL(/\/containers$/);
  // The desktop sidebar's button (the mobile drawer has its own copy, hidden at this width).
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/containers");
  await expect(page).toHaveURL(/\/login\?next=/);
});

test("a viewer sees their role and no Users section", async ({ viewerPage, users }) => {
  await viewerPage.goto("/containers");
  await expect(viewerPage.getByTestId("current-username").first()).toHaveText(users.viewer);
  await expect(viewerPage.getByTestId("role-badge").first()).toHaveText("viewer");
  await expect(viewerPage.getByRole("link", { name: "Containers" })).toBeVisible();
  await expect(viewerPage.getByRole("link", { name: "Users" })).toHaveCount(0);
  await viewerPage.goto("/users");
  await expect(viewerPage.getByText("Admins only")).toBeVisible();
});

/**
 * A user of their own, signed in through the form in a fresh browser context, with the logs page
 * of a container open and live (so its socket is connected and subscribed).
 */
async function liveViewer(browser: import("@playwright/test").Browser, adminApi: import("@playwright/test").APIRequestContext, container: string) {
  const username = `e2e-ended-${randomBytes(3).toString("hex")}`;
  const created = await adminApi.post("/api/v1/users", { data: { username, password: USER_PASSWORD, role: "viewer" } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  const context = await browser.newContext({ baseURL: BASE_URL });
  const page = await context.newPage();
  await page.goto("/login");
  await signIn(page, username, USER_PASSWORD);
  await expect(page).toHaveURL(/\/containers$/);
  await page.goto(`/logs?c=${container}`);
  await expect(page.getByTestId("log-status")).toHaveAttribute("data-status", "live");
  return { id, page, close: () => context.close() };
}

test("an admin changing a signed-in viewer's role sends their page to sign-in, which says why", async ({ browser, adminApi, docker }) => {
  const { name } = await docker.run();
  const viewer = await liveViewer(browser, adminApi, name);
  try {
    expect((await adminApi.patch(`/api/v1/users/${viewer.id}`, { data: { role: "operator" } })).status()).toBe(200);
    // Told at once by the socket, not at the next click.
    await expect(viewer.page).toHaveURL(/\/login\?reason=role-changed&next=%2Flogs/);
    await expect(viewer.page.getByTestId("session-ended")).toHaveText(
      "An administrator changed your role, which ended your session. Sign in again to continue with the new role.",
    );
  } finally {
    await viewer.close();
    await adminApi.delete(`/api/v1/users/${viewer.id}`);
  }
});

test("an admin removing a signed-in viewer sends their page to sign-in, which says the account went", async ({ browser, adminApi, docker }) => {
  const { name } = await docker.run();
  const viewer = await liveViewer(browser, adminApi, name);
  try {
    expect((await adminApi.delete(`/api/v1/users/${viewer.id}`)).status()).toBe(204);
    await expect(viewer.page).toHaveURL(/\/login\?reason=deleted/);
    await expect(viewer.page.getByTestId("session-ended")).toHaveText("Your session was ended by an administrator: your account was removed.");
  } finally {
    await viewer.close();
  }
});

test("a stale session cookie lands on sign-in with the ended message", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: BASE_URL });
  await context.addCookies([{ name: "berth_session", value: "no-such-session", url: BASE_URL }]);
  const page = await context.newPage();
  try {
    await page.goto("/volumes");
    await expect(page).toHaveURL(/\/login\?next=%2Fvolumes&reason=ended/);
    await expect(page.getByTestId("session-ended")).toHaveText("Your session has ended (an administrator ended it, or it expired). Sign in again.");
  } finally {
    await context.close();
  }
});
