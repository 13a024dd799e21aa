/**
 * Constants shared by playwright.config.ts and the e2e fixtures. Test-only values: the server
 * under test runs with a throwaway data dir, so these credentials exist only for one run.
 */
export const TEST_PORT = Number(process.env.BERTH_E2E_PORT ?? 3210);
export const BASE_URL = `http://127.0.0.1:${TEST_PORT}`;

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
