import type { ImageTransferDone, ImageTransferKind, ImageTransferProgress } from "../socket-events";

/**
 * The life of one pull or push as the dialog shows it: starting (waiting for the ack) → running
 * (has an operation id; progress pushes; may be cancelling) → done (ok, failed or cancelled).
 * Pure, so the transitions — especially around cancel — are unit-tested.
 */
export type TransferState =
  | { readonly phase: "idle" }
  | { readonly phase: "starting"; readonly kind: ImageTransferKind; readonly ref: string }
  | {
      readonly phase: "running";
      readonly kind: ImageTransferKind;
      readonly ref: string;
      readonly operation: string;
      readonly progress?: ImageTransferProgress;
      /** Cancel was asked for; the server's `images:done` (cancelled) ends it. */
      readonly cancelling: boolean;
    }
  | {
      readonly phase: "done";
      readonly kind: ImageTransferKind;
      readonly ref: string;
      readonly progress?: ImageTransferProgress;
      readonly result: ImageTransferDone;
    };

export type TransferEvent =
  | { readonly type: "start"; readonly kind: ImageTransferKind; readonly ref: string }
  | { readonly type: "acked"; readonly operation: string }
  | { readonly type: "refused"; readonly message: string }
  | { readonly type: "progress"; readonly push: ImageTransferProgress }
  | { readonly type: "done"; readonly push: ImageTransferDone }
  | { readonly type: "cancel-requested" }
  | { readonly type: "cancel-failed" }
  | { readonly type: "reset" };

export const IDLE: TransferState = { phase: "idle" };

export function transferReducer(s: TransferState, e: TransferEvent): TransferState {
  switch (e.type) {
    case "start":
      return { phase: "starting", kind: e.kind, ref: e.ref };
    case "acked":
      return s.phase === "starting" ? { phase: "running", kind: s.kind, ref: s.ref, operation: e.operation, cancelling: false } : s;
    case "refused":
      return s.phase === "starting"
        ? { phase: "done", kind: s.kind, ref: s.ref, result: { operation: "", kind: s.kind, ref: s.ref, ok: false, error: e.message, status: "" } }
        : s;
    case "progress":
      // Pushes for another dialog's transfer (same socket) or a late one after "done" are not ours.
      return s.phase === "running" && e.push.operation === s.operation ? { ...s, progress: e.push } : s;
    case "done":
      return s.phase === "running" && e.push.operation === s.operation ? { phase: "done", kind: s.kind, ref: s.ref, progress: s.progress, result: e.push } : s;
    case "cancel-requested":
      return s.phase === "running" ? { ...s, cancelling: true } : s;
    case "cancel-failed":
      // Usually it finished first; its "done" arrives (or arrived) anyway.
      return s.phase === "running" ? { ...s, cancelling: false } : s;
    case "reset":
      return IDLE;
  }
}

/** True while the transfer has not ended: the dialog offers Cancel, not Pull/Push. */
export const isTransferBusy = (s: TransferState) => s.phase === "starting" || s.phase === "running";
