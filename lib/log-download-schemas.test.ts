import { describe, expect, it } from "vitest";
import { logsDownloadQuerySchema, MAX_MERGED_LOG_CONTAINERS, mergedLogsQuerySchema } from "./schemas";

describe("log download query", () => {
  it("defaults to what docker logs prints: no timestamps, no labels", () => {
    expect(logsDownloadQuerySchema.parse({})).toMatchObject({ timestamps: false, labels: false, stdout: true, stderr: true });
    expect(logsDownloadQuerySchema.parse({ timestamps: "true", labels: "1" })).toMatchObject({ timestamps: true, labels: true });
  });
});

describe("merged log download query", () => {
  const message = (input: Record<string, string>) => {
    const r = mergedLogsQuerySchema.safeParse(input);
    return r.success ? null : `${r.error.issues[0]!.path.join(".")}: ${r.error.issues[0]!.message}`;
  };

  it("takes a comma-separated list of containers", () => {
    expect(mergedLogsQuerySchema.parse({ containers: "web, worker,,db" }).containers).toEqual(["web", "worker", "db"]);
  });

  it("refuses a missing, empty, bad or too long list with a sentence naming the field", () => {
    expect(message({})).toMatch(/^containers: Name the containers/);
    expect(message({ containers: " , " })).toMatch(/^containers: Name at least one container/);
    expect(message({ containers: "web,no spaces" })).toMatch(/^containers\.1: /);
    const many = Array.from({ length: MAX_MERGED_LOG_CONTAINERS + 1 }, (_, i) => `c${i}`).join(",");
    expect(message({ containers: many })).toBe(
      `containers: A merged download takes at most ${MAX_MERGED_LOG_CONTAINERS} containers; download the rest separately.`,
    );
    expect(mergedLogsQuerySchema.safeParse({ containers: many.split(",").slice(0, MAX_MERGED_LOG_CONTAINERS).join(",") }).success).toBe(true);
  });
});
