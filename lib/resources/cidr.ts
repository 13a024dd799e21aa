/**
 * IPv4/IPv6 address and CIDR checks for the network create form and its zod schema, so a typo
 * is named by field before Docker sees it. Pure: used by the browser and the server alike.
 */

export type Family = 4 | 6;

export interface ParsedCidr {
  readonly family: Family;
  /** The network address as a bigint (host bits may be set; see `isCanonical`). */
  readonly addr: bigint;
  readonly prefix: number;
}

export function parseIPv4(s: string): bigint | null {
  const parts = s.split(".");
  if (parts.length !== 4) return null;
  let v = 0n;
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

export function parseIPv6(s: string): bigint | null {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || s.includes(":::")) return null;
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const groups = (h: string): number[] | null => {
    if (h === "") return [];
    const out: number[] = [];
    const parts = h.split(":");
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      // An embedded IPv4 tail (::ffff:10.0.0.1) counts as two groups.
      if (i === parts.length - 1 && p.includes(".")) {
        const v4 = parseIPv4(p);
        if (v4 === null) return null;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
        continue;
      }
      if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return null;
      out.push(parseInt(p, 16));
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return all.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

export function parseIP(s: string): { family: Family; addr: bigint } | null {
  const v4 = parseIPv4(s);
  if (v4 !== null) return { family: 4, addr: v4 };
  const v6 = parseIPv6(s);
  if (v6 !== null) return { family: 6, addr: v6 };
  return null;
}

const bits = (f: Family) => (f === 4 ? 32 : 128);

export function parseCidr(s: string): ParsedCidr | null {
  const slash = s.indexOf("/");
  if (slash === -1) return null;
  const ip = parseIP(s.slice(0, slash));
  const prefixText = s.slice(slash + 1);
  if (!ip || !/^[0-9]{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > bits(ip.family)) return null;
  return { family: ip.family, addr: ip.addr, prefix };
}

function mask(family: Family, prefix: number): bigint {
  const total = bits(family);
  return ((1n << BigInt(total)) - 1n) ^ ((1n << BigInt(total - prefix)) - 1n);
}

/** True when no host bits are set: `10.1.0.0/16`, not `10.1.2.3/16` (Docker refuses the latter). */
export function isCanonical(c: ParsedCidr): boolean {
  return (c.addr & ~mask(c.family, c.prefix)) === 0n;
}

/** Whether `ip` (an address) lies inside `cidr`. */
export function cidrContains(cidr: ParsedCidr, ip: { family: Family; addr: bigint }): boolean {
  if (cidr.family !== ip.family) return false;
  const m = mask(cidr.family, cidr.prefix);
  return (cidr.addr & m) === (ip.addr & m);
}

/** Whether `inner` is a sub-range of `outer` (same family, longer or equal prefix, same network). */
export function cidrWithin(inner: ParsedCidr, outer: ParsedCidr): boolean {
  return inner.family === outer.family && inner.prefix >= outer.prefix && cidrContains(outer, inner);
}

/** Whether two ranges share any address. */
export function cidrOverlaps(a: ParsedCidr, b: ParsedCidr): boolean {
  return cidrWithin(a, b) || cidrWithin(b, a);
}

/**
 * Checks a subnet / ip-range / gateway triple as Docker would, returning the first problem as
 * `{ field, message }` (field names match the create form and schema), or null when fine.
 */
export function checkIpamConfig(c: {
  subnet?: string;
  ipRange?: string;
  gateway?: string;
}): { field: "subnet" | "ipRange" | "gateway"; message: string } | null {
  if (!c.subnet) {
    if (c.ipRange) return { field: "ipRange", message: "An IP range needs a subnet" };
    if (c.gateway) return { field: "gateway", message: "A gateway needs a subnet" };
    return null;
  }
  const subnet = parseCidr(c.subnet);
  if (!subnet) return { field: "subnet", message: `"${c.subnet}" is not a CIDR such as 172.28.0.0/16 or fd00:1::/64` };
  if (!isCanonical(subnet)) return { field: "subnet", message: `"${c.subnet}" has host bits set; use the network address` };
  if (c.ipRange) {
    const range = parseCidr(c.ipRange);
    if (!range) return { field: "ipRange", message: `"${c.ipRange}" is not a CIDR such as 172.28.5.0/24` };
    if (!cidrWithin(range, subnet)) return { field: "ipRange", message: `${c.ipRange} is not inside the subnet ${c.subnet}` };
  }
  if (c.gateway) {
    const gw = parseIP(c.gateway);
    if (!gw) return { field: "gateway", message: `"${c.gateway}" is not an IP address` };
    if (!cidrContains(subnet, gw)) return { field: "gateway", message: `${c.gateway} is not inside the subnet ${c.subnet}` };
  }
  return null;
}

/**
 * The IPv6 half of a dual-stack network: an IPv6 subnet (and optional gateway) beside the IPv4 one.
 * Returns the first problem as `{ field, message }` (form/schema field names), or null when fine.
 */
export function checkIpv6Config(c: {
  ipv6?: boolean;
  subnet?: string;
  ipv6Subnet?: string;
  ipv6Gateway?: string;
}): { field: "ipv6Subnet" | "ipv6Gateway"; message: string } | null {
  if (!c.ipv6Subnet) {
    if (c.ipv6Gateway) return { field: "ipv6Gateway", message: "An IPv6 gateway needs an IPv6 subnet" };
    return null;
  }
  if (!c.ipv6) return { field: "ipv6Subnet", message: "Turn on IPv6 to give the network an IPv6 subnet" };
  const subnet = parseCidr(c.ipv6Subnet);
  if (!subnet || subnet.family !== 6) return { field: "ipv6Subnet", message: `"${c.ipv6Subnet}" is not an IPv6 CIDR such as fd00:1::/64` };
  if (!isCanonical(subnet)) return { field: "ipv6Subnet", message: `"${c.ipv6Subnet}" has host bits set; use the network address` };
  // Two IPv6 pools make Docker pick one at random for each container: dual stack is one of each family.
  if (c.subnet && parseCidr(c.subnet)?.family === 6)
    return { field: "ipv6Subnet", message: "The subnet is already IPv6; give the IPv4 subnet there for dual stack" };
  if (c.ipv6Gateway) {
    const gw = parseIP(c.ipv6Gateway);
    if (!gw || gw.family !== 6) return { field: "ipv6Gateway", message: `"${c.ipv6Gateway}" is not an IPv6 address` };
    if (!cidrContains(subnet, gw)) return { field: "ipv6Gateway", message: `${c.ipv6Gateway} is not inside the IPv6 subnet ${c.ipv6Subnet}` };
  }
  return null;
}
