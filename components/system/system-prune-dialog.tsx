"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { PruneItems } from "@/components/resources/prune-dialog";
import { errorMessage } from "@/components/resources/use-run";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Select } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { formatBytes } from "@/lib/format";
import { systemPrunePreviewQuery, type PruneSelection } from "@/lib/queries/system";
import type { PruneKind } from "@/lib/wire";

const PARTS: { key: Exclude<PruneKind, "images">; label: string; hint: string }[] = [
  { key: "containers", label: "Stopped containers", hint: "exited, created and dead" },
  { key: "networks", label: "Unused networks", hint: "not bridge, host or none" },
  { key: "volumes", label: "Unused volumes", hint: "their data is deleted" },
  { key: "buildCache", label: "Build cache", hint: "not in use" },
];

/** `docker system prune` with a preview of each part and one confirmation. */
export function SystemPruneDialog({ engine, onClose, onConfirm }: { engine: string; onClose: () => void; onConfirm: (sel: PruneSelection) => void }) {
  const [sel, setSel] = useState<PruneSelection>({ containers: true, images: "dangling", networks: true, volumes: false, buildCache: true });
  const q = useQuery(systemPrunePreviewQuery(engine, sel));
  const p = q.data;
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent title="Prune the engine" description="Choose what goes; the preview below is what Docker would remove right now." className="!max-w-2xl">
        <div className="space-y-3">
          {PARTS.slice(0, 1).map((part) => (
            <Part
              key={part.key}
              label={part.label}
              hint={part.hint}
              checked={sel[part.key]}
              onChange={(v) => setSel({ ...sel, [part.key]: v })}
              part={p?.[part.key]}
            />
          ))}
          <div className="rounded-md border border-line p-3">
            <div className="flex items-center gap-2 text-[13px]">
              <span className="font-medium">Images</span>
              <Select
                value={sel.images}
                onChange={(e) => setSel({ ...sel, images: e.target.value as PruneSelection["images"] })}
                className="!w-auto"
                data-testid="system-prune-images"
              >
                <option value="none">keep all</option>
                <option value="dangling">dangling only</option>
                <option value="all">all unused</option>
              </Select>
              {p && sel.images !== "none" && (
                <span className="ml-auto text-muted tabular">
                  {p.images.count} · {formatBytes(p.images.bytes)}
                </span>
              )}
            </div>
            {p && sel.images !== "none" && (
              <div className="mt-2">
                <PruneItems part={p.images} empty="Nothing to remove." />
              </div>
            )}
          </div>
          {PARTS.slice(1).map((part) => (
            <Part
              key={part.key}
              label={part.label}
              hint={part.hint}
              checked={sel[part.key]}
              onChange={(v) => setSel({ ...sel, [part.key]: v })}
              part={p?.[part.key]}
              bytes={part.key !== "networks"}
            />
          ))}
        </div>
        <p className="mt-4 text-[13px]" data-testid="system-prune-total">
          {q.isPending ? (
            <span className="inline-flex items-center gap-2 text-muted">
              <Spinner /> Computing…
            </span>
          ) : q.isError ? (
            <span className="text-danger">{errorMessage(q.error)}</span>
          ) : (
            <>
              Frees at least <span className="font-semibold tabular">{formatBytes(p!.totalBytes)}</span>
            </>
          )}
        </p>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button
            variant="danger"
            data-testid="confirm-prune"
            disabled={!p}
            onClick={() => {
              onConfirm(sel);
              onClose();
            }}
          >
            Prune
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function Part({
  label,
  hint,
  checked,
  onChange,
  part,
  bytes = true,
}: {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  part?: { count: number; bytes: number; items: readonly { id: string; name: string; bytes: number }[] };
  bytes?: boolean;
}) {
  return (
    <div className="rounded-md border border-line p-3">
      <label className="flex items-center gap-2 text-[13px]">
        <Checkbox checked={checked} onCheckedChange={onChange} aria-label={label} />
        <span className="font-medium">{label}</span>
        <span className="text-muted">({hint})</span>
        {part && checked && (
          <span className="ml-auto text-muted tabular">
            {part.count}
            {bytes ? ` · ${formatBytes(part.bytes)}` : ""}
          </span>
        )}
      </label>
      {part && checked && part.count > 0 && (
        <div className="mt-2">
          <PruneItems part={part} showBytes={bytes} empty="" />
        </div>
      )}
    </div>
  );
}
