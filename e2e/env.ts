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

/** Every container, network and volume a test creates carries this label (value "1"). */
export const TEST_LABEL = "berth.test";
export const FIXTURE_IMAGE = "berth-fixture:latest";
