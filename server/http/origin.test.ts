import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./origin";

describe("isSameOrigin", () => {
  it("accepts the origin the browser used", () => {
    expect(isSameOrigin("http://127.0.0.1:3000", { host: "127.0.0.1:3000", forwardedProto: undefined })).toBe(true);
    expect(isSameOrigin("https://berth.example.com", { host: "berth.example.com", forwardedProto: undefined })).toBe(true);
  });
  it("refuses other sites, other ports, missing and opaque origins", () => {
    const client = { host: "127.0.0.1:3000", forwardedProto: undefined };
    expect(isSameOrigin("http://evil.example", client)).toBe(false);
    expect(isSameOrigin("http://127.0.0.1:3001", client)).toBe(false);
    expect(isSameOrigin(null, client)).toBe(false);
    expect(isSameOrigin("null", client)).toBe(false);
    expect(isSameOrigin("not a url", { host: "x", forwardedProto: undefined })).toBe(false);
    expect(isSameOrigin("http://x", { host: undefined, forwardedProto: undefined })).toBe(false);
  });
  it("compares the protocol a trusted proxy stated", () => {
    const client = { host: "berth.example.com", forwardedProto: "https" as const };
    expect(isSameOrigin("https://berth.example.com", client)).toBe(true);
    expect(isSameOrigin("http://berth.example.com", client)).toBe(false);
  });
});
