import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, registryKey, registryOf } from "./registries";

describe("registry credential encryption", () => {
  it("round-trips and never stores the plaintext", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-reg-"));
    const key = registryKey(dir);
    const blob = encryptSecret(key, "s3cr3t-token-ü");
    expect(blob).not.toContain("s3cr3t");
    expect(decryptSecret(key, blob)).toBe("s3cr3t-token-ü");
    // A fresh IV each time: the same secret never encrypts to the same text.
    expect(encryptSecret(key, "s3cr3t-token-ü")).not.toBe(blob);
  });

  it("creates the key once, mode 600, and reuses it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-reg-"));
    const a = registryKey(dir);
    const b = registryKey(dir);
    expect(a.equals(b)).toBe(true);
    expect(a.length).toBe(32);
    expect(fs.statSync(path.join(dir, "registry.key")).mode & 0o777).toBe(0o600);
  });

  it("refuses a tampered blob or the wrong key", () => {
    const key = registryKey(fs.mkdtempSync(path.join(os.tmpdir(), "berth-reg-")));
    const other = registryKey(fs.mkdtempSync(path.join(os.tmpdir(), "berth-reg-")));
    const blob = encryptSecret(key, "password");
    const parts = blob.split(":");
    const flipped = Buffer.from(parts[3]!, "base64");
    flipped[0]! ^= 1;
    expect(() => decryptSecret(key, [parts[0], parts[1], parts[2], flipped.toString("base64")].join(":"))).toThrow();
    expect(() => decryptSecret(other, blob)).toThrow();
    expect(() => decryptSecret(key, "garbage")).toThrow();
  });
});

describe("registryOf", () => {
  it("finds the registry host like Docker does", () => {
    expect(registryOf("nginx")).toBe("docker.io");
    expect(registryOf("library/nginx:1")).toBe("docker.io");
    expect(registryOf("127.0.0.1:5000/x/y:1")).toBe("127.0.0.1:5000");
    expect(registryOf("localhost/x")).toBe("localhost");
    expect(registryOf("ghcr.io/org/app@sha256:" + "a".repeat(64))).toBe("ghcr.io");
  });
});
