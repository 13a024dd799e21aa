import { describe, expect, it } from "vitest";
import { gutterLabels } from "./gutter-labels";

describe("gutterLabels", () => {
  it("drops the prefix shared up to a separator", () => {
    expect(gutterLabels(["shop-api-1", "shop-worker-1"])).toEqual(["api-1", "worker-1"]);
    expect(gutterLabels(["app_web", "app_db", "app_cache"])).toEqual(["web", "db", "cache"]);
  });

  it("keeps names that share no prefix or only part of a word", () => {
    expect(gutterLabels(["demo-logger", "shop-api-1"])).toEqual(["demo-logger", "shop-api-1"]);
    expect(gutterLabels(["web1", "web2"])).toEqual(["web1", "web2"]);
  });

  it("leaves a single name alone and never produces an empty label", () => {
    expect(gutterLabels(["shop-api-1"])).toEqual(["shop-api-1"]);
    expect(gutterLabels(["shop-", "shop-api"])).toEqual(["shop-", "shop-api"]);
  });
});
