"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { getSocket } from "@/components/socket/socket-client";
import { imageKeys } from "@/lib/queries/images";
import type { ImageTransferDone, ImageTransferKind, ImageTransferProgress } from "@/lib/socket-events";

export type TransferState =
  | { phase: "idle" }
  | { phase: "starting"; kind: ImageTransferKind; ref: string }
  | { phase: "running"; kind: ImageTransferKind; ref: string; progress?: ImageTransferProgress }
  | { phase: "done"; kind: ImageTransferKind; ref: string; progress?: ImageTransferProgress; result: ImageTransferDone };

/**
 * Starts a pull or push over the socket and follows its progress pushes until the final
 * `images:done` (which carries the registry's error when the stream reported one).
 */
export function useImageTransfer(engine: string) {
  const qc = useQueryClient();
  const [state, setState] = useState<TransferState>({ phase: "idle" });
  const op = useRef<string | null>(null);

  useEffect(() => {
    const socket = getSocket();
    const onProgress = (p: ImageTransferProgress) => {
      if (p.operation !== op.current) return;
      setState((s) => (s.phase === "running" || s.phase === "starting" ? { phase: "running", kind: p.kind, ref: p.ref, progress: p } : s));
    };
    const onDone = (d: ImageTransferDone) => {
      if (d.operation !== op.current) return;
      op.current = null;
      setState((s) => ({ phase: "done", kind: d.kind, ref: d.ref, progress: s.phase === "running" ? s.progress : undefined, result: d }));
      void qc.invalidateQueries({ queryKey: imageKeys.list(engine) });
    };
    socket.on("images:progress", onProgress);
    socket.on("images:done", onDone);
    return () => {
      socket.off("images:progress", onProgress);
      socket.off("images:done", onDone);
    };
  }, [engine, qc]);

  const start = useCallback(
    (kind: ImageTransferKind, ref: string) => {
      const socket = getSocket();
      setState({ phase: "starting", kind, ref });
      socket.emit(kind === "pull" ? "images:pull" : "images:push", { engine, ref }, (res) => {
        if (res.ok) {
          op.current = res.data.operation;
          setState((s) => (s.phase === "starting" ? { phase: "running", kind, ref } : s));
        } else {
          setState({ phase: "done", kind, ref, result: { operation: "", kind, ref, ok: false, error: res.error.message, status: "" } });
        }
      });
    },
    [engine],
  );

  const reset = useCallback(() => {
    op.current = null;
    setState({ phase: "idle" });
  }, []);

  return { state, start, reset };
}
