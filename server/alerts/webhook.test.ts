import http from "node:http";
import { describe, expect, it } from "vitest";
import { isSilenced } from "./silences";
import { checkWebhookUrl, deliverWebhook, refuseAddress } from "./webhook";

describe("webhook targets", () => {
  it.each(["127.0.0.1", "127.8.9.10", "169.254.169.254", "169.254.1.1", "0.0.0.0", "::1", "fe80::1", "::ffff:127.0.0.1", "fd00:ec2::254"])("refuses %s", (a) =>
    expect(refuseAddress(a)).not.toBeNull(),
  );
  it.each(["10.0.0.5", "192.168.1.10", "203.0.113.7", "2001:db8::1"])("accepts %s", (a) => expect(refuseAddress(a)).toBeNull());

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
