import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EngineError } from "@/server/docker/errors";
import { asHttpError, HttpError } from "./errors";

describe("asHttpError: the status of an engine failure is chosen at the edge", () => {
  it("maps an EngineError with a field to its status and keeps the field", () => {
    const e = new EngineError("invalid_input", "Path /d/a.txt is a file, not a folder.", "local", "path");
    expect(asHttpError(e)).toMatchObject({ status: 400, code: "invalid_input", message: "Path /d/a.txt is a file, not a folder.", field: "path" });
    expect(asHttpError(new EngineError("conflict", "A volume named v already exists", "local", "name"))).toMatchObject({ status: 409, field: "name" });
  });

  it("maps the codes server/docker uses without an engine at hand", () => {
    expect(asHttpError(new EngineError("invalid_archive", "The file is empty", ""))).toMatchObject({ status: 400, code: "invalid_archive" });
    expect(asHttpError(new EngineError("payload_too_large", "The archive is larger", ""))).toMatchObject({ status: 413, code: "payload_too_large" });
    expect(asHttpError(new EngineError("credential_unreadable", "cannot be decrypted", ""))).toMatchObject({ status: 500, code: "credential_unreadable" });
    expect(asHttpError(new EngineError("not_found", "No registry credential 3", ""))).toMatchObject({ status: 404, code: "not_found" });
    expect(asHttpError(new EngineError("engine_error", "no details", "local"))?.field).toBeUndefined();
  });

  it("passes an HttpError through unchanged", () => {
    const e = new HttpError(429, "too_many_transfers", "slow down");
    expect(asHttpError(e)).toBe(e);
    expect(asHttpError(new Error("other"))).toBeUndefined();
  });
});

describe("server/docker chooses no HTTP status", () => {
  it("no server/docker module (tests excepted) imports HttpError, badRequest, notFound or conflict from server/http/errors", () => {
    const dir = path.join(__dirname, "..", "docker");
    const offenders: string[] = [];
    for (const file of fs.readdirSync(dir)) {
      if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file)) continue;
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      for (const m of text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*["'](?:@\/server\/http\/errors|(?:\.\.\/)+http\/errors)["']/g)) {
        const names = m[1]!.split(",").map(
          (n) =>
            n
              .trim()
              .replace(/^type\s+/, "")
              .split(/\s+as\s+/)[0],
        );
        for (const n of names) if (["HttpError", "badRequest", "notFound", "conflict"].includes(n!)) offenders.push(`${file}: ${n}`);
      }
      if (/new HttpError\(/.test(text)) offenders.push(`${file}: new HttpError`);
    }
    expect(offenders).toEqual([]);
  });
});
