import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import { log } from "@/server/log";
import { refuseAddress } from "./webhook-address";

export { refuseAddress } from "./webhook-address";

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;
const systemResolver: Resolver = (host) => lookup(host, { all: true });

/**
 * Checks a webhook URL before it is saved and again before each send (DNS can change): http(s)
 * only, no credentials in it, and no loopback, link-local or metadata target unless an admin
 * allowed it for this rule.
 */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean, resolve: Resolver = systemResolver): Promise<string | null> {
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

/**
 * A `lookup` for the http agent that resolves with `resolve` and refuses private answers: the
 * address actually connected to is checked at send time, not only the one seen when the URL was
 * saved (a DNS answer can change in between).
 */
export function guardedLookup(resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (answers) => {
        const wanted = options.family === 4 || options.family === 6 ? answers.filter((a) => a.family === options.family) : answers;
        const refused = wanted.map((a) => refuseAddress(a.address)).find(Boolean);
        if (refused || wanted.length === 0) {
          const err = Object.assign(new Error(`${hostname} resolves to ${refused ?? "no address"} at send time`), { code: "EWEBHOOKREFUSED" });
          return callback(err, "", 0);
        }
        if (options.all) return (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, wanted);
        callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (e: NodeJS.ErrnoException) => callback(e, "", 0),
    );
  };
}

/**
 * One POST: no redirect is followed (a 3xx is a failure), the target is checked again where it
 * is connected (a name through `guardedLookup`, an address literal on the socket), 10 s at most.
 */
function postOnce(url: URL, body: string, allowPrivate: boolean, resolve: Resolver): Promise<number> {
  return new Promise((done, fail) => {
    const lib = url.protocol === "https:" ? https : http;
    const req = lib.request(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "user-agent": "Berth-Alerts/1" },
        ...(allowPrivate ? {} : { lookup: guardedLookup(resolve) }),
        timeout: 10_000,
      },
      (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      },
    );
    req.on("socket", (socket) => {
      if (allowPrivate) return;
      socket.once("connect", () => {
        const why = socket.remoteAddress ? refuseAddress(socket.remoteAddress) : "an unknown address";
        if (why) req.destroy(Object.assign(new Error(`connected to ${why}`), { code: "EWEBHOOKREFUSED" }));
      });
    });
    req.on("timeout", () => req.destroy(new Error("timed out after 10 s")));
    req.on("error", fail);
    req.end(body);
  });
}

/** POSTs the JSON payload, retrying 3 times with growing pauses; never throws. Redirects are not followed. */
export async function deliverWebhook(
  url: string,
  payload: unknown,
  allowPrivate: boolean,
  pauses = [1_000, 5_000, 15_000],
  resolve: Resolver = systemResolver,
): Promise<boolean> {
  const refused = await checkWebhookUrl(url, allowPrivate, resolve);
  if (refused) {
    log.warn({ refused }, "alert webhook not sent");
    return false;
  }
  const body = JSON.stringify(payload);
  for (let attempt = 0; attempt <= pauses.length; attempt++) {
    try {
      const status = await postOnce(new URL(url), body, allowPrivate, resolve);
      if (status >= 200 && status < 300) return true;
      if (status >= 300 && status < 400) {
        log.warn({ status }, "alert webhook answered with a redirect, which Berth does not follow");
        return false;
      }
      log.warn({ status, attempt }, "alert webhook answered with an error");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EWEBHOOKREFUSED") {
        log.warn({ refused: (e as Error).message }, "alert webhook not sent");
        return false;
      }
      log.warn({ err: (e as Error).message, attempt }, "alert webhook failed");
    }
    if (attempt < pauses.length) await new Promise((r) => setTimeout(r, pauses[attempt]));
  }
  return false;
}
