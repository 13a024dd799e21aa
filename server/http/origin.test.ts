import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./origin";

const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n.toLowerCase()] ?? null });

describe("isSameOrigin", () => {
  it("accepts the origin the browser used", () => {
    expect(isSameOrigin("http://127.0.0.1:3000", headers({ host: "127.0.0.1:3000" }))).toBe(true);
    expect(isSameOrigin("https://berth.example.com", headers({ host: "berth.example.com" }))).toBe(true);
  });
  it("refuses other sites, other ports, missing and opaque origins", () => {
    expect(isSameOrigin("http://evil.example", headers({ host: "127.0.0.1:3000" }))).toBe(false);
    expect(isSameOrigin("http://127.0.0.1:3001", headers({ host: "127.0.0.1:3000" }))).toBe(false);
    expect(isSameOrigin(null, headers({ host: "127.0.0.1:3000" }))).toBe(false);
    expect(isSameOrigin("null", headers({ host: "127.0.0.1:3000" }))).toBe(false);
    expect(isSameOrigin("not a url", headers({ host: "x" }))).toBe(false);
  });
  it("follows a proxy's forwarded host and protocol", () => {
    const h = headers({ host: "10.0.0.5:3000", "x-forwarded-host": "berth.example.com", "x-forwarded-proto": "https" });
    expect(isSameOrigin("https://berth.example.com", h)).toBe(true);
    expect(isSameOrigin("http://berth.example.com", h)).toBe(false);
  });
});
