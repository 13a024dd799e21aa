import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { ADMIN_PASSWORD, BASE_URL, BROWSER_EXECUTABLE, TEST_HOST, TEST_PORT, TEST_RUN } from "./e2e/env";

const CI = !!process.env.CI;
// A run on a port of its own (BERTH_E2E_PORT, for runs side by side) keeps its own results folder:
// Playwright empties outputDir when a run starts, which would pull another run's traces away.
const RESULTS = path.resolve(__dirname, process.env.BERTH_E2E_PORT ? `test-results-${process.env.BERTH_E2E_PORT}` : "test-results");

// A throwaway data dir per run, so every run starts with no users but the admin from
// BERTH_ADMIN_PASSWORD. Playwright loads this file in the runner and again in each worker:
// the env var keeps the name stable across those loads, and only the runner (first load)
// clears the dirs of earlier runs.
if (!process.env.BERTH_E2E_DATA_DIR) {
  fs.mkdirSync(RESULTS, { recursive: true });
  for (const entry of fs.readdirSync(RESULTS)) {
    if (entry.startsWith("data-") || entry === "server.log") fs.rmSync(path.join(RESULTS, entry), { recursive: true, force: true });
  }
  process.env.BERTH_E2E_DATA_DIR = path.join(RESULTS, `data-${Date.now()}`);
  process.env.BERTH_E2E_RUN = TEST_RUN;
  fs.mkdirSync(process.env.BERTH_E2E_DATA_DIR, { recursive: true, mode: 0o700 });
}

export default defineConfig({
  testDir: "e2e",
  // Playwright empties outputDir at the start of a run: keep reports and data dirs outside it.
  outputDir: path.join(RESULTS, "e2e-artifacts"),
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // Each test works on its own labelled containers, so spec files can run side by side.
  workers: 2,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  reporter: [["list"], ["json", { outputFile: path.join(RESULTS, "e2e.json") }]],
  globalSetup: "./e2e/global-setup.ts",
  globalTeardown: "./e2e/global-teardown.ts",
  use: {
    baseURL: BASE_URL,
    browserName: "chromium",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      // Playwright cannot download browsers here: Debian's chromium it is (in its own network
      // namespace when there is one, see e2e/env.ts).
      executablePath: BROWSER_EXECUTABLE,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium" }],
  webServer: {
    // The production build (`next build` ran before, see scripts/test.sh) on the custom server.
    // Its JSON log goes to test-results/server.log (scripts/test.sh prints the tail on failure).
    command: `node_modules/.bin/tsx server/index.ts >>${JSON.stringify(path.join(RESULTS, "server.log"))} 2>&1`,
    url: `${BASE_URL}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(TEST_PORT),
      HOST: TEST_HOST,
      BERTH_DATA_DIR: process.env.BERTH_E2E_DATA_DIR!,
      BERTH_ADMIN_PASSWORD: ADMIN_PASSWORD,
    },
  },
});
