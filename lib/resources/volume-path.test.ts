import { describe, expect, it } from "vitest";
import { helperPath, parentPath, safeVolumePath } from "./volume-path";

describe("safeVolumePath", () => {
  it("normalises harmless forms", () => {
    expect(safeVolumePath("")).toBe("/");
    expect(safeVolumePath("/")).toBe("/");
    expect(safeVolumePath("a/b")).toBe("/a/b");
    expect(safeVolumePath("//a/./b/")).toBe("/a/b");
    expect(safeVolumePath("dir with space/x.txt")).toBe("/dir with space/x.txt");
    expect(safeVolumePath("..hidden")).toBe("/..hidden");
  });
  it("refuses anything that could leave the volume", () => {
    for (const bad of ["..", "../etc/passwd", "/a/../../etc", "a/..", "a\\..\\b", "a\0b", "x/".repeat(3000)]) {
      expect(safeVolumePath(bad), bad).toBeNull();
    }
  });
  it("joins with the helper's mount point", () => {
    expect(helperPath("/v", "/")).toBe("/v");
    expect(helperPath("/v", "/a/b")).toBe("/v/a/b");
    expect(parentPath("/a/b")).toBe("/a");
    expect(parentPath("/a")).toBe("/");
  });
});
