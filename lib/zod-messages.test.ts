import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createContainerSchema, createUserSchema, networkCreateSchema, objectNameSchema, volumeCreateSchema } from "./schemas";
import { fieldErrors, fieldLabel, firstIssue, issueSentence } from "./zod-messages";

const first = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error("expected a failure");
  return firstIssue(r.error.issues);
};

describe("issueSentence", () => {
  it("rewrites zod's default texts as sentences naming the field", () => {
    const s = z.object({ name: z.string().trim().min(1).max(3), port: z.number().int().min(1).max(65535), items: z.array(z.string()).min(1) });
    expect(first(s, { name: "", port: 1, items: ["a"] })).toEqual({ field: "name", message: "Name must not be empty." });
    expect(first(s, { name: "abcd", port: 1, items: ["a"] }).message).toBe("Name must have at most 3 characters.");
    expect(first(s, { name: "a", port: 0, items: ["a"] }).message).toBe("Port must be at least 1.");
    expect(first(s, { name: "a", port: 70000, items: ["a"] }).message).toBe("Port must be at most 65535.");
    expect(first(s, { name: "a", port: 1.5, items: ["a"] }).message).toBe("Port must be a whole number.");
    expect(first(s, { name: "a", port: "80", items: ["a"] }).message).toBe("Port must be a number.");
    expect(first(s, { port: 1, items: ["a"] }).message).toBe("Name is required.");
    expect(first(s, { name: "a", port: 1, items: [] }).message).toBe("Items must have at least one item.");
  });

  it("names enum choices, formats, list items and unknown keys", () => {
    expect(first(z.object({ role: z.enum(["viewer", "operator", "admin"]) }), { role: "root" }).message).toBe("Role must be one of viewer, operator or admin.");
    expect(first(z.object({ webhookUrl: z.url() }), { webhookUrl: "x" }).message).toBe("Webhook URL must be a URL such as https://example.com/hook.");
    expect(first(z.object({ aliases: z.array(z.string().min(1)) }), { aliases: ["a", ""] })).toEqual({
      field: "aliases.1",
      message: "Alias 2 must not be empty.",
    });
    expect(first(z.object({ a: z.string() }).strict(), { a: "x", extra: 1 }).message).toBe("Unknown field “extra”.");
    expect(first(z.string().min(2), "")).toEqual({ message: "The request must have at least 2 characters." });
  });

  it("keeps a schema's own message, filling in {field} and ending it with a full stop", () => {
    expect(first(z.object({ subnet: z.string().refine(() => false, "{field} is not a CIDR") }), { subnet: "x" }).message).toBe("Subnet is not a CIDR.");
    expect(first(z.object({ a: z.string().min(1, "Say something!") }), { a: "" }).message).toBe("Say something!");
  });

  it("never lets zod's raw wording through for Berth's own schemas", () => {
    const raw = /Too small|Too big|Invalid input|Invalid option|expected string|>=|<=/;
    const cases: [z.ZodType, unknown][] = [
      [volumeCreateSchema, { name: "" }],
      [volumeCreateSchema, { name: "-bad" }],
      [objectNameSchema, ""],
      [createUserSchema, { username: "a", password: "x", role: "admin" }],
      [createUserSchema, { username: "alice", password: "short", role: "admin" }],
      [createUserSchema, { username: "alice", password: "long enough password", role: "root" }],
      [networkCreateSchema, { name: "n", subnet: "10.0.0.1/8" }],
      [createContainerSchema, { image: "" }],
      [createContainerSchema, { image: "x", ports: [{ containerPort: 0 }] }],
      [createContainerSchema, { image: "x", env: ["NOVALUE"] }],
    ];
    for (const [schema, input] of cases) {
      const r = schema.safeParse(input);
      expect(r.success).toBe(false);
      for (const issue of r.error!.issues) {
        const text = issueSentence(issue);
        expect(text, JSON.stringify(issue)).not.toMatch(raw);
        expect(text).toMatch(/^[A-Z“"].*[.!?)]$/);
      }
    }
  });

  it("gives the exact sentences the forms show for volume names and ports", () => {
    expect(first(volumeCreateSchema, { name: "-bad" })).toEqual({
      field: "name",
      message: "Name may contain only letters, digits, dot, dash and underscore, and must start with a letter or digit.",
    });
    expect(first(createContainerSchema, { image: "x", ports: [{ containerPort: 0 }] })).toEqual({
      field: "ports.0.containerPort",
      message: "Container port must be a number between 1 and 65535.",
    });
    expect(first(createUserSchema, { username: "alice", password: "short", role: "admin" }).message).toBe("Password must have at least 12 characters.");
  });
});

describe("fieldLabel and fieldErrors", () => {
  it("labels paths", () => {
    expect(fieldLabel(["ipv6Subnet"])).toBe("IPv6 subnet");
    expect(fieldLabel(["labels"])).toBe("Labels");
    expect(fieldLabel(["ports", 0, "hostPort"])).toBe("Host port");
    expect(fieldLabel(["env", 3])).toBe("Environment variable 4");
    expect(fieldLabel([])).toBe("The request");
  });

  it("keeps the first sentence per top-level field", () => {
    const r = createUserSchema.safeParse({ username: "", password: "", role: "x" });
    expect(fieldErrors(r.error!.issues)).toEqual({
      username: "Username must have at least 2 characters.",
      password: "Password must have at least 12 characters.",
      role: "Role must be one of viewer, operator or admin.",
    });
  });
});
