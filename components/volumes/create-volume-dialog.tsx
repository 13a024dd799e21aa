"use client";

import { useState } from "react";
import { parsePairs } from "@/components/networks/create-network-dialog";
import { errorMessage, runWithToast } from "@/components/resources/use-run";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import { createVolume } from "@/lib/queries/volumes";
import { volumeCreateSchema } from "@/lib/schemas";
import { firstIssue } from "@/lib/zod-messages";

export function CreateVolumeDialog({ engine, onClose, onCreated }: { engine: string; onClose: () => void; onCreated: () => void }) {
  const [f, setF] = useState({ name: "", driver: "local", options: "", labels: "" });
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent title="Create a volume" className="!max-w-lg">
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            const options = parsePairs(f.options);
            const labels = parsePairs(f.labels);
            if ("bad" in options) return setError(`Driver options: “${options.bad}” is not key=value.`);
            if ("bad" in labels) return setError(`Labels: “${labels.bad}” is not key=value.`);
            const parsed = volumeCreateSchema.safeParse({ name: f.name || undefined, driver: f.driver, options: options.map, labels: labels.map });
            if (!parsed.success) return setError(firstIssue(parsed.error.issues).message);
            createVolume(engine, parsed.data).then(
              (v) => {
                void runWithToast(`vol-create-${v.name}`, async () => v, { success: () => `Created volume ${v.name}`, failure: "" });
                onCreated();
                onClose();
              },
              (err) => setError(errorMessage(err)),
            );
          }}
        >
          <Field label="Name" htmlFor="vol-name" hint="Empty: Docker picks a random name">
            <Input id="vol-name" data-testid="vol-name" value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} autoFocus />
          </Field>
          <Field label="Driver" htmlFor="vol-driver">
            <Input id="vol-driver" value={f.driver} onChange={(e) => setF({ ...f, driver: e.target.value })} />
          </Field>
          <Field
            label="Driver options"
            htmlFor="vol-options"
            hint="key=value per line; NFS with the local driver: type=nfs, o=addr=10.0.0.5,rw, device=:/export"
          >
            <textarea
              id="vol-options"
              rows={3}
              value={f.options}
              onChange={(e) => setF({ ...f, options: e.target.value })}
              className="w-full rounded-md border border-line-strong bg-surface px-2.5 py-1.5 font-mono text-xs text-fg"
            />
          </Field>
          <Field label="Labels" htmlFor="vol-labels" hint="key=value per line">
            <textarea
              id="vol-labels"
              rows={2}
              value={f.labels}
              onChange={(e) => setF({ ...f, labels: e.target.value })}
              className="w-full rounded-md border border-line-strong bg-surface px-2.5 py-1.5 font-mono text-xs text-fg"
            />
          </Field>
          {error && (
            <p className="text-[13px] text-danger" role="alert">
              {error}
            </p>
          )}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" data-testid="vol-submit">
              Create
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
