import { randomBytes } from "node:crypto";
import { ADMIN_PASSWORD, BASE_URL } from "./env";
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
