"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/input";
import { imageRefSchema } from "@/lib/schemas";
import { TransferProgress } from "./transfer-progress";
import { isTransferBusy } from "@/lib/resources/transfer-state";
import { useImageTransfer, type TransferState } from "./use-image-transfer";
import { issueSentence } from "@/lib/zod-messages";
import { plural } from "@/lib/plural";

/** Stops the running pull or push (the server aborts the Docker request). */
function CancelTransferButton({ state, onCancel }: { state: TransferState; onCancel: () => void }) {
  const cancelling = state.phase === "running" && state.cancelling;
  const noun = state.phase === "starting" || state.phase === "running" ? state.kind : "transfer";
  return (
    <Button type="button" variant="danger" data-testid="transfer-cancel" disabled={state.phase !== "running" || cancelling} onClick={onCancel}>
      {cancelling ? "Cancelling…" : `Cancel ${noun}`}
    </Button>
  );
}

/** Pull `image[:tag]` from any registry, with per-layer progress; saved credentials are used automatically. */
export function PullDialog({
  engine,
  open,
  onOpenChange,
  initialRef = "",
}: {
  engine: string;
  open: boolean;
  onOpenChange: (o: boolean) => void;
  initialRef?: string;
}) {
  const [ref, setRef] = useState(initialRef);
  const [error, setError] = useState<string | null>(null);
  const { state, start, cancel, reset } = useImageTransfer(engine);
  const busy = isTransferBusy(state);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (!o) reset();
        onOpenChange(o);
      }}
    >
      <DialogContent
        title="Pull an image"
        description="From Docker Hub or any registry; credentials saved under Registries are sent automatically."
        className="!max-w-xl"
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const parsed = imageRefSchema.safeParse(ref);
            if (!parsed.success) return setError(issueSentence({ ...parsed.error.issues[0]!, path: ["image"] }));
            setError(null);
            start("pull", parsed.data);
          }}
        >
          <Field
            label="Image"
            htmlFor="pull-ref"
            hint="name[:tag], e.g. nginx:1.27 or registry.example.com:5000/team/app:v2 (tag defaults to latest)"
            error={error}
          >
            <Input
              id="pull-ref"
              data-testid="pull-ref"
              value={ref}
              onChange={(e) => setRef(e.target.value)}
              placeholder="nginx:1.27"
              autoFocus
              aria-invalid={!!error}
              disabled={busy}
            />
          </Field>
          <TransferProgress state={state} />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">{state.phase === "done" ? "Close" : busy ? "Hide (keeps pulling)" : "Cancel"}</Button>
            </DialogClose>
            {busy ? (
              <CancelTransferButton state={state} onCancel={cancel} />
            ) : (
              <Button type="submit" data-testid="pull-submit" disabled={!ref.trim()}>
                {state.phase === "done" ? "Pull again" : "Pull"}
              </Button>
            )}
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Push one of the image's tags with progress. */
export function PushDialog({
  engine,
  tags,
  open,
  onOpenChange,
}: {
  engine: string;
  tags: readonly string[];
  open: boolean;
  onOpenChange: (o: boolean) => void;
}) {
  const [tag, setTag] = useState(tags[0] ?? "");
  const { state, start, cancel, reset } = useImageTransfer(engine);
  const busy = isTransferBusy(state);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (!o) reset();
        onOpenChange(o);
      }}
    >
      <DialogContent
        title="Push to a registry"
        description="The registry is the first part of the tag (Docker Hub when there is none). Add a tag first to push elsewhere."
        className="!max-w-xl"
      >
        <Field label="Tag to push" htmlFor="push-tag">
          <Select id="push-tag" data-testid="push-tag" value={tag} onChange={(e) => setTag(e.target.value)} disabled={busy}>
            {tags.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </Select>
        </Field>
        <TransferProgress state={state} />
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">{state.phase === "done" ? "Close" : busy ? "Hide (keeps pushing)" : "Cancel"}</Button>
          </DialogClose>
          {busy ? (
            <CancelTransferButton state={state} onCancel={cancel} />
          ) : (
            <Button data-testid="push-submit" disabled={!tag} onClick={() => start("push", tag)}>
              {state.phase === "done" ? "Push again" : "Push"}
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

export function TagDialog({
  open,
  onOpenChange,
  source,
  onTag,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  source: string;
  onTag: (target: string) => void;
}) {
  const [target, setTarget] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Add a tag"
        description={
          <>
            New name for <span className="font-mono">{source}</span>; the image is not copied.
          </>
        }
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const parsed = imageRefSchema.safeParse(target);
            if (!parsed.success) return setError(issueSentence({ ...parsed.error.issues[0]!, path: ["repositoryAndTag"] }));
            onTag(parsed.data);
            onOpenChange(false);
          }}
        >
          <Field label="Repository and tag" htmlFor="tag-target" hint="e.g. registry.example.com:5000/team/app:v2" error={error}>
            <Input id="tag-target" data-testid="tag-target" value={target} onChange={(e) => setTarget(e.target.value)} autoFocus aria-invalid={!!error} />
          </Field>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" data-testid="tag-submit" disabled={!target.trim()}>
              Tag
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function RemoveImagesDialog({
  names,
  inUse,
  onCancel,
  onConfirm,
}: {
  names: readonly string[];
  inUse: number;
  onCancel: () => void;
  onConfirm: (force: boolean) => void;
}) {
  const [force, setForce] = useState(false);
  return (
    <Dialog open onOpenChange={(o) => !o && onCancel()}>
      <DialogContent
        title={names.length === 1 ? `Remove ${names[0]}?` : `Remove ${plural(names.length, "image")}?`}
        description="Removing a tag untags it; the image is deleted when its last tag goes."
      >
        <ul className="max-h-40 overflow-y-auto rounded-md border border-line bg-surface-2/50 px-3 py-2 font-mono text-[13px]">
          {names.map((n) => (
            <li key={n} className="truncate">
              {n}
            </li>
          ))}
        </ul>
        <label className="mt-4 flex items-start gap-2.5 text-sm">
          <Checkbox checked={force} onCheckedChange={setForce} className="mt-0.5" aria-label="Force" data-testid="remove-force" />
          <span>
            <span className="font-medium">Force</span>
            <span className="block text-[13px] text-muted">Remove even when stopped containers use it or it has several tags.</span>
          </span>
        </label>
        {inUse > 0 && !force && (
          <p className="mt-3 text-[13px] text-amber-700 dark:text-amber-300">
            {inUse === 1 ? "A container uses this image" : `${inUse} of these are used by containers`}: Docker will refuse and say which.
          </p>
        )}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button variant="danger" data-testid="confirm-action" onClick={() => onConfirm(force)}>
            Remove
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
