import { ESLint, type Linter } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import boundaries from "../eslint.boundaries.mjs";

/**
 * docs/architecture.md rule 4 and the lib/ rule, as eslint.boundaries.mjs enforces them: each
 * snippet here is linted as if it lived at `file`, with only those rules on.
 */
async function problems(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({
    overrideConfigFile: true,
    overrideConfig: [{ files: ["**/*.{ts,tsx}"], languageOptions: { parser: tseslint.parser as Linter.Parser } }, ...boundaries],
  });
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe("module boundaries (eslint.boundaries.mjs)", () => {
  it("refuses dockerode and docker-modem outside server/docker", async () => {
    expect(await problems("server/streams/hub.ts", 'import Docker from "dockerode";\nexport const d = new Docker();')).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*dockerode.*server\/docker/),
    ]);
    expect(await problems("app/api/v1/x/route.ts", 'import Modem from "docker-modem";\nexport const m = Modem;')).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*docker-modem/),
    ]);
    expect(await problems("server/docker/logs.ts", 'import Docker from "dockerode";\nexport const d = new Docker();')).toEqual([]);
    expect(await problems("bench/lib.ts", 'import Docker from "dockerode";\nexport const d = new Docker();')).toEqual([]);
  });

  it("refuses an engine's client (.docker, .modem) outside server/docker, however it is reached", async () => {
    const snippets = [
      "export const f = (engine: { docker: { ping(): void } }) => engine.docker.ping();",
      "export const f = (rt: any) => rt.engines.get('local').docker.listContainers();",
      "export const f = (engine: any) => { const { docker } = engine; return docker; };",
      "export const f = (engine: any) => engine.docker.modem.dial({});",
    ];
    for (const code of snippets) {
      const found = await problems("server/alerts/service.ts", code);
      expect(found.length, code).toBeGreaterThan(0);
      expect(
        found.every((p) => p.startsWith("no-restricted-properties:")),
        code,
      ).toBe(true);
    }
    expect(await problems("server/docker/call.ts", snippets[0]!)).toEqual([]);
  });

  it("keeps lib/ free of server and component imports (tests excepted)", async () => {
    expect(await problems("lib/format.ts", 'import { log } from "@/server/log";\nexport const x = log;')).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*lib\/ is shared/),
    ]);
    expect(await problems("lib/queries/x.ts", 'import { Button } from "@/components/ui/button";\nexport const x = Button;')).toHaveLength(1);
    expect(await problems("lib/queries/x.ts", 'import Docker from "dockerode";\nexport const x = Docker;')).toHaveLength(1);
    expect(await problems("lib/policy.test.ts", 'import { authorize } from "@/server/auth/authorize";\nexport const x = authorize;')).toEqual([]);
    expect(await problems("lib/format.ts", 'import { z } from "zod";\nexport const x = z;')).toEqual([]);
  });
});
