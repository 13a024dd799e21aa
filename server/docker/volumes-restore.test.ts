import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ArchiveChecker, checkArchive, spoolUpload } from "./volumes-restore";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "berth-restore-"));

function judge(entries: { name: string; type?: string; linkname?: string }[]): (string | null)[] {
  const c = new ArchiveChecker();
  return entries.map((e) => c.check({ type: "0", linkname: "", ...e }));
}

describe("ArchiveChecker", () => {
  it("accepts what a backup holds: the root, folders, files, links inside", () => {
    expect(
      judge([
        { name: "./", type: "5" },
        { name: "./sub/", type: "5" },
        { name: "./sub/a.txt" },
        { name: "./sub/ln", type: "2", linkname: "a.txt" },
        { name: "./up", type: "2", linkname: "sub/../sub/a.txt" },
        { name: "./hard", type: "1", linkname: "./sub/a.txt" },
      ]),
    ).toEqual([null, null, null, null, null, null]);
  });
  it.each([
    [{ name: "/etc/passwd" }, /absolute path/],
    [{ name: "../x" }, /climbs out/],
    [{ name: "a/../../x" }, /climbs out/],
    [{ name: "l", type: "2", linkname: "/etc" }, /absolute path, outside the volume/],
    [{ name: "a/l", type: "2", linkname: "../../etc" }, /points outside the volume/],
    [{ name: "h", type: "1", linkname: "../x" }, /hard link .* outside/],
    [{ name: "h", type: "1", linkname: "/etc/shadow" }, /hard link .* outside/],
    [{ name: "dev", type: "3" }, /device file/],
  ])("refuses %o", (entry, why) => {
    expect(judge([entry])[0]).toMatch(why);
  });
  it("refuses an entry written through a link an earlier entry made", () => {
    expect(judge([{ name: "l", type: "2", linkname: "sub" }, { name: "l/x" }])[1]).toMatch(/through the link l/);
    expect(judge([{ name: "./l", type: "2", linkname: "." }, { name: "./l/x/y" }])[1]).toMatch(/through the link l/);
    expect(
      judge([
        { name: "l", type: "2", linkname: "sub" },
        { name: "h", type: "1", linkname: "l/x" },
      ])[1],
    ).toMatch(/through a link/);
    // A folder of that name replacing the link makes later entries fine again.
    expect(judge([{ name: "l", type: "2", linkname: "sub" }, { name: "l/", type: "5" }, { name: "l/x" }])).toEqual([null, null, null]);
  });
});

function tarOf(dir: string, args: string[] = []): string {
  const out = path.join(tmp(), "a.tar" + (args.includes("-z") ? ".gz" : ""));
  execFileSync("tar", [...args, "-cf", out, "-C", dir, "."]);
  return out;
}

describe("checkArchive", () => {
  const src = tmp();
  fs.mkdirSync(path.join(src, "sub"));
  fs.writeFileSync(path.join(src, "sub", "a.txt"), "hello");
  fs.symlinkSync("a.txt", path.join(src, "sub", "ln"));

  it("reads a tar and a tar.gz to the end", async () => {
    expect((await checkArchive(tarOf(src), false)).entries).toBe(4);
    expect((await checkArchive(tarOf(src, ["-z"]), true)).entries).toBe(4);
  });
  it("refuses a file that is not a tar, or one cut short", async () => {
    const junk = path.join(tmp(), "junk");
    fs.writeFileSync(junk, "this is not a tar archive\n".repeat(100));
    await expect(checkArchive(junk, false)).rejects.toMatchObject({
      code: "invalid_archive",
      message: expect.stringContaining("invalid tar header"),
    });
    const cut = path.join(tmp(), "cut");
    fs.writeFileSync(cut, fs.readFileSync(tarOf(src)).subarray(0, 512 + 100));
    await expect(checkArchive(cut, false)).rejects.toMatchObject({ code: "invalid_archive", message: expect.stringContaining("ends in the middle") });
  });
  it("names the entry that would escape", async () => {
    const evil = tmp();
    fs.symlinkSync("/etc", path.join(evil, "etc"));
    await expect(checkArchive(tarOf(evil), false)).rejects.toMatchObject({
      code: "invalid_archive",
      message: expect.stringMatching(/link "\.\/etc" points to an absolute path/),
    });
  });
});

describe("spoolUpload", () => {
  it("writes the upload to a private file and tells gzip apart", async () => {
    const gz = await spoolUpload(Readable.from([Buffer.from([0x1f, 0x8b, 8, 0])]), tmp());
    expect(gz).toMatchObject({ size: 4, gzip: true });
    expect(fs.statSync(gz.file).mode & 0o777).toBe(0o600);
  });
  it("refuses an upload past the cap (413) and leaves no file", async () => {
    const dir = tmp();
    const body = new PassThrough();
    const spooled = spoolUpload(body, dir, 1000);
    body.end(Buffer.alloc(5000));
    await expect(spooled).rejects.toMatchObject({ code: "payload_too_large" });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
