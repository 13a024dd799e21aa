import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { FIXTURE_IMAGE, TEST_LABEL, TEST_RUN } from "./env";

function docker(...args: string[]): string {
  return execFileSync("docker", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/** True when the label value names this run or a run whose runner process has ended. */
function isOurs(run: string): boolean {
  if (run === TEST_RUN) return true;
  const pid = Number(run.split("-")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return true; // an old-style or malformed value
  try {
    process.kill(pid, 0);
    return false; // that runner is alive: its objects are its own business
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** `kind ls` ids with the berth.test label whose run is this one or an abandoned one. */
function listOurs(kind: "container" | "network" | "volume"): string[] {
  const ls = kind === "container" ? ["ps", "-a"] : [kind, "ls"];
  const format = kind === "volume" ? "{{.Name}}" : "{{.ID}}";
  const rows = docker(...ls, "--filter", `label=${TEST_LABEL}`, "--format", `${format}\t{{.Label "${TEST_LABEL}"}}`);
  return rows
    .split("\n")
    .filter(Boolean)
    .map((row) => row.split("\t"))
    .filter(([, run]) => isOurs(run ?? ""))
    .map(([id]) => id!);
}

/**
 * Removes containers, networks and volumes labelled berth.test by this run or by a crashed or
 * interrupted one. Never touches anything without the label, nor another live run's objects.
 */
export function removeTestObjects(): void {
  const containers = listOurs("container");
  if (containers.length > 0) docker("rm", "-f", "-v", ...containers);
  for (const n of listOurs("network")) {
    try {
      docker("network", "rm", n);
    } catch {
      // Still in use by a container outside the label: leave it.
    }
  }
  for (const v of listOurs("volume")) {
    try {
      docker("volume", "rm", v);
    } catch {
      // In use: leave it.
    }
  }
}

export default async function globalSetup(): Promise<void> {
  try {
    docker("version", "--format", "{{.Server.Version}}");
  } catch (err) {
    throw new Error(`No Docker engine answers (run scripts/test.sh, which starts one): ${String(err)}`, { cause: err });
  }
  if (!fs.existsSync("/usr/bin/chromium")) {
    throw new Error("/usr/bin/chromium is missing: apt-get install chromium (or run scripts/test.sh)");
  }
  try {
    docker("image", "inspect", FIXTURE_IMAGE, "--format", "{{.Id}}");
  } catch {
    // Running `npx playwright test` directly on a fresh engine: build the image first.
    execFileSync("bash", [path.join(__dirname, "..", "scripts", "build-fixture-image.sh")], { stdio: "inherit" });
  }
  removeTestObjects();
}
