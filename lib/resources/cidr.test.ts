import { describe, expect, it } from "vitest";
import { checkIpamConfig, checkIpv6Config, cidrContains, cidrWithin, isCanonical, parseCidr, parseIP, parseIPv4, parseIPv6 } from "./cidr";

describe("address parsing", () => {
  it("parses IPv4 strictly", () => {
    expect(parseIPv4("10.0.0.1")).toBe(0x0a000001n);
    for (const bad of ["10.0.0", "10.0.0.256", "010.0.0.1", "1.2.3.4.5", "a.b.c.d", ""]) expect(parseIPv4(bad)).toBeNull();
  });
  it("parses IPv6 with :: and an IPv4 tail", () => {
    expect(parseIPv6("::")).toBe(0n);
    expect(parseIPv6("::1")).toBe(1n);
    expect(parseIPv6("fd00:1::")).toBe(0xfd000001n << 96n);
    expect(parseIPv6("::ffff:10.0.0.1")).toBe((0xffffn << 32n) | 0x0a000001n);
    expect(parseIPv6("1:2:3:4:5:6:7:8")).not.toBeNull();
    for (const bad of ["1:2:3:4:5:6:7", "1::2::3", "12345::", "g::1", ":::"]) expect(parseIPv6(bad)).toBeNull();
  });
  it("tells the family", () => {
    expect(parseIP("192.168.1.1")?.family).toBe(4);
    expect(parseIP("fe80::1")?.family).toBe(6);
    expect(parseIP("example.com")).toBeNull();
  });
});

describe("CIDR", () => {
  it("parses prefix lengths per family", () => {
    expect(parseCidr("10.0.0.0/8")).toMatchObject({ family: 4, prefix: 8 });
    expect(parseCidr("10.0.0.0/33")).toBeNull();
    expect(parseCidr("fd00::/64")).toMatchObject({ family: 6, prefix: 64 });
    expect(parseCidr("fd00::/129")).toBeNull();
    expect(parseCidr("10.0.0.0")).toBeNull();
    expect(parseCidr("10.0.0.0/x")).toBeNull();
  });
  it("detects host bits", () => {
    expect(isCanonical(parseCidr("172.28.0.0/16")!)).toBe(true);
    expect(isCanonical(parseCidr("172.28.1.0/16")!)).toBe(false);
    expect(isCanonical(parseCidr("fd00:1::/64")!)).toBe(true);
  });
  it("containment", () => {
    const net = parseCidr("172.28.0.0/16")!;
    expect(cidrContains(net, parseIP("172.28.5.1")!)).toBe(true);
    expect(cidrContains(net, parseIP("172.29.0.1")!)).toBe(false);
    expect(cidrContains(net, parseIP("::1")!)).toBe(false);
    expect(cidrWithin(parseCidr("172.28.5.0/24")!, net)).toBe(true);
    expect(cidrWithin(parseCidr("172.0.0.0/8")!, net)).toBe(false);
  });
});

describe("checkIpamConfig names the bad field", () => {
  it("accepts a consistent triple and an empty one", () => {
    expect(checkIpamConfig({ subnet: "172.28.0.0/16", ipRange: "172.28.5.0/24", gateway: "172.28.0.1" })).toBeNull();
    expect(checkIpamConfig({})).toBeNull();
  });
  it("rejects each kind of mistake", () => {
    expect(checkIpamConfig({ subnet: "172.28.0.0" })?.field).toBe("subnet");
    expect(checkIpamConfig({ subnet: "172.28.3.0/16" })?.message).toMatch(/host bits/);
    expect(checkIpamConfig({ subnet: "172.28.0.0/16", ipRange: "10.0.0.0/24" })).toEqual({
      field: "ipRange",
      message: "10.0.0.0/24 is not inside the subnet 172.28.0.0/16",
    });
    expect(checkIpamConfig({ subnet: "172.28.0.0/16", gateway: "172.29.0.1" })?.field).toBe("gateway");
    expect(checkIpamConfig({ subnet: "172.28.0.0/16", gateway: "nope" })?.field).toBe("gateway");
    expect(checkIpamConfig({ gateway: "10.0.0.1" })?.field).toBe("gateway");
    expect(checkIpamConfig({ ipRange: "10.0.0.0/24" })?.field).toBe("ipRange");
  });
});

describe("checkIpv6Config (dual stack)", () => {
  it("accepts an IPv6 subnet and gateway beside an IPv4 subnet, and nothing at all", () => {
    expect(checkIpv6Config({ ipv6: true, subnet: "172.28.0.0/16", ipv6Subnet: "fd00:28::/64", ipv6Gateway: "fd00:28::1" })).toBeNull();
    expect(checkIpv6Config({ ipv6: true, ipv6Subnet: "fd00:28::/64" })).toBeNull();
    expect(checkIpv6Config({ ipv6: false })).toBeNull();
  });
  it("names the field of each mistake", () => {
    expect(checkIpv6Config({ ipv6: false, ipv6Subnet: "fd00:28::/64" })).toEqual({
      field: "ipv6Subnet",
      message: "Turn on IPv6 to give the network an IPv6 subnet",
    });
    expect(checkIpv6Config({ ipv6: true, ipv6Subnet: "10.0.0.0/8" })?.message).toMatch(/not an IPv6 CIDR/);
    expect(checkIpv6Config({ ipv6: true, ipv6Subnet: "fd00:28::" })?.field).toBe("ipv6Subnet");
    expect(checkIpv6Config({ ipv6: true, ipv6Subnet: "fd00:28::1/64" })?.message).toMatch(/host bits/);
    expect(checkIpv6Config({ ipv6: true, subnet: "fd00:1::/64", ipv6Subnet: "fd00:28::/64" })?.message).toMatch(/already IPv6/);
    expect(checkIpv6Config({ ipv6: true, ipv6Gateway: "fd00:28::1" })).toEqual({ field: "ipv6Gateway", message: "An IPv6 gateway needs an IPv6 subnet" });
    expect(checkIpv6Config({ ipv6: true, ipv6Subnet: "fd00:28::/64", ipv6Gateway: "172.28.0.1" })?.message).toMatch(/not an IPv6 address/);
    expect(checkIpv6Config({ ipv6: true, ipv6Subnet: "fd00:28::/64", ipv6Gateway: "fd00:29::1" })).toEqual({
      field: "ipv6Gateway",
      message: "fd00:29::1 is not inside the IPv6 subnet fd00:28::/64",
    });
  });
});
