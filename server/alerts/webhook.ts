import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { log } from "@/server/log";

/** Why a webhook URL may not be used, or null when it may. Pure: the caller resolves the host. */
export function refuseAddress(address: string): string | null {
  const v4 = isIP(address) === 4 ? address.split(".").map(Number) : null;
  if (v4) {
    const [a, b] = v4 as [number, number];
    if (a === 127) return "a loopback address";
    if (a === 0) return "an unspecified address";
    if (a === 169 && b === 254) return "a link-local or cloud metadata address";
    if (a === 100 && b >= 64 && b <= 127 && address === "100.100.100.200") return "a cloud metadata address";
    return null;
  }
  const v6 = address.toLowerCase();
  if (v6 === "::1" || v6 === "::") return "a loopback or unspecified address";
  if (/^fe[89ab]/.test(v6)) return "a link-local address";
  if (v6 === "fd00:ec2::254") return "a cloud metadata address";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v6);
  if (mapped) return refuseAddress(mapped[1]!);
  return null;
}

/**
 * Checks a webhook URL before it is saved and again before each send (DNS can change): http(s)
 * only, no credentials in it, and no loopback, link-local or metadata target unless an admin
 * allowed it for this rule.
 */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean, resolve = (host: string) => lookup(host, { all: true })): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Not a URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "Use an http or https URL";
  if (url.username || url.password) return "Put no credentials in the URL";
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await resolve(host)).map((a) => a.address);
  } catch {
    return `Cannot resolve ${host}`;
  }
  for (const a of addresses) {
    const why = refuseAddress(a);
    if (why) return `${host} resolves to ${why}; an admin can allow private targets for this rule explicitly`;
  }
  return null;
}

/** POSTs the JSON payload, retrying 3 times with growing pauses; never throws. */
export async function deliverWebhook(url: string, payload: unknown, allowPrivate: boolean, pauses = [1_000, 5_000, 15_000]): Promise<boolean> {
  const refused = await checkWebhookUrl(url, allowPrivate);
  if (refused) {
    log.warn({ refused }, "alert webhook not sent");
    return false;
  }
  for (let attempt = 0; attempt <= pauses.length; attempt++) {
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "Berth-Alerts/1" },
        body: JSON.stringify(payload),
        redirect: "manual",
        signal: AbortSignal.timeout(10_000),
      });
      if (res.ok) return true;
      log.warn({ status: res.status, attempt }, "alert webhook answered with an error");
    } catch (e) {
      log.warn({ err: (e as Error).message, attempt }, "alert webhook failed");
    }
    if (attempt < pauses.length) await new Promise((r) => setTimeout(r, pauses[attempt]));
  }
  return false;
}
