import http from "node:http";
import { describe, expect, it } from "vitest";
import { isSilenced } from "./silences";
import { checkWebhookUrl, deliverWebhook, guardedLookup, refuseAddress } from "./webhook";
import { parseIPv4Loose, parseIPv6Bytes } from "./webhook-address";

/** A receiver on 127.0.0.1 that counts what arrives. */
async function receiver(): Promise<{ port: number; hits: () => number; close: () => void }> {
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits++;
    req.resume();
    res.writeHead(204).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { port: (server.address() as { port: number }).port, hits: () => hits, close: () => server.close() };
}

describe("webhook targets", () => {
  it.each(["127.0.0.1", "127.8.9.10", "169.254.169.254", "169.254.1.1", "0.0.0.0", "::1", "fe80::1", "::ffff:127.0.0.1", "fd00:ec2::254"])("refuses %s", (a) =>
    expect(refuseAddress(a)).not.toBeNull(),
  );
  it.each(["10.0.0.5", "192.168.1.10", "203.0.113.7", "2001:db8::1"])("accepts %s", (a) => expect(refuseAddress(a)).toBeNull());

  it.each([
    ["::ffff:127.0.0.1", "IPv4-mapped, dotted"],
    ["::ffff:7f00:1", "IPv4-mapped, hexadecimal"],
    ["[::ffff:7f00:1]", "in brackets"],
    ["0:0:0:0:0:ffff:7f00:0001", "IPv4-mapped, in full"],
    ["::127.0.0.1", "IPv4-compatible"],
    ["::ffff:0:127.0.0.1", "SIIT"],
    ["64:ff9b::7f00:1", "NAT64"],
    ["64:ff9b::169.254.169.254", "NAT64 to the metadata address"],
    ["64:ff9b:1::7f00:1", "local-use NAT64"],
    ["2002:7f00:1::1", "6to4"],
    ["::ffff:a9fe:a9fe", "mapped metadata address"],
    ["2130706433", "one decimal number"],
    ["0x7f000001", "one hexadecimal number"],
    ["0177.0.0.1", "octal"],
    ["0x7f.1", "hexadecimal short form"],
    ["127.1", "short form"],
    ["0", "zero"],
    ["fe80::1%eth0", "link-local with a zone"],
    ["0:0:0:0:0:0:0:1", "loopback in full"],
    ["ff02::1", "multicast"],
    ["255.255.255.255", "broadcast"],
  ])("refuses %s (%s)", (a) => expect(refuseAddress(a)).not.toBeNull());

  it("parses the forms to the same bytes", () => {
    for (const f of ["2130706433", "0x7f000001", "0177.0.0.1", "127.1", "127.0.1", "0x7f.0.0.1"]) expect(parseIPv4Loose(f), f).toEqual([127, 0, 0, 1]);
    expect(parseIPv4Loose("256.1.1.1")).toBeNull();
    expect(parseIPv4Loose("1.2.3.4.5")).toBeNull();
    expect(parseIPv4Loose("08.1.1.1")).toBeNull();
    expect(parseIPv4Loose("example.com")).toBeNull();
    expect(parseIPv6Bytes("::ffff:127.0.0.1")).toEqual(parseIPv6Bytes("::ffff:7f00:1"));
  });

  it("checks the scheme, credentials and what the host resolves to", async () => {
    const resolveTo = (address: string) => async () => [{ address, family: 4 }];
    expect(await checkWebhookUrl("ftp://hooks.example/x", false)).toMatch(/http/);
    expect(await checkWebhookUrl("https://user:pw@hooks.example/x", false)).toMatch(/credentials/);
    expect(await checkWebhookUrl("https://hooks.example/x", false, resolveTo("127.0.0.1"))).toMatch(/loopback/);
    expect(await checkWebhookUrl("https://hooks.example/x", false, resolveTo("203.0.113.7"))).toBeNull();
    expect(await checkWebhookUrl("http://127.0.0.1:9/x", true)).toBeNull();
    expect(await checkWebhookUrl("http://[::1]:9/x", false)).toMatch(/loopback/);
  });

  it("posts JSON and retries until the receiver accepts", async () => {
    let calls = 0;
    const bodies: unknown[] = [];
    const server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (d) => (body += d));
      req.on("end", () => {
        bodies.push(JSON.parse(body));
        res.writeHead(++calls < 3 ? 503 : 204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as { port: number };
    const ok = await deliverWebhook(`http://127.0.0.1:${port}/hook`, { alert: "cpu-high" }, true, [10, 10, 10]);
    server.close();
    expect(ok).toBe(true);
    expect(calls).toBe(3);
    expect(bodies[2]).toEqual({ alert: "cpu-high" });
  });

  it("does not send to loopback unless allowed", async () => {
    expect(await deliverWebhook("http://127.0.0.1:9/hook", {}, false, [])).toBe(false);
  });

  it("refuses an IPv4-mapped loopback URL: nothing reaches the listener on 127.0.0.1", async () => {
    const r = await receiver();
    try {
      expect(await checkWebhookUrl(`http://[::ffff:127.0.0.1]:${r.port}/hook`, false)).toMatch(/loopback/);
      expect(await deliverWebhook(`http://[::ffff:127.0.0.1]:${r.port}/hook`, { alert: "x" }, false, [])).toBe(false);
      for (const host of ["0x7f000001", "2130706433", "0177.0.0.1", "127.1"])
        expect(await deliverWebhook(`http://${host}:${r.port}/hook`, {}, false, [])).toBe(false);
      expect(r.hits()).toBe(0);
      // The same listener does receive when an admin allowed private targets: the refusal above was Berth's.
      expect(await deliverWebhook(`http://[::ffff:127.0.0.1]:${r.port}/hook`, {}, true, [])).toBe(true);
      expect(r.hits()).toBe(1);
    } finally {
      r.close();
    }
  });

  it("checks the address actually connected to: a DNS answer that turns private is refused at send time", async () => {
    const r = await receiver();
    try {
      let calls = 0;
      // Public when the URL is checked, loopback when the agent connects.
      const rebinding = async () => [{ address: calls++ === 0 ? "203.0.113.7" : "127.0.0.1", family: 4 }];
      expect(await deliverWebhook(`http://hooks.example:${r.port}/hook`, {}, false, [], rebinding)).toBe(false);
      expect(calls).toBe(2);
      expect(r.hits()).toBe(0);
    } finally {
      r.close();
    }
  });

  it("guardedLookup refuses private answers and passes public ones", async () => {
    const look = (answers: { address: string; family: number }[], opts: object = {}) =>
      new Promise<unknown>((resolve) => guardedLookup(async () => answers)("h.example", opts as never, (err, address) => resolve(err ? err.message : address)));
    expect(await look([{ address: "::ffff:7f00:1", family: 6 }])).toMatch(/loopback/);
    expect(
      await look([
        { address: "203.0.113.7", family: 4 },
        { address: "169.254.169.254", family: 4 },
      ]),
    ).toMatch(/link-local/);
    expect(await look([{ address: "203.0.113.7", family: 4 }])).toBe("203.0.113.7");
  });

  it("does not follow redirects", async () => {
    let target = 0;
    const landing = http.createServer((_req, res) => {
      target++;
      res.writeHead(204).end();
    });
    await new Promise<void>((r) => landing.listen(0, "127.0.0.1", r));
    const redirect = http.createServer((req, res) => {
      req.resume();
      res.writeHead(307, { location: `http://127.0.0.1:${(landing.address() as { port: number }).port}/` }).end();
    });
    await new Promise<void>((r) => redirect.listen(0, "127.0.0.1", r));
    try {
      expect(await deliverWebhook(`http://127.0.0.1:${(redirect.address() as { port: number }).port}/`, {}, true, [10])).toBe(false);
      expect(target).toBe(0);
    } finally {
      landing.close();
      redirect.close();
    }
  });
});

describe("isSilenced", () => {
  const now = Date.parse("2026-11-28T12:00:00Z");
  const silences = [
    { id: 1, rule: "cpu-high" as const, until: "2026-11-28T13:00:00Z", reason: "load test", createdBy: "admin" },
    { id: 2, containerName: "web", until: "2026-11-28T11:00:00Z", reason: "expired", createdBy: "admin" },
  ];
  it("matches by rule and/or container until it expires", () => {
    expect(isSilenced(silences, "cpu-high", "anything", now)).toBe(true);
    expect(isSilenced(silences, "memory-high", "web", now)).toBe(false);
    expect(isSilenced(silences, "cpu-high", "web", Date.parse("2026-11-28T14:00:00Z"))).toBe(false);
  });
});
