"use client";

import { TriangleAlert } from "lucide-react";
import { useCallback, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import type { ContainerSummary } from "@/lib/wire";
import { needsConfirmation, VERB_LABEL, type LifecycleVerb } from "./container-state";
import { useContainerActions, type RemoveOptions } from "./use-container-actions";

type Target = Pick<ContainerSummary, "id" | "name" | "state">;

type Pending = { verb: LifecycleVerb; targets: readonly Target[] } | null;

const CONSEQUENCE: Partial<Record<LifecycleVerb, string>> = {
  stop: "Docker sends SIGTERM, then SIGKILL if the process has not exited after the grace period (10 s by default). Open connections are dropped.",
  kill: "Docker sends SIGKILL at once: the process gets no chance to finish requests or flush data.",
  restart: "Each container is stopped (SIGTERM, then SIGKILL after the grace period) and started again.",
};

function TargetList({ targets }: { targets: readonly Target[] }) {
  return (
    <ul
      data-testid="affected-containers"
      className="max-h-48 overflow-y-auto rounded-md border border-line bg-surface-2/50 px-3 py-2 font-mono text-[13px] text-fg"
    >
      {targets.map((t) => (
        <li key={t.id} className="truncate py-0.5">
          {t.name}
        </li>
      ))}
    </ul>
  );
}

function title(verb: LifecycleVerb, targets: readonly Target[]): string {
  return targets.length === 1 ? `${VERB_LABEL[verb]} ${targets[0]!.name}?` : `${VERB_LABEL[verb]} ${targets.length} containers?`;
}

function RemoveDialog({ targets, onCancel, onConfirm }: { targets: readonly Target[]; onCancel: () => void; onConfirm: (o: RemoveOptions) => void }) {
  const [force, setForce] = useState(false);
  const [volumes, setVolumes] = useState(false);
  const running = targets.filter((t) => t.state === "running" || t.state === "paused" || t.state === "restarting").length;
  return (
    <Dialog open onOpenChange={(o) => !o && onCancel()}>
      <DialogContent title={title("remove", targets)} description="The container and its writable layer are deleted. This cannot be undone.">
        <TargetList targets={targets} />
        <div className="mt-4 space-y-3">
          <label className="flex items-start gap-2.5 text-sm">
            <Checkbox checked={force} onCheckedChange={setForce} className="mt-0.5" aria-label="Force (stop if running)" data-testid="remove-force" />
            <span>
              <span className="font-medium">Force (stop if running)</span>
              <span className="block text-[13px] text-muted">Kills running containers first instead of refusing.</span>
            </span>
          </label>
          <label className="flex items-start gap-2.5 text-sm">
            <Checkbox
              checked={volumes}
              onCheckedChange={setVolumes}
              className="mt-0.5"
              aria-label="Also remove anonymous volumes"
              data-testid="remove-volumes"
            />
            <span>
              <span className="font-medium">Also remove anonymous volumes</span>
              <span className="block text-[13px] text-muted">Named volumes are always kept.</span>
            </span>
          </label>
        </div>
        {running > 0 && !force && (
          <p className="mt-4 flex gap-2 rounded-md bg-amber-50 px-3 py-2 text-[13px] text-amber-900 dark:bg-amber-500/10 dark:text-amber-200">
            <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
            {running === 1 && targets.length === 1 ? "This container is running" : `${running} of these are running`}; without Force, Docker will refuse to
            remove {running === 1 ? "it" : "them"}.
          </p>
        )}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button variant="danger" data-testid="confirm-action" onClick={() => onConfirm({ force, volumes })}>
            Remove{targets.length > 1 ? ` ${targets.length} containers` : ""}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/**
 * The "ask, then act" flow shared by row menus, the bulk bar and the detail page. `request()`
 * runs harmless actions at once and opens a confirmation for the destructive ones.
 */
export function useActionFlow(
  engine: string,
  opts: { onRemoved?: () => void } = {},
): {
  request: (verb: LifecycleVerb, targets: readonly Target[]) => void;
  dialogs: ReactNode;
} {
  const { run } = useContainerActions(engine);
  const [pending, setPending] = useState<Pending>(null);
  const { onRemoved } = opts;

  const request = useCallback(
    (verb: LifecycleVerb, targets: readonly Target[]) => {
      if (targets.length === 0) return;
      if (needsConfirmation(verb, targets.length)) setPending({ verb, targets });
      else void run(verb, targets);
    },
    [run],
  );

  let dialogs: ReactNode = null;
  if (pending?.verb === "remove") {
    dialogs = (
      <RemoveDialog
        targets={pending.targets}
        onCancel={() => setPending(null)}
        onConfirm={(o) => {
          const targets = pending.targets;
          setPending(null);
          void run("remove", targets, o).then((r) => {
            if (r.failed === 0) onRemoved?.();
          });
        }}
      />
    );
  } else if (pending) {
    dialogs = (
      <ConfirmDialog
        open
        onOpenChange={(o) => !o && setPending(null)}
        title={title(pending.verb, pending.targets)}
        description={CONSEQUENCE[pending.verb]}
        confirmLabel={pending.targets.length > 1 ? `${VERB_LABEL[pending.verb]} ${pending.targets.length} containers` : VERB_LABEL[pending.verb]}
        onConfirm={() => void run(pending.verb, pending.targets)}
      >
        <TargetList targets={pending.targets} />
      </ConfirmDialog>
    );
  }
  return { request, dialogs };
}
