import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const READY_TIMEOUT_MS = 120_000;

/** Thrown when there is no production build to serve: the bench never builds one itself. */
export class MissingBuildError extends Error {}

/**
 * The folder `next build` wrote, honouring BERTH_DIST_DIR like next.config.ts does. A browser
 * benchmark of a dev build would measure the dev overlay and unminified React, not Berth.
 */
export function productionBuildDir(): string {
  const distDir = process.env.BERTH_DIST_DIR || ".next";
  const abs = path.resolve(ROOT, distDir);
  if (!fs.existsSync(path.join(abs, "BUILD_ID"))) {
    throw new MissingBuildError(
      `No production build in ${distDir}/ (no BUILD_ID). Build first: ` +
        `\`${process.env.BERTH_DIST_DIR ? `BERTH_DIST_DIR=${distDir} ` : ""}npx next build\`, then run the bench with the same BERTH_DIST_DIR.`,
    );
  }
  return distDir;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface ConsoleServer {
  url: string;
  adminPassword: string;
  stop(): Promise<void>;
}

/**
 * The real Berth server (server/index.ts: Next's production build, socket.io, hubs) on a free
 * port with a throwaway data dir and admin password, the way playwright.config.ts boots it.
 * Its log goes to `logFile`.
 */
export async function startConsoleServer(logFile: string): Promise<ConsoleServer> {
  const distDir = productionBuildDir();
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-bench-data-"));
  const adminPassword = `bench-${randomBytes(9).toString("base64url")}`;
  const log = fs.openSync(logFile, "w");
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "server/index.ts")], {
    cwd: ROOT,
    // Its own process group, so stopping it reaches tsx's node child too.
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      BERTH_DIST_DIR: distDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      BERTH_DATA_DIR: dataDir,
      BERTH_ADMIN_PASSWORD: adminPassword,
      BERTH_LOG_LEVEL: "warn",
    },
    stdio: ["ignore", log, log],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }, 10_000);
    await exited;
    // tsx's exit is not node's: wait for the whole group, so the store is closed before its folder goes.
    for (let i = 0; i < 100 && groupAlive(child.pid!); i++) await new Promise((r) => setTimeout(r, 100));
    clearTimeout(timer);
    fs.closeSync(log);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  let gone = false;
  void exited.then(() => (gone = true));
  while (Date.now() < deadline && !gone) {
    const ok = await fetch(`${url}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, adminPassword, stop };
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`Berth did not answer on ${url} (see ${logFile})`);
}
