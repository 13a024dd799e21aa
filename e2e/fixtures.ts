import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { test as base, expect, request, type APIRequestContext, type Page } from "@playwright/test";
import { ADMIN_PASSWORD, BASE_URL, FIXTURE_IMAGE, TEST_LABEL_ARG, USER_PASSWORD } from "./env";

/**
 * Fixtures for e2e specs: real containers on the real engine (labelled `berth.test=<run>`, removed
 * after each test) and signed-in API contexts and pages for each role.
 *
 *   import { test, expect } from "./fixtures";
 *   test("…", async ({ docker, adminApi, viewerPage }) => { … });
 *
 * Logins are per worker: `adminApi`, `operatorApi`, `viewerApi` and the pages built from them
 * share one session per role and worker. A test that signs out (or otherwise ends a session)
 * must use its own context from `login()` instead.
 */

const execFileP = promisify(execFile);

/** Sleeps in the background and waits, so the TERM trap fires at once: `docker stop` is instant. */
export const IDLE_CMD = ["sh", "-c", 'trap "exit 0" TERM INT; while true; do sleep 1 & wait $!; done'];

export interface RunOptions {
  /** Container name; default `e2e-<worker>-<random>`. Give unique names: workers run in parallel. */
  name?: string;
  /** Command (argv); default IDLE_CMD, a loop that exits 0 on SIGTERM. */
  cmd?: string[];
  /** Extra labels; `berth.test=<run>` is always added. */
  labels?: Record<string, string>;
  /** `KEY=value` entries. */
  env?: string[];
  /** `docker run -p` values, e.g. `127.0.0.1::80`. */
  publish?: string[];
  /**
   * Health check: `["CMD-SHELL", "wget -q -O /dev/null http://127.0.0.1/"]`, `["CMD", "true"]`, or
   * plain words of a shell command. Runs every second so tests see a status quickly.
   */
  healthcheck?: string[];
  /** Allocate a TTY (logs are then raw, without stream headers). */
  tty?: boolean;
  /** false: only create it (state `created`). Default true. */
  start?: boolean;
}

export interface DockerFixture {
  /** Creates (and by default starts) a container from berth-fixture:latest; removed after the test. */
  run(opts?: RunOptions): Promise<{ id: string; name: string }>;
  /** Runs the docker CLI with these arguments (no shell); resolves to trimmed stdout, rejects with stderr. */
  cli(...args: string[]): Promise<string>;
  /** `docker inspect <ref>`'s first document, or rejects when there is no such object. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Docker's inspect document, read field by field by each test
  inspect(ref: string): Promise<any>;
  /** Removes this container after the test too (for containers created through Berth's API). */
  track(ref: string): void;
}

async function dockerCli(...args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileP("docker", args, { maxBuffer: 64 * 1024 * 1024, env: process.env });
    return stdout.trim();
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`docker ${args.join(" ")} failed: ${(e.stderr || e.message).trim()}`, { cause: err });
  }
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function healthArgs(check: string[]): string[] {
  let cmd: string;
  if (check[0] === "CMD-SHELL") cmd = check.slice(1).join(" ");
  else if (check[0] === "CMD") cmd = check.slice(1).map(shellQuote).join(" ");
  else cmd = check.join(" ");
  return ["--health-cmd", cmd, "--health-interval", "1s", "--health-timeout", "5s", "--health-retries", "2"];
}

/** A fresh API context signed in as `username`, with the same-origin Origin that writes need. */
export async function login(username: string, password: string): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Origin: BASE_URL } });
  const res = await ctx.post("/api/v1/auth/login", { data: { username, password } });
  if (!res.ok()) {
    await ctx.dispose();
    throw new Error(`login as ${username} failed: HTTP ${res.status()} ${await res.text()}`);
  }
  return ctx;
}

async function pageFor(browser: import("@playwright/test").Browser, api: APIRequestContext, use: (p: Page) => Promise<void>) {
  const context = await browser.newContext({ baseURL: BASE_URL, storageState: await api.storageState() });
  const page = await context.newPage();
  await use(page);
  await context.close();
}

