import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TarReader, type TarHeader } from "./volumes-tar";

function tarOf(files: Record<string, string>): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-tar-"));
  for (const [name, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), body);
  }
  return execFileSync("tar", ["--format=pax", "-C", dir, "-cf", "-", "."]);
}

describe("TarReader", () => {
  it("lists entries and streams bodies in small chunks", () => {
    const long = "d/" + "x".repeat(150) + ".txt";
    const tar = tarOf({ "a.txt": "hello", [long]: "y".repeat(1000) });
    const entries: TarHeader[] = [];
    const bodies = new Map<string, string>();
    let current = "";
    const r = new TarReader({
      entry: (h) => {
        entries.push(h);
        current = h.name;
        bodies.set(current, "");
        return true;
      },
      body: (c) => bodies.set(current, bodies.get(current) + c.toString()),
    });
    for (let i = 0; i < tar.length; i += 7) r.write(tar.subarray(i, i + 7));
    expect(r.done).toBe(true);
    const names = entries.map((e) => e.name);
    expect(names).toContain("./a.txt");
    expect(names).toContain("./d/");
    expect(names).toContain("./" + long);
    expect(bodies.get("./a.txt")).toBe("hello");
    expect(bodies.get("./" + long)).toBe("y".repeat(1000));
    expect(entries.find((e) => e.name === "./d/")?.type).toBe("5");
  });
});
