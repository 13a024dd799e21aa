import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HELPER_LAYER, helperImageTar, helperNonce, isHelperImage, isOwnHelper, looksLikeHelper } from "./helper-image";

describe("helper image", () => {
  it("is a valid tar with the mount folder only, the same bytes every time", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "berth-helper-")), "l.tar");
    fs.writeFileSync(file, helperImageTar());
    expect(execFileSync("tar", ["-tvf", file]).toString()).toMatch(/^drwxr-xr-x .* v\/\n$/);
    expect(helperImageTar().equals(helperImageTar())).toBe(true);
    expect(HELPER_LAYER).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("is recognised by its label and its one layer, not by its name", () => {
    expect(isHelperImage({ Config: { Labels: { "berth.helper": "image" } } as never, RootFS: { Type: "layers", Layers: [HELPER_LAYER] } })).toBe(true);
    // Someone tagged another image berth-helper:1, or copied the label.
    expect(isHelperImage({ Config: { Labels: { "berth.helper": "image" } } as never, RootFS: { Type: "layers", Layers: ["sha256:" + "0".repeat(64)] } })).toBe(
      false,
    );
    expect(isHelperImage({ Config: { Labels: {} } as never, RootFS: { Type: "layers", Layers: [HELPER_LAYER] } })).toBe(false);
  });
});

describe("isOwnHelper (what the sweep may remove)", () => {
  const name = "berth-helper-0123456789abcdef";
  const own = { Names: [`/${name}`], Labels: { "berth.helper": "1", "berth.helper.nonce": helperNonce(name) }, ImageID: "sha256:helper", State: "created" };
  it("accepts Berth's own never-started helper", () => expect(isOwnHelper(own, "sha256:helper")).toBe(true));
  it("refuses a container that only carries the label", () => {
    expect(isOwnHelper({ ...own, Labels: { "berth.helper": "1" } }, "sha256:helper")).toBe(false);
    expect(
      isOwnHelper({ ...own, Names: ["/my-database"], Labels: { "berth.helper": "1", "berth.helper.nonce": helperNonce("my-database") } }, "sha256:helper"),
    ).toBe(false);
  });
  it("refuses a forged nonce, another image, or a container that ran", () => {
    expect(isOwnHelper({ ...own, Labels: { ...own.Labels, "berth.helper.nonce": "0".repeat(64) } }, "sha256:helper")).toBe(false);
    expect(isOwnHelper({ ...own, ImageID: "sha256:busybox" }, "sha256:helper")).toBe(false);
    expect(isOwnHelper({ ...own, State: "running" }, "sha256:helper")).toBe(false);
    expect(isOwnHelper(own, undefined)).toBe(false);
  });
});

describe("looksLikeHelper (lists leave Berth's helpers out)", () => {
  const name = "berth-helper-fedcba9876543210";
  it("hides a helper with its nonce, not a container with the label alone", () => {
    expect(looksLikeHelper({ Names: [`/${name}`], Labels: { "berth.helper": "1", "berth.helper.nonce": helperNonce(name) } })).toBe(true);
    expect(looksLikeHelper({ Names: ["/db"], Labels: { "berth.helper": "1" } })).toBe(false);
    expect(looksLikeHelper({ Names: [`/${name}`], Labels: { "berth.helper": "1" } })).toBe(false);
  });
});
