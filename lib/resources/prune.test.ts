import { describe, expect, it } from "vitest";
import { diskUsage, imagesToPrune, prunedImageIds, prunePreview, type DfDocument } from "./prune";

const df: DfDocument = {
  LayersSize: 1000,
  Images: [
    { Id: "sha256:aaa", RepoTags: ["app:1"], Size: 500, SharedSize: 100, Containers: 1 },
    { Id: "sha256:bbb", RepoTags: null, Size: 200, SharedSize: 0, Containers: 0 },
    { Id: "sha256:ccc", RepoTags: ["<none>:<none>"], Size: 50, SharedSize: 10, Containers: 0 },
    { Id: "sha256:ddd", RepoTags: ["old:1"], Size: 300, SharedSize: 100, Containers: 1 },
    { Id: "sha256:eee", RepoTags: ["unused:1"], Size: 70, SharedSize: 0, Containers: 0 },
  ],
  Containers: [
    { Id: "c1", Names: ["/web"], State: "running", SizeRw: 5, ImageID: "sha256:aaa" } as never,
    { Id: "c2", Names: ["/job"], State: "exited", SizeRw: 20, ImageID: "sha256:ddd" } as never,
  ],
  Volumes: [
    { Name: "data", UsageData: { Size: 4000, RefCount: 1 } },
    { Name: "orphan", UsageData: { Size: 900, RefCount: 0 } },
    { Name: "unknown", UsageData: { Size: -1, RefCount: 0 } },
  ],
  BuildCache: [
    { ID: "b1", Size: 60, InUse: false, Shared: false, Description: "mount" },
    { ID: "b2", Size: 40, InUse: true, Shared: false },
  ],
};

describe("image prune preview", () => {
  it("dangling: untagged images nothing uses, counting their own bytes only", () => {
    const p = imagesToPrune(df, "dangling");
    expect(p.items.map((i) => i.id)).toEqual(["sha256:bbb", "sha256:ccc"]);
    expect(p.bytes).toBe(200 + 40);
  });
  it("all: also tagged images without containers", () => {
    expect(imagesToPrune(df, "all").items.map((i) => i.id)).toEqual(["sha256:bbb", "sha256:ccc", "sha256:eee"]);
    expect(imagesToPrune(df, "none").count).toBe(0);
  });
});

describe("system prune preview", () => {
  it("sums each part and the total; unknown sizes count as 0", () => {
    const p = prunePreview(
      df,
      [
        { Id: "n1", Name: "bridge", containerCount: 0 },
        { Id: "n2", Name: "old-net", containerCount: 0 },
        { Id: "n3", Name: "used", containerCount: 2 },
      ],
      {
        containers: true,
        images: "all",
        networks: true,
        volumes: true,
        buildCache: true,
      },
    );
    expect(p.containers).toMatchObject({ count: 1, bytes: 20 });
    // The exited container's image becomes unused once the container is pruned.
    expect(p.images.items.map((i) => i.id)).toContain("sha256:ddd");
    expect(p.images.bytes).toBe(200 + 40 + 200 + 70);
    expect(p.volumes).toMatchObject({ count: 2, bytes: 900 });
    expect(p.buildCache).toMatchObject({ count: 1, bytes: 60 });
    expect(p.networks.items.map((n) => n.name)).toEqual(["old-net"]);
    expect(p.totalBytes).toBe(20 + 510 + 900 + 60);
  });
  it("leaves out what is not selected", () => {
    const p = prunePreview(df, [], { containers: false, images: "dangling", networks: false, volumes: false, buildCache: false });
    expect(p.containers.count).toBe(0);
    expect(p.images.items.map((i) => i.id)).not.toContain("sha256:ddd");
    expect(p.totalBytes).toBe(240);
  });
});

describe("disk usage table", () => {
  it("matches the CLI's columns", () => {
    const u = diskUsage(df);
    const row = (k: string) => u.rows.find((r) => r.kind === k)!;
    expect(row("images")).toMatchObject({ count: 5, active: 2, size: 1000, reclaimable: 200 });
    expect(row("containers")).toMatchObject({ count: 2, active: 1, size: 25, reclaimable: 20 });
    expect(row("volumes")).toMatchObject({ count: 3, active: 1, size: 4900, reclaimable: 900 });
    expect(row("buildCache")).toMatchObject({ count: 2, active: 1, size: 100, reclaimable: 60 });
    expect(u.totalReclaimable).toBe(200 + 20 + 900 + 60);
  });
});

describe("prunedImageIds", () => {
  it("counts deleted images, not their layers or untagged names", () => {
    // What Docker 20.10 answers for one imported one-layer image plus a re-tagged one.
    const deleted = [
      { Untagged: "app:old" },
      { Deleted: "sha256:img1" },
      { Deleted: "sha256:layer1" },
      { Deleted: "sha256:img2" },
      { Deleted: "sha256:layer2" },
    ];
    expect(prunedImageIds(deleted, new Set(["sha256:img1", "sha256:img2", "sha256:kept"]))).toEqual(["sha256:img1", "sha256:img2"]);
  });
  it("copes with Docker's null list", () => {
    expect(prunedImageIds(null, new Set(["sha256:x"]))).toEqual([]);
  });
});
