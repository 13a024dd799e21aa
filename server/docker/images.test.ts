import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { asHttpError } from "@/server/http/errors";
import { followTransfer, isTransferCancelled, splitRepoTag, withDefaultTag } from "./images";

const line = (o: object) => `${JSON.stringify(o)}\r\n`;

describe("followTransfer", () => {
  it("resolves with the final snapshot when the stream ends", async () => {
    const stream = new PassThrough();
    const done = followTransfer("local", stream, {});
    stream.write(line({ status: "Pulling from berth-e2e/x", id: "v1" }));
    stream.write(line({ status: "Downloading", id: "0123456789ab", progressDetail: { current: 5, total: 10 } }));
    stream.end(line({ status: "Download complete", id: "0123456789ab" }));
    await expect(done).resolves.toMatchObject({ layers: [{ id: "0123456789ab" }] });
  });

  it("rejects with the registry's words when Docker reports an error inside the 200 stream", async () => {
    const stream = new PassThrough();
    const done = followTransfer("local", stream, {});
    stream.end(line({ errorDetail: { message: "unauthorized: authentication required" }, error: "unauthorized: authentication required" }));
    const err = await done.catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "registry_error", message: "unauthorized: authentication required" });
    expect(asHttpError(err)?.status).toBe(502);
  });

  it("an abort destroys the stream and rejects as cancelled, not as a failure", async () => {
    const stream = new PassThrough();
    const abort = new AbortController();
    const done = followTransfer("local", stream, { signal: abort.signal });
    stream.write(line({ status: "Pushing", id: "0123456789ab", progressDetail: { current: 1, total: 10 } }));
    abort.abort();
    const err = await done.catch((e: unknown) => e);
    expect(isTransferCancelled(err)).toBe(true);
    expect(err).toMatchObject({ code: "cancelled", message: "Cancelled before it finished" });
    expect(asHttpError(err)?.status).toBe(499);
    expect(stream.destroyed).toBe(true);
  });

  it("a stream error after an abort is still a cancellation", async () => {
    const stream = new PassThrough();
    const abort = new AbortController();
    const done = followTransfer("local", stream, { signal: abort.signal });
    abort.abort();
    stream.emit("error", Object.assign(new Error("This operation was aborted"), { code: "ABORT_ERR" }));
    expect(isTransferCancelled(await done.catch((e: unknown) => e))).toBe(true);
  });

  it("an already aborted signal cancels at once", async () => {
    const abort = new AbortController();
    abort.abort();
    expect(isTransferCancelled(await followTransfer("local", new PassThrough(), { signal: abort.signal }).catch((e: unknown) => e))).toBe(true);
  });
});

describe("image references", () => {
  it("splits repo and tag, not a registry port", () => {
    expect(splitRepoTag("127.0.0.1:5001/team/app:v2")).toEqual({ repo: "127.0.0.1:5001/team/app", tag: "v2" });
    expect(splitRepoTag("127.0.0.1:5001/team/app")).toEqual({ repo: "127.0.0.1:5001/team/app", tag: "latest" });
  });
  it("adds :latest like docker pull", () => {
    expect(withDefaultTag("127.0.0.1:5000/app")).toBe("127.0.0.1:5000/app:latest");
    expect(withDefaultTag("app:1")).toBe("app:1");
  });
});
