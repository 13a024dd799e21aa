import { describe, expect, it } from "vitest";
import { createContainerSchema, networkCreateSchema, volumeCreateSchema } from "./schemas";
import { firstIssue } from "./zod-messages";

const refusal = (r: { success: boolean; error?: { issues: readonly unknown[] } }) => firstIssue((r.error?.issues ?? []) as never);

describe("reserved berth.* labels", () => {
  it.each([
    ["volume create", () => volumeCreateSchema.safeParse({ name: "v1", labels: { "berth.helper": "1" } })],
    ["network create", () => networkCreateSchema.safeParse({ name: "n1", labels: { "Berth.Helper.Nonce": "x" } })],
    ["container create", () => createContainerSchema.safeParse({ image: "busybox", labels: { "berth.restored": "1" } })],
  ])("%s refuses them with a sentence naming labels", (_what, parse) => {
    const r = parse();
    expect(r.success).toBe(false);
    const { field, message } = refusal(r as never);
    expect(field).toBe("labels");
    expect(message).toMatch(/^Labels may not use [Bb]erth\.\S+: labels starting with “berth\.” are reserved for Berth\.$/);
  });
  it("lets the e2e suite's berth.test through, and nothing else of the namespace", () => {
    expect(volumeCreateSchema.safeParse({ name: "v1", labels: { "berth.test": "run-1" } }).success).toBe(true);
    expect(volumeCreateSchema.safeParse({ name: "v1", labels: { "berth.test.x": "1" } }).success).toBe(false);
    expect(volumeCreateSchema.safeParse({ name: "v1", labels: { "BERTH.TEST": "1" } }).success).toBe(false);
  });
  it("lets other labels through, berth-like names included", () => {
    expect(volumeCreateSchema.safeParse({ name: "v1", labels: { team: "payments", "com.example.berth": "x", berthing: "1" } }).success).toBe(true);
  });
});
