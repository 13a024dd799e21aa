import { isIPv6 } from "node:net";

/*
 * Which webhook targets Berth refuses (unless an admin allows private targets for a rule), for
 * every way of writing an address: IPv4 in the forms inet_aton accepts (`2130706433`,
 * `0x7f000001`, `0177.0.0.1`, `127.1`), IPv6 in full or short form, and IPv4 carried inside IPv6
 * (mapped `::ffff:127.0.0.1` = `::ffff:7f00:1`, compatible `::127.0.0.1`, NAT64 `64:ff9b::/96`
 * and `64:ff9b:1::/48`, SIIT `::ffff:0:a.b.c.d`, 6to4 `2002::/16`, Teredo `2001::/32`).
 */

/** One IPv4 part as inet_aton reads it: decimal, `0x` hexadecimal, or octal with a leading 0. */
function v4Part(p: string): number | null {
  if (/^0x[0-9a-f]*$/i.test(p)) return p.length === 2 ? 0 : parseInt(p.slice(2), 16);
  if (/^0[0-7]*$/.test(p)) return parseInt(p, 8);
  if (/^[1-9][0-9]*$/.test(p)) return parseInt(p, 10);
  return null;
}

/** An IPv4 address in any inet_aton form as 4 bytes, or null. `127.1` is 127.0.0.1, `2130706433` too. */
export function parseIPv4Loose(s: string): number[] | null {
  const parts = s.split(".");
  if (parts.length < 1 || parts.length > 4 || parts.some((p) => p === "")) return null;
  const nums = parts.map(v4Part);
  if (nums.some((n) => n === null || !Number.isFinite(n))) return null;
  const n = nums as number[];
  // The last part fills every byte the earlier parts left.
  const lastBytes = 5 - n.length;
  if (n.slice(0, -1).some((x) => x > 255) || n[n.length - 1]! >= 2 ** (8 * lastBytes)) return null;
  const out = n.slice(0, -1);
  let last = n[n.length - 1]!;
  const tail: number[] = [];
  for (let i = 0; i < lastBytes; i++) {
    tail.unshift(last & 0xff);
    last = Math.floor(last / 256);
  }
  return [...out, ...tail];
}

/** An IPv6 address (optionally in brackets, with a zone, with a dotted IPv4 tail) as 16 bytes, or null. */
export function parseIPv6Bytes(input: string): number[] | null {
  const s = input.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!isIPv6(s)) return null;
  let head = s;
  let v4tail: number[] = [];
  const dotted = /:(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    const v4 = dotted[1]!.split(".").map(Number);
    if (v4.some((x) => x > 255)) return null;
    v4tail = v4;
    head = s.slice(0, dotted.index + 1) + "0:0";
  }
  const [left, right] = head.includes("::") ? head.split("::") : [head, undefined];
  const l = left ? left.split(":") : [];
  const r = right !== undefined ? (right ? right.split(":") : []) : [];
  const groups = right === undefined ? l : [...l, ...Array(8 - l.length - r.length).fill("0"), ...r];
  if (groups.length !== 8) return null;
  const bytes: number[] = [];
  for (const g of groups) {
    const v = parseInt(g || "0", 16);
    bytes.push(v >> 8, v & 0xff);
  }
  if (dotted) bytes.splice(12, 4, ...v4tail);
  return bytes;
}

function refuseV4([a, b, c, d]: number[]): string | null {
  if (a === 127) return "a loopback address";
  if (a === 0) return "an unspecified address";
  if (a === 169 && b === 254) return "a link-local or cloud metadata address";
  if (a === 100 && b === 100 && c === 100 && d === 200) return "a cloud metadata address";
  if (a! >= 224) return a === 255 && b === 255 && c === 255 && d === 255 ? "a broadcast address" : "a multicast or reserved address";
  return null;
}

const zeros = (b: number[], from: number, to: number) => b.slice(from, to).every((x) => x === 0);

/** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, SIIT, 6to4, Teredo), or null. */
export function embeddedIPv4(b: number[]): number[] | null {
  if (zeros(b, 0, 10) && b[10] === 0xff && b[11] === 0xff) return b.slice(12); // ::ffff:a.b.c.d
  if (zeros(b, 0, 8) && b[8] === 0xff && b[9] === 0xff && zeros(b, 10, 12)) return b.slice(12); // ::ffff:0:a.b.c.d
  if (zeros(b, 0, 12) && !zeros(b, 12, 16)) return b.slice(12); // ::a.b.c.d
  if (b[0] === 0 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b) return b.slice(12); // 64:ff9b::/96 and 64:ff9b:1::/48
  if (b[0] === 0x20 && b[1] === 0x02) return b.slice(2, 6); // 6to4
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0 && b[3] === 0) return b.slice(12).map((x) => x ^ 0xff); // Teredo client
  return null;
}

/** Why a webhook target address may not be used, or null when it may. Pure: the caller resolves names. */
export function refuseAddress(address: string): string | null {
  const v6 = parseIPv6Bytes(address);
  if (v6) {
    if (zeros(v6, 0, 16)) return "an unspecified address";
    if (zeros(v6, 0, 15) && v6[15] === 1) return "a loopback address";
    if (v6[0] === 0xfe && (v6[1]! & 0xc0) === 0x80) return "a link-local address";
    if (v6[0] === 0xff) return "a multicast address";
    // fd00:ec2::254, AWS's IPv6 metadata endpoint.
    if (v6[0] === 0xfd && v6[1] === 0 && v6[2] === 0x0e && v6[3] === 0xc2 && zeros(v6, 4, 14) && v6[14] === 0x02 && v6[15] === 0x54)
      return "a cloud metadata address";
    const v4 = embeddedIPv4(v6);
    return v4 ? refuseV4(v4) : null;
  }
  const v4 = parseIPv4Loose(address);
  return v4 ? refuseV4(v4) : null;
}
