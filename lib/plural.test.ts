import { describe, expect, it } from "vitest";
import { plural, pluralNoun } from "./plural";

describe("plural", () => {
  it("uses the singular for exactly one and the plural otherwise", () => {
    expect(plural(1, "volume")).toBe("1 volume");
    expect(plural(0, "volume")).toBe("0 volumes");
    expect(plural(2, "network")).toBe("2 networks");
    expect(plural(-1, "image")).toBe("-1 images");
  });
  it("knows the irregular nouns Berth counts, and takes an explicit plural", () => {
    expect(plural(3, "entry")).toBe("3 entries");
    expect(pluralNoun("registry")).toBe("registries");
    expect(plural(2, "child", "children")).toBe("2 children");
  });
  it("groups large counts", () => {
    expect(plural(12_345, "line")).toBe("12,345 lines");
  });
});
