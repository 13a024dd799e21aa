import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/server/store/db";
import { StatsHistory } from "./history";
import { findRemovedContainer, listRemovedContainers, markMissingRemoved, pruneRemovedContainers } from "./removed";

let dir: string;
let db: Db;
let history: StatsHistory;

const NUMBERS = { cpuPercent: 1, memUsage: 1e6, memLimit: 1e9, netRx: 0, netTx: 0, blkRead: 0, blkWrite: 0, pids: 1 };
const T0 = Date.parse("2030-01-01T00:00:00Z") / 1000;

async function seen(id: string, name: string, buckets: number[], tier = 10) {
  await history.remember("local", { id, name, image: "berth-fixture:latest" });
  for (const bucket of buckets) history.add("local", id, { tier, bucket, numbers: NUMBERS });
  await history.flush();
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-test-"));
  db = await openDatabase(dir);
  history = new StatsHistory(db);
});
afterEach(async () => {
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("removed containers with history", () => {
  it("lists only removed containers that have points, newest removal first, with their last point", async () => {
    await seen("aaa111", "web_1", [T0, T0 + 10, T0 + 20]);
    await seen("bbb222", "db", [T0]);
    await seen("ccc333", "still-running", [T0]);
    await history.remember("local", { id: "ddd444", name: "never-reported", image: "x" });
    await history.markRemoved("local", "bbb222");
    await new Promise((r) => setTimeout(r, 5));
    await history.markRemoved("local", "aaa111");
    await history.markRemoved("local", "ddd444");

    const list = await listRemovedContainers(db, "local", { limit: 50 });
    expect(list.total).toBe(2);
    expect(list.containers.map((c) => c.name)).toEqual(["web_1", "db"]);
    expect(list.containers[0]).toMatchObject({ id: "aaa111", image: "berth-fixture:latest", lastSampleAt: new Date((T0 + 20) * 1000).toISOString() });
    expect(Date.parse(list.containers[0]!.removedAt)).toBeGreaterThan(0);
    expect(await listRemovedContainers(db, "other", { limit: 50 })).toEqual({ total: 0, containers: [] });
  });

  it("falls back to coarser tiers for the last point once the fine one is pruned", async () => {
    await seen("aaa111", "web", [T0 + 300], 300);
    await history.markRemoved("local", "aaa111");
    const [c] = (await listRemovedContainers(db, "local", { limit: 5 })).containers;
    expect(c?.lastSampleAt).toBe(new Date((T0 + 300) * 1000).toISOString());
  });

  it("filters by name, image or id prefix, taking % and _ literally", async () => {
    await seen("aaa111", "web_1", [T0]);
    await seen("bbb222", "webx1", [T0]);
    await history.markRemoved("local", "aaa111");
    await history.markRemoved("local", "bbb222");
    const names = async (q: string) => (await listRemovedContainers(db, "local", { q, limit: 50 })).containers.map((c) => c.name).sort();
    expect(await names("web_")).toEqual(["web_1"]);
    expect(await names("WEB")).toEqual(["web_1", "webx1"]);
    expect(await names("bbb")).toEqual(["webx1"]);
    expect(await names("11")).toEqual([]);
    expect(await names("%")).toEqual([]);
    expect(await names("fixture")).toEqual(["web_1", "webx1"]);
    const limited = await listRemovedContainers(db, "local", { q: "web", limit: 1 });
    expect(limited.total).toBe(2);
    expect(limited.containers).toHaveLength(1);
  });

  it("finds one removed container by id, id prefix or name, but not a live one", async () => {
    await seen("aaa111", "web", [T0]);
    await seen("bbb222", "api", [T0]);
    await history.markRemoved("local", "aaa111");
    expect((await findRemovedContainer(db, "local", "aaa111"))?.name).toBe("web");
    expect((await findRemovedContainer(db, "local", "aa"))?.name).toBe("web");
    expect((await findRemovedContainer(db, "local", "/web"))?.id).toBe("aaa111");
    expect(await findRemovedContainer(db, "local", "api")).toBeUndefined();
    expect(await findRemovedContainer(db, "local", "a%")).toBeUndefined();
  });

  it("marks containers the engine no longer lists as removed, sparing ones seen after the listing", async () => {
    await seen("aaa111", "gone", [T0]);
    await seen("bbb222", "here", [T0]);
    const listedAt = new Date(Date.now() + 1);
    await new Promise((r) => setTimeout(r, 5));
    await seen("ccc333", "started-after-listing", [T0]);
    expect(await markMissingRemoved(db, "local", new Set(["bbb222"]), listedAt)).toBe(1);
    expect((await listRemovedContainers(db, "local", { limit: 50 })).containers.map((c) => c.name)).toEqual(["gone"]);
  });

  it("forgets removed containers after the longest tier is kept", async () => {
    await seen("aaa111", "old", [T0]);
    await history.markRemoved("local", "aaa111");
    await pruneRemovedContainers(db, Date.now() + 6 * 86_400_000);
    expect(await db.selectFrom("stats_containers").select("id").execute()).toHaveLength(1);
    await pruneRemovedContainers(db, Date.now() + 8 * 86_400_000);
    expect(await db.selectFrom("stats_containers").select("id").execute()).toHaveLength(0);
  });
});