type TestFixtures = {
  docker: DockerFixture;
  adminPage: Page;
  operatorPage: Page;
  viewerPage: Page;
};

type WorkerFixtures = {
  /** Usernames of this worker's users; all share USER_PASSWORD (admin has ADMIN_PASSWORD). */
  users: { admin: string; operator: string; viewer: string };
  adminApi: APIRequestContext;
  operatorApi: APIRequestContext;
  viewerApi: APIRequestContext;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  docker: async ({}, use, testInfo) => {
    const created = new Set<string>();
    const fixture: DockerFixture = {
      cli: dockerCli,
      async inspect(ref) {
        const docs = JSON.parse(await dockerCli("inspect", ref));
        return docs[0];
      },
      track(ref) {
        created.add(ref);
      },
      async run(opts = {}) {
        const name = opts.name ?? `e2e-${testInfo.workerIndex}-${randomBytes(4).toString("hex")}`;
        const start = opts.start ?? true;
        const args = start ? ["run", "-d"] : ["create"];
        args.push("--name", name, "--label", TEST_LABEL_ARG);
        for (const [k, v] of Object.entries(opts.labels ?? {})) args.push("--label", `${k}=${v}`);
        for (const e of opts.env ?? []) args.push("-e", e);
        for (const p of opts.publish ?? []) args.push("-p", p);
        if (opts.healthcheck) args.push(...healthArgs(opts.healthcheck));
        if (opts.tty) args.push("-t");
        args.push(FIXTURE_IMAGE, ...(opts.cmd ?? IDLE_CMD));
        let id: string;
        try {
          id = (await dockerCli(...args)).split("\n").pop()!.trim();
        } catch (err) {
          // `run` can fail after creating the container (e.g. a busy port): remove it too, unless
          // the name belonged to another container in the first place.
          if (!/Conflict/i.test(String(err))) created.add(name);
          throw err;
        }
        created.add(id);
        return { id, name };
      },
    };
    await use(fixture);
    if (created.size > 0) {
      // Some may be gone already (the test removed them): rm reports those but removes the rest.
      await dockerCli("rm", "-f", "-v", ...created).catch(() => undefined);
    }
  },

  users: [
    async ({}, use, workerInfo) => {
      const n = workerInfo.parallelIndex;
      await use({ admin: "admin", operator: `e2e-operator-${n}`, viewer: `e2e-viewer-${n}` });
    },
    { scope: "worker" },
  ],

  adminApi: [
    async ({}, use) => {
      const ctx = await login("admin", ADMIN_PASSWORD);
      await use(ctx);
      await ctx.dispose();
    },
    { scope: "worker" },
  ],

  operatorApi: [
    async ({ adminApi, users }, use) => {
      await ensureUser(adminApi, users.operator, "operator");
      const ctx = await login(users.operator, USER_PASSWORD);
      await use(ctx);
      await ctx.dispose();
    },
    { scope: "worker" },
  ],

  viewerApi: [
    async ({ adminApi, users }, use) => {
      await ensureUser(adminApi, users.viewer, "viewer");
      const ctx = await login(users.viewer, USER_PASSWORD);
      await use(ctx);
      await ctx.dispose();
    },
    { scope: "worker" },
  ],

  adminPage: async ({ browser, adminApi }, use) => pageFor(browser, adminApi, use),
  operatorPage: async ({ browser, operatorApi }, use) => pageFor(browser, operatorApi, use),
  viewerPage: async ({ browser, viewerApi }, use) => pageFor(browser, viewerApi, use),
});

/** Creates the user unless it exists (409): the data dir lives for the whole run, workers restart. */
async function ensureUser(adminApi: APIRequestContext, username: string, role: "viewer" | "operator" | "admin") {
  const res = await adminApi.post("/api/v1/users", { data: { username, password: USER_PASSWORD, role } });
  if (!res.ok() && res.status() !== 409) {
    throw new Error(`creating user ${username} failed: HTTP ${res.status()} ${await res.text()}`);
  }
}

export { expect };
