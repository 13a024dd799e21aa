import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openDatabase, type Db } from "@/server/store/db";
import { bootstrapAdmin, completeSetup } from "./bootstrap";

const hashes = vi.hoisted(() => ({ count: 0 }));
vi.mock("./passwords", async (original) => {
  const actual = await original<typeof import("./passwords")>();
  return {
    ...actual,
    hashPassword: async (p: string) => {
      hashes.count++;
      return actual.hashPassword(p);
    },
  };
});

let dir: string;
let db: Db;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-test-"));
  db = await openDatabase(dir);
  hashes.count = 0;
});
afterEach(async () => {
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("completeSetup", () => {
  it("answers a wrong token and a closed setup before hashing anything", async () => {
    const { setupToken } = await bootstrapAdmin(db, undefined);
    expect(await completeSetup(db, { token: "wrong", username: "root", password: "another-long-password" })).toBe("bad-token");
    expect(hashes.count).toBe(0);
    expect(await completeSetup(db, { token: setupToken!, username: "root", password: "another-long-password" })).toBe("ok");
    expect(hashes.count).toBe(1);
    expect(await completeSetup(db, { token: setupToken!, username: "eve", password: "another-long-password" })).toBe("done");
    expect(hashes.count).toBe(1);
  });
});
