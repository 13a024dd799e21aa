import { describe, expect, it } from "vitest";
import type { ImageTransferDone, ImageTransferProgress } from "../socket-events";
import { IDLE, isTransferBusy, transferReducer, type TransferEvent, type TransferState } from "./transfer-state";

const progress = (operation: string): ImageTransferProgress => ({ operation, kind: "pull", ref: "a:1", layers: [], current: 1, total: 2, status: "" });
const done = (operation: string, extra: Partial<ImageTransferDone> = {}): ImageTransferDone => ({
  operation,
  kind: "pull",
  ref: "a:1",
  ok: true,
  status: "",
  ...extra,
});
const run = (...events: TransferEvent[]) => events.reduce<TransferState>(transferReducer, IDLE);

describe("transferReducer", () => {
  it("start → acked → progress → done", () => {
    const s = run({ type: "start", kind: "pull", ref: "a:1" }, { type: "acked", operation: "op1" }, { type: "progress", push: progress("op1") });
    expect(s).toMatchObject({ phase: "running", operation: "op1", cancelling: false, progress: { current: 1 } });
    expect(isTransferBusy(s)).toBe(true);
    const end = transferReducer(s, { type: "done", push: done("op1") });
    expect(end).toMatchObject({ phase: "done", progress: { current: 1 }, result: { ok: true } });
    expect(isTransferBusy(end)).toBe(false);
  });

  it("ignores pushes of another operation", () => {
    const s = run({ type: "start", kind: "pull", ref: "a:1" }, { type: "acked", operation: "op1" });
    expect(transferReducer(s, { type: "progress", push: progress("op2") })).toBe(s);
    expect(transferReducer(s, { type: "done", push: done("op2") })).toBe(s);
  });

  it("a refused start ends with the server's message", () => {
    expect(run({ type: "start", kind: "push", ref: "a:1" }, { type: "refused", message: "At most 4" })).toMatchObject({
      phase: "done",
      result: { ok: false, error: "At most 4" },
    });
  });

  it("cancel: cancelling until the server's cancelled done arrives", () => {
    const s = run({ type: "start", kind: "pull", ref: "a:1" }, { type: "acked", operation: "op1" }, { type: "cancel-requested" });
    expect(s).toMatchObject({ phase: "running", cancelling: true });
    expect(transferReducer(s, { type: "done", push: done("op1", { ok: false, cancelled: true, error: "Cancelled before it finished" }) })).toMatchObject({
      phase: "done",
      result: { cancelled: true },
    });
  });

  it("a cancel the server refused (it had finished) leaves the transfer to end normally", () => {
    const s = run({ type: "start", kind: "pull", ref: "a:1" }, { type: "acked", operation: "op1" }, { type: "cancel-requested" }, { type: "cancel-failed" });
    expect(s).toMatchObject({ phase: "running", cancelling: false });
    expect(transferReducer(run({ type: "start", kind: "pull", ref: "a:1" }), { type: "cancel-requested" })).toMatchObject({ phase: "starting" });
  });

  it("a late cancel-failed after done changes nothing", () => {
    const s = run({ type: "start", kind: "pull", ref: "a:1" }, { type: "acked", operation: "op1" }, { type: "done", push: done("op1") });
    expect(transferReducer(s, { type: "cancel-failed" })).toBe(s);
    expect(transferReducer(s, { type: "reset" })).toEqual(IDLE);
  });
});
