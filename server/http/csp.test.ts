import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./csp";

describe("contentSecurityPolicy", () => {
  it("limits scripts to Berth's own and the nonce, and locks down objects, base, framing and connections", () => {
    const csp = contentSecurityPolicy("abc");
    const directives = Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));
    expect(directives["script-src"]).toBe("'self' 'nonce-abc'");
    expect(directives["object-src"]).toBe("'none'");
    expect(directives["base-uri"]).toBe("'none'");
    expect(directives["frame-ancestors"]).toBe("'none'");
    expect(directives["connect-src"]).toBe("'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(directives["style-src"]).toBe("'self' 'unsafe-inline'");
    expect(contentSecurityPolicy("abc", true)).toMatch(/script-src 'self' 'nonce-abc' 'unsafe-eval'/);
  });
  it("makes a new nonce each time", () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(newNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("ZOD_JITLESS_SCRIPT", () => {
  it("turns zod's parser compilation off through its global config", async () => {
    const { ZOD_JITLESS_SCRIPT } = await import("./csp");
    const g = globalThis as { __zod_globalConfig?: Record<string, unknown> };
    const before = g.__zod_globalConfig;
    try {
      new Function(ZOD_JITLESS_SCRIPT)();
      expect(g.__zod_globalConfig).toMatchObject({ jitless: true });
    } finally {
      if (before) delete before.jitless;
    }
  });
});
