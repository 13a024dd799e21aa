/**
 * Whether an Origin header names this server. The expected origin is rebuilt from the Host the
 * browser used (and X-Forwarded-Proto/Host behind a proxy), so Berth works under any address.
 */
export function isSameOrigin(origin: string | null | undefined, headers: { get(name: string): string | null }): boolean {
  if (!origin || origin === "null") return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (!host) return false;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  if (proto && `${proto}:` !== parsed.protocol) return false;
  return parsed.host.toLowerCase() === host.toLowerCase();
}
