"use client";

import { ScrollText, X } from "lucide-react";
import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { Tooltip } from "@/components/ui/tooltip";
import { CONTAINER_ACTIONS, type ContainerSummary } from "@/lib/wire";
import { VERB_ICON } from "./action-icons";
import { canApply, logsHref, VERB_LABEL, VERB_PAST, type LifecycleVerb } from "./container-state";
import type { ActionPermissions } from "./row-actions";

/**
 * Shown while rows are selected. Each action applies to the selected containers it makes sense
 * for (stopping a mix of running and exited containers stops the running ones).
 */
export function BulkActionBar({
  selected,
  permissions,
  onRequest,
  onClear,
}: {
  selected: readonly ContainerSummary[];
  permissions: ActionPermissions;
  onRequest: (verb: LifecycleVerb, targets: readonly ContainerSummary[]) => void;
  onClear: () => void;
}) {
  if (selected.length === 0) return null;
  const verbs: LifecycleVerb[] = [...(permissions.lifecycle ? CONTAINER_ACTIONS : []), ...(permissions.remove ? (["remove"] as const) : [])];
  return (
    <div
      role="toolbar"
      aria-label="Bulk actions"
      data-testid="bulk-bar"
      className="sticky bottom-3 z-20 mx-auto mt-3 flex w-fit max-w-full animate-fade-in flex-wrap items-center gap-1 rounded-lg border border-line-strong bg-surface p-1.5 shadow-lg"
    >
      <span className="px-2 text-[13px] font-medium text-fg tabular" data-testid="selected-count">
        {selected.length} selected
      </span>
      <Tooltip content="Clear selection">
        <Button variant="ghost" size="icon-sm" aria-label="Clear selection" onClick={onClear}>
          <X />
        </Button>
      </Tooltip>
      <span aria-hidden className="mx-1 h-5 w-px bg-line" />
      <Tooltip content="Follow the logs of the selected containers in one merged view">
        <Link href={logsHref(selected.map((c) => c.name))} className={buttonClasses("ghost", "sm")} data-testid="bulk-logs">
          <ScrollText />
          Logs
        </Link>
      </Tooltip>
      {verbs.map((verb) => {
        const targets = verb === "remove" ? selected : selected.filter((c) => canApply(verb, c));
        const Icon = VERB_ICON[verb];
        const n = targets.length;
        return (
          <Tooltip
            key={verb}
            content={
              n === 0
                ? `None of the selected containers can be ${VERB_PAST[verb].toLowerCase()}`
                : n < selected.length
                  ? `Applies to ${n} of ${selected.length}`
                  : undefined
            }
          >
            {/* span: a disabled button gets no pointer events, so the tooltip needs a wrapper */}
            <span>
              <Button
                variant={verb === "remove" || verb === "kill" ? "ghost-danger" : "ghost"}
                size="sm"
                disabled={n === 0}
                data-testid={`bulk-${verb}`}
                onClick={() => onRequest(verb, targets)}
              >
                <Icon />
                {VERB_LABEL[verb]}
                {n > 0 && n < selected.length && <span className="text-xs text-muted tabular">{n}</span>}
              </Button>
            </span>
          </Tooltip>
        );
      })}
    </div>
  );
}
