import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientInfo, parseTrustedProxies, stampClientHeaders, stampedClient } from "./client-address";

const req = (remoteAddress: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress }, headers }) as unknown as IncomingMessage;

describe("parseTrustedProxies", () => {
  it("reads addresses and CIDRs of both families, comma or space separated", () => {
    const t = parseTrustedProxies("10.0.0.0/8, 192.168.1.7 fd00::/8,::1");
    expect(t.entries).toEqual(["10.0.0.0/8", "192.168.1.7", "fd00::/8", "::1"]);
    expect(t.check("10.20.30.40", "ipv4")).toBe(true);
    expect(t.check("192.168.1.8", "ipv4")).toBe(false);
    expect(t.check("fd12::1", "ipv6")).toBe(true);
    expect(t.check("::1", "ipv6")).toBe(true);
  });
  it("is empty when unset", () => {
    expect(parseTrustedProxies(undefined).entries).toEqual([]);
    expect(parseTrustedProxies("").entries).toEqual([]);
  });
  it("refuses a bad entry with a sentence naming it", () => {
    expect(() => parseTrustedProxies("10.0.0.1, proxy.local")).toThrow('BERTH_TRUSTED_PROXIES: "proxy.local" is not an IP address or CIDR range');
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/prefix length outside 0–32/);
    expect(() => parseTrustedProxies("fd00::/129")).toThrow(/outside 0–128/);
    expect(() => parseTrustedProxies("10.0.0.0/8/1")).toThrow(/not an IP address/);
    expect(() => parseTrustedProxies("10.0.0.0/x")).toThrow(/prefix length/);
  });
});

describe("clientInfo", () => {
  const none = parseTrustedProxies(undefined);
  const proxies = parseTrustedProxies("10.0.0.0/8,fd00::/8");
  const forged = { "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example", host: "berth:3000" };

  it("ignores every forwarded header without trusted proxies", () => {
    expect(clientInfo(req("::ffff:203.0.113.9", forged), none)).toEqual({
      address: "203.0.113.9",
      host: "berth:3000",
      forwardedProto: undefined,
      secure: false,
    });
  });
  it("ignores forwarded headers from a peer that is not a listed proxy", () => {
    expect(clientInfo(req("203.0.113.9", forged), proxies).address).toBe("203.0.113.9");
    expect(clientInfo(req("203.0.113.9", forged), proxies).host).toBe("berth:3000");
  });
  it("walks X-Forwarded-For from the right, skipping trusted hops", () => {
    const r = req("10.0.0.2", { "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.1.1.1", host: "h" });
    expect(clientInfo(r, proxies).address).toBe("198.51.100.4");
  });
  it("takes the leftmost address when every hop is trusted, and reads ports and brackets", () => {
    expect(clientInfo(req("10.0.0.2", { "x-forwarded-for": "10.9.9.9:5000, 10.1.1.1" }), proxies).address).toBe("10.9.9.9");
    expect(clientInfo(req("fd00::2", { "x-forwarded-for": "[2001:db8::7]:443" }), proxies).address).toBe("2001:db8::7");
  });
  it("stops at garbage in the chain", () => {
    expect(clientInfo(req("10.0.0.2", { "x-forwarded-for": "1.1.1.1, not-an-ip, 10.1.1.1" }), proxies).address).toBe("10.1.1.1");
  });
  it("uses X-Real-IP from a trusted proxy when there is no X-Forwarded-For", () => {
    expect(clientInfo(req("10.0.0.2", { "x-real-ip": "198.51.100.4" }), proxies).address).toBe("198.51.100.4");
  });
  it("believes a trusted proxy's protocol and host", () => {
    const info = clientInfo(req("::ffff:10.0.0.2", { ...forged, "x-forwarded-host": "berth.example.com, inner" }), proxies);
    expect(info).toEqual({ address: "1.2.3.4", host: "berth.example.com", forwardedProto: "https", secure: true });
  });
});

describe("stampClientHeaders", () => {
  it("replaces any x-berth-* header a client sent, and reads back the same decision", () => {
    const r = req("203.0.113.9", {
      "x-berth-client-ip": "1.1.1.1",
      "x-berth-secure": "1",
      "x-berth-forwarded-proto": "https",
      "x-berth-path": "/x",
      host: "h",
    });
    const info = clientInfo(r, parseTrustedProxies(undefined));
    stampClientHeaders(r, info);
    expect(r.headers["x-berth-forwarded-proto"]).toBeUndefined();
    expect(r.headers["x-berth-path"]).toBeUndefined();
    const read = stampedClient({ get: (n) => (r.headers[n] as string | undefined) ?? null });
    expect(read).toEqual(info);
  });
});
