import type { IncomingMessage } from "node:http";
import net from "node:net";

/**
 * Who is on the other end of a request, decided once from the TCP peer and, only when that peer
 * is a proxy listed in BERTH_TRUSTED_PROXIES, from its X-Forwarded-* / X-Real-IP headers.
 * Without trusted proxies every forwarded header is ignored: a client cannot pick its own address
 * (the login limiter and the audit trail key on it) nor the protocol and host the origin check uses.
 */
export interface ClientInfo {
  /** The client's address (IPv4-mapped IPv6 shown as plain IPv4); undefined when the socket has none. */
  address: string | undefined;
  /** The host the browser addressed: X-Forwarded-Host from a trusted proxy, else Host. */
  host: string | undefined;
  /** The protocol a trusted proxy says the browser used; undefined when no trusted proxy said so. */
  forwardedProto: "http" | "https" | undefined;
  /** Whether the browser's connection was HTTPS (our own TLS, or a trusted proxy's word). */
  secure: boolean;
}

/** A parsed BERTH_TRUSTED_PROXIES: addresses and CIDR ranges, IPv4 and IPv6. */
export type TrustedProxies = net.BlockList & { readonly entries: readonly string[] };

/**
 * Parses a comma- or space-separated list of addresses and CIDRs. Throws a sentence naming the
 * bad entry, so a typo stops the start instead of silently trusting nothing (or too much).
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new net.BlockList() as TrustedProxies;
  const entries = (value ?? "")
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [addr, bits, extra] = entry.split("/");
    const family = net.isIP(addr ?? "");
    if (!addr || family === 0 || extra !== undefined) throw new Error(`BERTH_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) {
      list.addAddress(addr, type);
      continue;
    }
    const prefix = /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
    if (!(prefix >= 0 && prefix <= (family === 4 ? 32 : 128))) {
      throw new Error(`BERTH_TRUSTED_PROXIES: "${entry}" has a prefix length outside 0–${family === 4 ? 32 : 128}`);
    }
    list.addSubnet(addr, prefix, type);
  }
  Object.defineProperty(list, "entries", { value: entries });
  return list;
}

/** `::ffff:10.0.0.1` → `10.0.0.1`, so IPv4 rules match a dual-stack socket's peer. */
function plain(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? m[1]! : address;
}

function isTrusted(trusted: TrustedProxies, address: string | undefined): boolean {
  if (!address) return false;
  const family = net.isIP(address);
  if (family === 0) return false;
  return trusted.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** One X-Forwarded-For element as an address: strips an IPv6 bracket/port or an IPv4 port. */
function forwardedAddress(raw: string): string | undefined {
  let s = raw.trim();
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracket) s = bracket[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  return net.isIP(s) ? plain(s) : undefined;
}

function header(req: Pick<IncomingMessage, "headers">, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(",") : v;
}

/**
 * The one place that decides a request's client address, host and protocol: used by the custom
 * server for pages and route handlers and by the socket.io handshake. X-Forwarded-For is walked
 * from the right, skipping trusted hops; the first untrusted address is the client (everything to
 * its left was written by the client itself and proves nothing).
 */
export function clientInfo(req: Pick<IncomingMessage, "headers" | "socket">, trusted: TrustedProxies): ClientInfo {
  const peer = req.socket?.remoteAddress ? plain(req.socket.remoteAddress) : undefined;
  const ownTls = Boolean((req.socket as { encrypted?: boolean } | undefined)?.encrypted);
  const hostHeader = header(req, "host");
  if (!isTrusted(trusted, peer)) return { address: peer, host: hostHeader, forwardedProto: undefined, secure: ownTls };

  let address = peer;
  const xff = header(req, "x-forwarded-for");
  if (xff) {
    const hops = xff.split(",");
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = forwardedAddress(hops[i]!);
      if (!hop) break; // garbage in the chain: stop at the last address we could read
      address = hop;
      if (!isTrusted(trusted, hop)) break;
    }
  } else {
    const real = forwardedAddress(header(req, "x-real-ip") ?? "");
    if (real) address = real;
  }
  const first = (v: string | undefined) => v?.split(",")[0]?.trim() || undefined;
  const proto = first(header(req, "x-forwarded-proto"))?.toLowerCase();
  const forwardedProto = proto === "https" || proto === "http" ? proto : undefined;
  return { address, host: first(header(req, "x-forwarded-host")) ?? hostHeader, forwardedProto, secure: forwardedProto ? forwardedProto === "https" : ownTls };
}

/**
 * Request headers the custom server sets from `clientInfo` (after deleting any a client sent), so
 * route handlers, which only see Next's request, read the same decision.
 */
export const CLIENT_HEADERS = {
  address: "x-berth-client-ip",
  host: "x-berth-host",
  forwardedProto: "x-berth-forwarded-proto",
  secure: "x-berth-secure",
} as const;

/** Writes `info` into `req.headers` for Next, first removing every `x-berth-*` header the client sent. */
export function stampClientHeaders(req: IncomingMessage, info: ClientInfo): void {
  for (const name of Object.keys(req.headers)) if (name.startsWith("x-berth-")) delete req.headers[name];
  if (info.address) req.headers[CLIENT_HEADERS.address] = info.address;
  if (info.host) req.headers[CLIENT_HEADERS.host] = info.host;
  if (info.forwardedProto) req.headers[CLIENT_HEADERS.forwardedProto] = info.forwardedProto;
  req.headers[CLIENT_HEADERS.secure] = info.secure ? "1" : "0";
}

/** The stamped decision, read back in a route handler. */
export function stampedClient(headers: { get(name: string): string | null }): ClientInfo {
  const proto = headers.get(CLIENT_HEADERS.forwardedProto);
  return {
    address: headers.get(CLIENT_HEADERS.address) ?? undefined,
    host: headers.get(CLIENT_HEADERS.host) ?? undefined,
    forwardedProto: proto === "http" || proto === "https" ? proto : undefined,
    secure: headers.get(CLIENT_HEADERS.secure) === "1",
  };
}
