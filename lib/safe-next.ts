/**
 * The post-login destination from a `?next=` value: only same-site relative paths, so a crafted
 * link cannot bounce a freshly signed-in user to another site ("//evil.example", "/\\evil", "https:…").
 */
export function safeNextPath(next: string | null | undefined, fallback = "/containers"): string {
  if (!next || typeof next !== "string") return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters in a path are refused on purpose
  if (/[\u0000-\u001f\\]/.test(next)) return fallback;
  if (next.startsWith("/login") || next.startsWith("/setup") || next.startsWith("/api/")) return fallback;
  return next;
}
