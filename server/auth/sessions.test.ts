import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openDatabase, type Db } from "@/server/store/db";
import { bootstrapAdmin, completeSetup, needsSetup } from "./bootstrap";
import { ABSOLUTE_TIMEOUT_MS, createSession, deleteSession, IDLE_TIMEOUT_MS, readCookie, userForSession } from "./sessions";

let dir: string;
let db: Db;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-test-"));
  db = await openDatabase(dir);
});
afterEach(async () => {
  vi.useRealTimers();
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("first start", () => {
  it("creates admin from BERTH_ADMIN_PASSWORD, hashed with argon2id", async () => {
    await bootstrapAdmin(db, "a-long-enough-password");
    const row = await db.selectFrom("users").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ username: "admin", role: "admin" });
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain("a-long-enough-password");
  });
  it("refuses a weak BERTH_ADMIN_PASSWORD", async () => {
    await expect(bootstrapAdmin(db, "short")).rejects.toThrow(/BERTH_ADMIN_PASSWORD/);
  });
  it("without a password, hands out a one-time setup token that only works once", async () => {
    const { setupToken } = await bootstrapAdmin(db, undefined);
    expect(setupToken).toBeTruthy();
    expect(await needsSetup(db)).toBe(true);
    expect(await completeSetup(db, { token: "wrong", username: "root", password: "another-long-password" })).toBe("bad-token");
    expect(await completeSetup(db, { token: setupToken!, username: "root", password: "another-long-password" })).toBe("ok");
    expect(await completeSetup(db, { token: setupToken!, username: "eve", password: "another-long-password" })).toBe("done");
    expect(await needsSetup(db)).toBe(false);
  });
});

describe("sessions", () => {
  beforeEach(() => bootstrapAdmin(db, "a-long-enough-password"));

  it("stores only a hash of the cookie and resolves it to the user", async () => {
    const { token } = await createSession(db, 1, { ip: "127.0.0.1" });
    const stored = await db.selectFrom("sessions").select("id_hash").executeTakeFirstOrThrow();
    expect(stored.id_hash).not.toBe(token);
    expect(await userForSession(db, token)).toEqual({ id: 1, username: "admin", role: "admin" });
    expect(await userForSession(db, token + "x")).toBeNull();
    await deleteSession(db, token);
    expect(await userForSession(db, token)).toBeNull();
  });

  it("expires after the idle timeout", async () => {
    vi.useFakeTimers({ now: Date.parse("2026-01-01T00:00:00Z"), toFake: ["Date"] });
    const { token } = await createSession(db, 1, {});
    vi.setSystemTime(Date.now() + IDLE_TIMEOUT_MS - 60_000);
    expect(await userForSession(db, token)).not.toBeNull();
    vi.setSystemTime(Date.now() + IDLE_TIMEOUT_MS + 1);
    expect(await userForSession(db, token)).toBeNull();
  });

  it("expires at the absolute timeout even when active", async () => {
    vi.useFakeTimers({ now: Date.parse("2026-01-01T00:00:00Z"), toFake: ["Date"] });
    const { token } = await createSession(db, 1, {});
    for (let t = 0; t < ABSOLUTE_TIMEOUT_MS; t += IDLE_TIMEOUT_MS / 2) {
      vi.setSystemTime(Date.parse("2026-01-01T00:00:00Z") + t);
      expect(await userForSession(db, token)).not.toBeNull();
    }
    vi.setSystemTime(Date.parse("2026-01-01T00:00:00Z") + ABSOLUTE_TIMEOUT_MS + 1);
    expect(await userForSession(db, token)).toBeNull();
  });

  it("reads the cookie out of a raw header", () => {
    expect(readCookie("a=1; berth_session=abc%3D; b=2", "berth_session")).toBe("abc=");
    expect(readCookie(undefined, "berth_session")).toBeUndefined();
  });
});
