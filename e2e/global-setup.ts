import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { FIXTURE_IMAGE, TEST_LABEL } from "./env";

function docker(...args: string[]): string {
  return execFileSync("docker", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/**
 * Removes containers, networks and volumes labelled berth.test that a crashed or interrupted
 * run left behind. Never touches anything without the label.
 */
export function removeTestObjects(): void {
  const filter = `label=${TEST_LABEL}`;
  const containers = docker("ps", "-aq", "--filter", filter).split("\n").filter(Boolean);
  if (containers.length > 0) docker("rm", "-f", "-v", ...containers);
  const networks = docker("network", "ls", "-q", "--filter", filter).split("\n").filter(Boolean);
  for (const n of networks) {
    try {
      docker("network", "rm", n);
    } catch {
      // Still in use by a container outside the label: leave it.
    }
  }
  const volumes = docker("volume", "ls", "-q", "--filter", filter).split("\n").filter(Boolean);
  for (const v of volumes) {
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
    throw new Error(`No Docker engine answers (run scripts/test.sh, which starts one): ${String(err)}`);
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
