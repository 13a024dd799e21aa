import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/safe-next";

describe("safeNextPath", () => {
  it("keeps same-site relative paths with their query", () => {
    expect(safeNextPath("/containers?state=running&q=web")).toBe("/containers?state=running&q=web");
    expect(safeNextPath("/containers/web-1")).toBe("/containers/web-1");
  });

  it("refuses anything that could leave the site or loop", () => {
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "evil",
      "/login?next=/x",
      "/api/v1/auth/logout",
      "/a\nb",
      "",
    ]) {
      expect(safeNextPath(bad)).toBe("/containers");
    }
    expect(safeNextPath(null)).toBe("/containers");
  });
});
