import { describe, expect, it } from "vitest";
import { nextSort, sortRows } from "./sort";

const rows = [
  { name: "b", cpu: 5 as number | null },
  { name: "a", cpu: 50 as number | null },
  { name: "c", cpu: null as number | null },
  { name: "d", cpu: 5 as number | null },
];

describe("sortRows", () => {
  it("sorts numbers descending with missing values last and name tie-breaks", () => {
    expect(sortRows(rows, "cpu", "desc").map((r) => r.name)).toEqual(["a", "b", "d", "c"]);
  });
  it("sorts ascending with missing values still last", () => {
    expect(sortRows(rows, "cpu", "asc").map((r) => r.name)).toEqual(["b", "d", "a", "c"]);
  });
  it("sorts strings", () => {
    expect(sortRows(rows, "name", "desc").map((r) => r.name)).toEqual(["d", "c", "b", "a"]);
  });
  it("does not mutate its input", () => {
    const copy = rows.slice();
    sortRows(rows, "cpu", "asc");
    expect(rows).toEqual(copy);
  });
});

describe("nextSort", () => {
  it("toggles the direction on the same column", () => {
    expect(nextSort({ key: "cpu", dir: "desc" }, "cpu", true)).toEqual({ key: "cpu", dir: "asc" });
  });
  it("starts numeric columns descending and text columns ascending", () => {
    expect(nextSort({ key: "name", dir: "asc" }, "cpu", true)).toEqual({ key: "cpu", dir: "desc" });
    expect(nextSort({ key: "cpu", dir: "desc" }, "name", false)).toEqual({ key: "name", dir: "asc" });
  });
});
