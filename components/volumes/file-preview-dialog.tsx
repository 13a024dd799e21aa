"use client";

import { Download } from "lucide-react";
import { useEffect, useState } from "react";
import { errorMessage } from "@/components/resources/use-run";
import { buttonClasses } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiError } from "@/lib/api-client";
import { formatBytes } from "@/lib/format";

/** Bytes read for a preview: enough for configs and logs, small enough for the page. */
export const PREVIEW_LIMIT = 256 * 1024;

type Preview = { kind: "text"; text: string; truncated: boolean } | { kind: "binary" } | { kind: "error"; message: string };

/** Reads at most `limit` bytes of the file and decides whether it is text (UTF-8 without NUL bytes). */
async function readPreview(url: string, limit: number, signal: AbortSignal): Promise<Preview> {
  const res = await fetch(url, { credentials: "same-origin", signal });
  if (!res.ok) {
    const body = (await res.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
    throw new ApiError(res.status, body?.error?.code ?? "http_error", body?.error?.message ?? `The server answered ${res.status}.`);
  }
  const reader = res.body!.getReader();
  const chunks: Uint8Array[] = [];
  let read = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    read += value.byteLength;
    if (read >= limit) {
      truncated = true;
      void reader.cancel();
      break;
    }
  }
  const bytes = new Uint8Array(Math.min(read, limit));
  let at = 0;
  for (const c of chunks) {
    const part = c.subarray(0, Math.min(c.byteLength, bytes.byteLength - at));
    bytes.set(part, at);
    at += part.byteLength;
    if (at >= bytes.byteLength) break;
  }
  if (bytes.includes(0)) return { kind: "binary" };
  try {
    // `stream: true` tolerates a character cut at the preview limit; anything else invalid is binary.
    return { kind: "text", text: new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: truncated }), truncated };
  } catch {
    return { kind: "binary" };
  }
}

/** Opens a file of a volume: a text preview (the first 256 KiB), or a download for binary files. */
export function FilePreviewDialog({ url, path, fileName, size, onClose }: { url: string; path: string; fileName: string; size: number; onClose: () => void }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  useEffect(() => {
    const ac = new AbortController();
    readPreview(url, PREVIEW_LIMIT, ac.signal).then(setPreview, (e) => !ac.signal.aborted && setPreview({ kind: "error", message: errorMessage(e) }));
    return () => ac.abort();
  }, [url]);
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent title={<span className="font-mono break-all">{path}</span>} description={`${formatBytes(size)} · read-only`} className="!max-w-3xl">
        {preview === null ? (
          <Skeleton className="h-40 w-full" />
        ) : preview.kind === "text" ? (
          <>
            <pre
              data-testid="file-preview"
              className="max-h-[52vh] overflow-auto rounded-md border border-line bg-surface-2 p-3 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-fg"
            >
              {preview.text || <span className="text-muted">(empty file)</span>}
            </pre>
            {preview.truncated && (
              <p className="mt-2 text-[13px] text-muted">
                Showing the first {formatBytes(PREVIEW_LIMIT)} of {formatBytes(size)}: download the file for the rest.
              </p>
            )}
          </>
        ) : preview.kind === "binary" ? (
          <p className="text-[13px] text-muted" data-testid="file-preview-binary">
            This file is not text, so it cannot be shown here. Download it to open it.
          </p>
        ) : (
          <p className="text-[13px] text-danger" role="alert">
            {preview.message}
          </p>
        )}
        <DialogFooter>
          <a href={url} download={fileName} className={buttonClasses("secondary")} data-testid="file-download">
            <Download /> Download
          </a>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
