"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import { errorMessage, runWithToast } from "@/components/resources/use-run";
import { ApiError } from "@/lib/api-client";
import { formatBytes } from "@/lib/format";
import { volumeUrl } from "@/lib/queries/volumes";
import { objectNameSchema } from "@/lib/schemas";
import { issueSentence } from "@/lib/zod-messages";

/**
 * Uploads with XMLHttpRequest: fetch cannot report upload progress. Resolves with the API's JSON or
 * rejects with an ApiError carrying the server's own message (a plain Error would read as a network error).
 */
function upload(url: string, file: File, onProgress: (sent: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("content-type", "application/gzip");
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      let body: { error?: { code?: string; message?: string } } | undefined;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, body?.error?.code ?? "http_error", body?.error?.message ?? `The server answered ${xhr.status} ${xhr.statusText}.`));
    };
    xhr.onerror = () => reject(new Error("the upload did not reach the server"));
    xhr.send(file);
  });
}

/** Restore a `.tar.gz` backup into a new volume (or an existing empty one), with upload progress. */
export function RestoreDialog({
  engine,
  initialName = "",
  onClose,
  onDone,
}: {
  engine: string;
  initialName?: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const [name, setName] = useState(initialName);
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = sent !== null;
  return (
    <Dialog open onOpenChange={(o) => !o && !busy && onClose()}>
      <DialogContent
        title="Restore a volume backup"
        description="Into a new volume, or an existing one that is empty. A volume created here is removed again if the restore fails."
      >
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            const parsed = objectNameSchema.safeParse(name);
            if (!parsed.success) return setError(issueSentence({ ...parsed.error.issues[0]!, path: ["targetVolume"] }));
            if (!file) return setError("Choose a .tar.gz file.");
            setError(null);
            setSent(0);
            upload(`${volumeUrl(engine, parsed.data)}/restore?create=true`, file, setSent).then(
              () => {
                setSent(null);
                void runWithToast(`restore-${parsed.data}`, async () => parsed.data, { success: () => `Restored into volume ${parsed.data}`, failure: "" });
                onDone();
                onClose();
              },
              (err) => {
                // The dialog stays open with the server's reason, so the user can pick another target or file.
                setSent(null);
                setError(`Restore into ${parsed.data} failed: ${errorMessage(err)}`);
                onDone();
              },
            );
          }}
        >
          <Field label="Target volume" htmlFor="restore-name" hint="Created when it does not exist">
            <Input id="restore-name" data-testid="restore-name" value={name} onChange={(e) => setName(e.target.value)} disabled={busy} />
          </Field>
          <Field label="Backup file (.tar.gz or .tar)" htmlFor="restore-file">
            <input
              id="restore-file"
              data-testid="restore-file"
              type="file"
              accept=".gz,.tgz,.tar,application/gzip,application/x-tar"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              disabled={busy}
              className="text-[13px]"
            />
          </Field>
          {busy && file && (
            <div data-testid="restore-progress">
              <div className="mb-1 flex justify-between text-xs text-muted tabular">
                <span>{sent! < file.size ? "Uploading…" : "Unpacking in the helper container…"}</span>
                <span>
                  {formatBytes(sent!)} / {formatBytes(file.size)}
                </span>
              </div>
              <div className="h-1.5 overflow-hidden rounded-full bg-surface-2">
                <div className="h-full bg-accent transition-[width]" style={{ width: `${file.size ? Math.min(100, (sent! / file.size) * 100) : 100}%` }} />
              </div>
            </div>
          )}
          {error && (
            <p className="text-[13px] text-danger" role="alert" data-testid="restore-error">
              {error}
            </p>
          )}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" disabled={busy}>
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" data-testid="restore-submit" disabled={busy}>
              Restore
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
