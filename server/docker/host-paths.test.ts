import { describe, expect, it } from "vitest";
import { helperPathsAsVolumePaths, withoutHostPaths } from "./host-paths";

describe("withoutHostPaths", () => {
  it("hides the engine's storage folders", () => {
    const m = "lstat /var/lib/docker/overlay2/3f2a9c0d1e4b5a6978a0b1c2d3e4f5a6/merged/v/a.txt: not a directory";
    expect(withoutHostPaths(m)).toBe("lstat (engine storage): not a directory");
    expect(withoutHostPaths("open /srv/docker-root/volumes/0123456789abcdef0123/_data/x: permission denied")).toBe("open (engine storage): permission denied");
  });
  it("hides a configured data root", () => {
    expect(withoutHostPaths("mkdir /data/engine2/tmp/x: no space left on device", ["/data/engine2"])).toBe(
      "mkdir (engine storage)/tmp/x: no space left on device",
    );
  });
  it("shows helper paths relative to the volume", () => {
    expect(helperPathsAsVolumePaths("Could not find the file /v/missing in container berth-helper-1")).toBe(
      "Could not find the file /missing in container berth-helper-1",
    );
    expect(helperPathsAsVolumePaths("stat /v: no such file")).toBe("stat /: no such file");
  });
  it("leaves other text alone", () => {
    expect(withoutHostPaths("No such volume: data-1")).toBe("No such volume: data-1");
  });
});
