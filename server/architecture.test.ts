import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** architecture.md rule 4: only server/docker/* talks to dockerode; lib/ imports nothing from server/ or components/. */
describe("module boundaries", () => {
  const tracked = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "*.ts", "*.tsx"], { encoding: "utf8" }).split("\n").filter(Boolean);
  const grep = (pattern: RegExp) =>
    tracked.filter((f) => {
      try {
        return pattern.test(readFileSync(f, "utf8"));
      } catch {
        return false;
      }
    });

  it("imports dockerode only under server/docker", () => {
    const offenders = grep(/from ["']dockerode["']|require\(["']dockerode["']\)/).filter(
      (f) => !f.startsWith("server/docker/") && !f.startsWith("bench/") && !f.startsWith("e2e/") && !f.startsWith("scripts/"),
    );
    expect(offenders).toEqual([]);
  });

  it("keeps lib/ free of server and component imports", () => {
    const offenders = grep(/from ["']@\/(server|components)\//).filter((f) => f.startsWith("lib/") && !f.endsWith(".test.ts"));
    expect(offenders).toEqual([]);
  });
});
