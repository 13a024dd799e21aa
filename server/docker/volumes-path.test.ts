import type Docker from "dockerode";
import { describe, expect, it } from "vitest";
import { describeLinkTarget, pathPrefixes, resolveInVolume, statKind, type PathStat } from "./volumes-path";

const DIR = 0x80000000 + 0o755;
const LINK = 0x08000000 + 0o777;
const FILE = 0o644;

/** A helper container whose HEAD archive answers from a table of paths. */
function fakeHelper(paths: Record<string, PathStat>): Docker.Container {
  return {
    infoArchive: async ({ path }: { path: string }) => {
      const st = paths[path];
      if (!st) throw Object.assign(new Error("no such file"), { statusCode: 404 });
      return { headers: { "x-docker-container-path-stat": Buffer.from(JSON.stringify(st)).toString("base64") }, resume() {} };
    },
  } as unknown as Docker.Container;
}

const tree = fakeHelper({
  "/v": { name: "v", size: 0, mode: DIR },
  "/v/d": { name: "d", size: 0, mode: DIR },
  "/v/d/a.txt": { name: "a.txt", size: 3, mode: FILE },
  "/v/abs": { name: "abs", size: 4, mode: LINK, linkTarget: "/etc" },
  "/v/abs/passwd": { name: "passwd", size: 900, mode: FILE },
  "/v/in": { name: "in", size: 1, mode: LINK, linkTarget: "/v/d" },
  "/v/in/a.txt": { name: "a.txt", size: 3, mode: FILE },
});

describe("resolveInVolume", () => {
  it("returns the last segment's status", async () => {
    expect(statKind((await resolveInVolume(tree, "/d")).mode)).toBe("dir");
    expect(statKind((await resolveInVolume(tree, "/d/a.txt")).mode)).toBe("file");
    expect(statKind((await resolveInVolume(tree, "/abs")).mode)).toBe("symlink");
  });
  it("never goes through a link, inside or outside the volume", async () => {
    await expect(resolveInVolume(tree, "/abs/passwd")).rejects.toMatchObject({
      code: "invalid_input",
      field: "path",
      message: expect.stringContaining("outside the volume"),
    });
    await expect(resolveInVolume(tree, "/in/a.txt")).rejects.toMatchObject({
      code: "invalid_input",
      field: "path",
      message: "Path /in is a symbolic link to /d in this volume: Berth does not follow links.",
    });
  });
  it("says which segment is missing or is a file", async () => {
    await expect(resolveInVolume(tree, "/nope/x")).rejects.toMatchObject({ code: "not_found", message: "Path /nope does not exist in this volume." });
    await expect(resolveInVolume(tree, "/d/a.txt/b")).rejects.toMatchObject({
      code: "invalid_input",
      field: "path",
      message: "Path /d/a.txt is a file, not a folder.",
    });
  });
});

describe("path helpers", () => {
  it("lists prefixes", () => expect(pathPrefixes("/a/b/c")).toEqual(["/a", "/a/b", "/a/b/c"]));
  it("reads Go file modes", () => {
    expect(statKind(DIR)).toBe("dir");
    expect(statKind(LINK)).toBe("symlink");
    expect(statKind(FILE)).toBe("file");
    expect(statKind(0x04000000 + 0o600)).toBe("other");
  });
  it("describes link targets without helper paths", () => {
    expect(describeLinkTarget("/v/d/x")).toBe("/d/x in this volume");
    expect(describeLinkTarget("/v")).toBe("/ in this volume");
    expect(describeLinkTarget("/etc")).toBe("a path outside the volume");
    expect(describeLinkTarget("/vx")).toBe("a path outside the volume");
  });
});
