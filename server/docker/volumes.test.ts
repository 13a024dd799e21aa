import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { asArchiveError, drainBody } from "./volumes";

describe("asArchiveError", () => {
  it("turns Docker's 500 for a corrupt upload into a 400 that blames the file", () => {
    const docker = Object.assign(new Error("Error processing tar file(exit status 1): archive/tar: invalid tar header"), { statusCode: 500 });
    expect(asArchiveError(docker)).toMatchObject({
      code: "invalid_archive",
      message: "The file is not a valid .tar or .tar.gz archive (Docker: Error processing tar file(exit status 1): archive/tar: invalid tar header).",
    });
  });
  it("leaves other failures alone", () => {
    const other = new Error("no space left on device");
    expect(asArchiveError(other)).toBe(other);
  });
});

describe("drainBody", () => {
  it("reads an upload to its end before the caller answers", async () => {
    const body = new PassThrough();
    let ended = false;
    const drained = drainBody(body).then(() => (ended = true));
    body.write(Buffer.alloc(64 * 1024));
    await new Promise((r) => setImmediate(r));
    expect(ended).toBe(false);
    body.end(Buffer.alloc(1024));
    await drained;
    expect(ended).toBe(true);
  });
  it("gives up after its time bound", async () => {
    const body = new PassThrough();
    await drainBody(body, 10);
    expect(body.destroyed).toBe(true);
  });
});
