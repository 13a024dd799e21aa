/**
 * Constants shared by playwright.config.ts and the e2e fixtures. Test-only values: the server
 * under test runs with a throwaway data dir, so these credentials exist only for one run.
 */
import fs from "node:fs";
import path from "node:path";

export const TEST_PORT = Number(process.env.BERTH_E2E_PORT ?? 3210);

/**
 * When scripts/lib.sh made the browser its own network namespace (so docker's veth churn cannot
 * abort its requests with ERR_NETWORK_CHANGED), the browser runs in it and the server listens on
 * the host end of the veth pair; otherwise both use loopback.
 */
const BROWSER_NETNS = fs.existsSync("/run/netns/berth-browser") && !process.env.BERTH_E2E_NO_NETNS;
export const TEST_HOST = BROWSER_NETNS ? "198.18.0.1" : "127.0.0.1";
export const BROWSER_EXECUTABLE = BROWSER_NETNS ? path.join(__dirname, "..", "scripts", "chromium-netns.sh") : "/usr/bin/chromium";
export const BASE_URL = `http://${TEST_HOST}:${TEST_PORT}`;

/** BERTH_ADMIN_PASSWORD of the server under test (user `admin`). */
export const ADMIN_PASSWORD = "e2e-admin-Passw0rd-not-secret";
/** Password of the per-worker viewer and operator users the fixtures create. */
export const USER_PASSWORD = "e2e-user-Passw0rd-not-secret";

/**
 * Every container, network and volume a test creates carries the label `berth.test=<TEST_RUN>`.
 * The value names the run (`<runner pid>-<start ms>`, set once by playwright.config.ts and
 * inherited by its workers), so a run's clean-up removes its own objects and those of runs whose
 * runner is gone, never those of another run still going on the same engine.
 */
export const TEST_LABEL = "berth.test";
export const TEST_RUN = process.env.BERTH_E2E_RUN ?? `${process.pid}-${Date.now()}`;
/** `--label` value for the docker CLI: `berth.test=<run>`. */
export const TEST_LABEL_ARG = `${TEST_LABEL}=${TEST_RUN}`;
export const FIXTURE_IMAGE = "berth-fixture:latest";
