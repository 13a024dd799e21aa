import type { ClientInfo } from "./client-address";

/**
 * Whether an Origin header names this server. The expected origin is rebuilt from the host the
 * browser used (see `clientInfo`: X-Forwarded-Host/-Proto count only from a trusted proxy), so Berth
 * works under any address. The protocol is compared only when a trusted proxy stated it: behind an
 * unlisted TLS proxy Berth sees plain HTTP and cannot tell.
 */
export function isSameOrigin(origin: string | null | undefined, client: Pick<ClientInfo, "host" | "forwardedProto">): boolean {
  if (!origin || origin === "null") return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (!client.host) return false;
  if (client.forwardedProto && `${client.forwardedProto}:` !== parsed.protocol) return false;
  return parsed.host.toLowerCase() === client.host.toLowerCase();
}
