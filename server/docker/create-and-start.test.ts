import type Docker from "dockerode";
import { describe, expect, it } from "vitest";
import type { Engine } from "./engines";
import { createAndStart } from "./create-and-start";

/** An engine whose create succeeds and whose start answers as told; it records removals. */
function fakeEngine(start: () => Promise<void>, remove: () => Promise<void> = async () => undefined) {
  const removed: string[] = [];
  const container = {
    id: "0123456789abcdef0123",
    start,
    remove: async () => {
      await remove();
      removed.push("0123456789abcdef0123");
    },
  };
  const engine = { id: "local", noteFailure() {}, docker: { createContainer: async () => container } } as unknown as Engine;
  return { engine, removed };
}

const portTaken = () =>
  Promise.reject(Object.assign(new Error("port is already allocated"), { statusCode: 500, json: { message: "port is already allocated" } }));

describe("createAndStart", () => {
  it("returns the started container", async () => {
    const { engine, removed } = fakeEngine(async () => undefined);
    const r = await createAndStart(engine, { Image: "x" } as Docker.ContainerCreateOptions);
    expect(r.started).toBe(true);
    expect(removed).toEqual([]);
  });

  it("removes the created container when the start fails, and says so", async () => {
    const { engine, removed } = fakeEngine(portTaken);
    await expect(createAndStart(engine, { Image: "x" } as Docker.ContainerCreateOptions)).rejects.toMatchObject({
      code: "engine_error",
      message: "The container was created but did not start, so it was removed again: port is already allocated",
    });
    expect(removed).toEqual(["0123456789abcdef0123"]);
  });

  it("keeps it on request and names it", async () => {
    const { engine, removed } = fakeEngine(portTaken);
    await expect(createAndStart(engine, { Image: "x" } as Docker.ContainerCreateOptions, { keepOnStartFailure: true })).rejects.toMatchObject({
      message: 'The container 0123456789ab was created but did not start: port is already allocated. It was kept (state "created").',
    });
    expect(removed).toEqual([]);
  });

  it("reports a removal that failed too, so nothing is left behind silently", async () => {
    const { engine } = fakeEngine(portTaken, () => Promise.reject(Object.assign(new Error("engine gone"), { statusCode: 500 })));
    await expect(createAndStart(engine, { Image: "x" } as Docker.ContainerCreateOptions)).rejects.toMatchObject({
      message: expect.stringContaining("0123456789ab was created but did not start (port is already allocated), and removing it failed too"),
    });
  });
});
