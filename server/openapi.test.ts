import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEPRECATED_ALIASES, openApiDocument, operationId, ROUTES } from "./openapi";

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
    const text = fs.readFileSync(file, "utf8");
    const reexported = [...text.matchAll(/export \{([^}]*)\} from/g)].flatMap((m) => m[1]!.split(",").map((s) => s.trim()));
    const methods = [
      ...[...text.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!),
      ...reexported.filter((s) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(s)),
    ].map((m) => m.toLowerCase());
    out.set(apiPath, methods.sort());
  }
  return out;
}

describe("OpenAPI document", () => {
  it("describes exactly the routes and methods that exist", () => {
    const files = routeFiles();
    expect(files.size).toBeGreaterThan(5);
    const documented = new Map(Object.entries(ROUTES).map(([p, ops]) => [p, Object.keys(ops).sort()]));
    for (const [alias, target] of Object.entries(DEPRECATED_ALIASES)) {
      // An alias answers the same methods as the path that replaces it, and is not documented itself.
      expect(files.get(alias), alias).toEqual(documented.get(target));
      expect(documented.has(alias), alias).toBe(false);
      documented.set(alias, documented.get(target)!);
    }
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(files));
  });
  it("gives every operation a unique camelCase operationId derived from its method and path", () => {
    const doc = openApiDocument();
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => (op as { operationId: string }).operationId));
    expect(ids.length).toBe(Object.values(ROUTES).reduce((n, ops) => n + Object.keys(ops).length, 0));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(?:[A-Z][a-z0-9]*)+$/);
    expect(operationId("get", "/api/v1/engines/{engine}/containers")).toBe("listContainers");
    expect(operationId("post", "/api/v1/engines/{engine}/containers")).toBe("createContainer");
    expect(operationId("get", "/api/v1/engines/{engine}/containers/{ref}")).toBe("getContainer");
    expect(operationId("post", "/api/v1/engines/{engine}/containers/{ref}/{action}")).toBe("postContainerAction");
    expect(operationId("delete", "/api/v1/registries/{id}")).toBe("deleteRegistry");
  });
  it("names its server relatively, so it holds wherever Berth is reached", () => {
    expect(openApiDocument().servers).toEqual([{ url: "/", description: "This Berth server" }]);
  });
  it("is OpenAPI 3.1 with a JSON schema for request bodies", () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    const login = doc.paths["/api/v1/auth/login"]!.post as { requestBody: { content: { "application/json": { schema: { properties: object } } } } };
    expect(Object.keys(login.requestBody.content["application/json"].schema.properties)).toEqual(["username", "password"]);
  });
});
