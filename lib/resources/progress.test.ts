import { describe, expect, it } from "vitest";
import { JsonLineSplitter, ProgressTracker, type DockerProgressLine } from "./progress";

const A = "a1b2c3d4e5f6";
const B = "0123456789ab";

describe("ProgressTracker", () => {
  it("sums per-layer download progress and finishes layers", () => {
    const t = new ProgressTracker();
    const lines: DockerProgressLine[] = [
      { status: "Pulling from library/nginx", id: "latest" },
      { status: "Pulling fs layer", id: A },
      { status: "Pulling fs layer", id: B },
      { status: "Downloading", id: A, progressDetail: { current: 100, total: 1000 } },
      { status: "Downloading", id: B, progressDetail: { current: 50, total: 200 } },
    ];
    lines.forEach((l) => t.apply(l));
    let s = t.snapshot();
    expect(s.total).toBe(1200);
    expect(s.current).toBe(150);
    expect(s.status).toBe("Pulling from library/nginx");
    t.apply({ status: "Download complete", id: A });
    t.apply({ status: "Extracting", id: A, progressDetail: { current: 10, total: 1000 } });
    s = t.snapshot();
    expect(s.current).toBe(1050);
    expect(s.layers.find((l) => l.id === A)?.phase).toBe("extracting");
    t.apply({ status: "Pull complete", id: A });
    t.apply({ status: "Already exists", id: B });
    t.apply({ status: "Digest: sha256:" + "f".repeat(64) });
    t.apply({ status: "Status: Downloaded newer image for nginx:latest" });
    s = t.snapshot();
    expect(s.current).toBe(s.total);
    expect(s.layers.every((l) => l.phase === "done")).toBe(true);
    expect(s.digest).toBe("sha256:" + "f".repeat(64));
    expect(s.status).toMatch(/Downloaded newer image/);
    expect(s.error).toBeUndefined();
  });

  it("keeps the error Docker puts inside a 200 stream", () => {
    const t = new ProgressTracker();
    t.apply({ status: "Pulling from x/y", id: "1" });
    t.apply({ error: "manifest unknown", errorDetail: { message: "manifest for x/y:1 not found: manifest unknown" } });
    expect(t.snapshot().error).toBe("manifest for x/y:1 not found: manifest unknown");
  });

  it("tracks pushes, including layers that already exist and the aux digest", () => {
    const t = new ProgressTracker();
    t.apply({ status: "The push refers to repository [127.0.0.1:5000/x]" });
    t.apply({ status: "Preparing", id: A });
    t.apply({ status: "Pushing", id: A, progressDetail: { current: 512, total: 2048 } });
    expect(t.snapshot()).toMatchObject({ current: 512, total: 2048 });
    t.apply({ status: "Pushed", id: A });
    t.apply({ status: "1: digest: sha256:" + "a".repeat(64) + " size: 527" });
    t.apply({ aux: { Tag: "1", Digest: "sha256:" + "b".repeat(64), Size: 527 } });
    const s = t.snapshot();
    expect(s.current).toBe(2048);
    expect(s.layers[0]?.phase).toBe("done");
    expect(s.digest).toBe("sha256:" + "b".repeat(64));
  });

  it("never reports more than the total for a layer", () => {
    const t = new ProgressTracker();
    t.apply({ status: "Downloading", id: A, progressDetail: { current: 5000, total: 1000 } });
    expect(t.snapshot()).toMatchObject({ current: 1000, total: 1000 });
  });
});

describe("JsonLineSplitter", () => {
  it("joins lines split across chunks and skips junk", () => {
    const got: DockerProgressLine[] = [];
    const s = new JsonLineSplitter((l) => got.push(l));
    s.write('{"status":"a"}\n{"sta');
    s.write('tus":"b"}\nnot json\n{"status":"c"}');
    s.end();
    expect(got.map((g) => g.status)).toEqual(["a", "b", "c"]);
  });
});
