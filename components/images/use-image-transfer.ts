"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useReducer } from "react";
import { getSocket } from "@/components/socket/socket-client";
import { imageKeys } from "@/lib/queries/images";
import { IDLE, transferReducer, type TransferState } from "@/lib/resources/transfer-state";
import type { ImageTransferDone, ImageTransferKind, ImageTransferProgress } from "@/lib/socket-events";

export type { TransferState };

/**
 * Starts a pull or push over the socket and follows its progress pushes until the final
 * `images:done` (which carries the registry's error when the stream reported one, or
 * `cancelled` after `cancel()`).
 */
export function useImageTransfer(engine: string) {
  const qc = useQueryClient();
  const [state, dispatch] = useReducer(transferReducer, IDLE);

  useEffect(() => {
    const socket = getSocket();
    // The reducer keeps only the pushes of this dialog's operation.
    const onProgress = (push: ImageTransferProgress) => dispatch({ type: "progress", push });
    const onDone = (push: ImageTransferDone) => dispatch({ type: "done", push });
    socket.on("images:progress", onProgress);
    socket.on("images:done", onDone);
    return () => {
      socket.off("images:progress", onProgress);
      socket.off("images:done", onDone);
    };
  }, []);

  // A finished pull (even a cancelled one may have landed layers) changes the list.
  const finished = state.phase === "done" ? state.result.operation : null;
  useEffect(() => {
    if (finished) void qc.invalidateQueries({ queryKey: imageKeys.list(engine) });
  }, [finished, engine, qc]);

  const start = useCallback(
    (kind: ImageTransferKind, ref: string) => {
      dispatch({ type: "start", kind, ref });
      getSocket().emit(kind === "pull" ? "images:pull" : "images:push", { engine, ref }, (res) =>
        dispatch(res.ok ? { type: "acked", operation: res.data.operation } : { type: "refused", message: res.error.message }),
      );
    },
    [engine],
  );

  const operation = state.phase === "running" && !state.cancelling ? state.operation : null;
  const cancel = useCallback(() => {
    if (!operation) return;
    dispatch({ type: "cancel-requested" });
    getSocket().emit("images:cancel", { operation }, (res) => {
      if (!res.ok) dispatch({ type: "cancel-failed" });
    });
  }, [operation]);

  const reset = useCallback(() => dispatch({ type: "reset" }), []);

  return { state, start, cancel, reset };
}
