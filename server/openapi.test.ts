import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument, ROUTES } from "./openapi";

/** Every app/api route file, as an OpenAPI path with its exported HTTP methods. */
function routeFiles(dir = path.join(__dirname, "../app")): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.name !== "route.ts") continue;
    const file = path.join(entry.parentPath, entry.name);
    const rel = path.relative(path.join(__dirname, "../app"), path.dirname(file));
    const apiPath =
      "/" +
      rel
        .split(path.sep)
        .map((s) => s.replace(/^\[(.+)\]$/, "{$1}"))
        .join("/");
    const methods = [...fs.readFileSync(file, "utf8").matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) =>
      m[1]!.toLowerCase(),
    );
    out.set(apiPath, methods.sort());
  }
  return out;
}

describe("OpenAPI document", () => {
  it("describes exactly the routes and methods that exist", () => {
    const files = routeFiles();
    expect(files.size).toBeGreaterThan(5);
    const documented = new Map(Object.entries(ROUTES).map(([p, ops]) => [p, Object.keys(ops).sort()]));
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(files));
  });
  it("is OpenAPI 3.1 with a JSON schema for request bodies", () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    const login = doc.paths["/api/v1/auth/login"]!.post as { requestBody: { content: { "application/json": { schema: { properties: object } } } } };
    expect(Object.keys(login.requestBody.content["application/json"].schema.properties)).toEqual(["username", "password"]);
  });
});
