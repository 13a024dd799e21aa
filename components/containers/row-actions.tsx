"use client";

import { Ellipsis, ScrollText } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Spinner } from "@/components/ui/spinner";
import { Tooltip } from "@/components/ui/tooltip";
import type { ContainerSummary } from "@/lib/wire";
import { VERB_ICON } from "./action-icons";
import { actionsFor, logsHref, VERB_LABEL, type LifecycleVerb } from "./container-state";

export interface ActionPermissions {
  readonly lifecycle: boolean;
  readonly remove: boolean;
}

/** The one-click action for a row: start what is stopped, stop what runs, resume what is paused. */
function primaryVerb(c: ContainerSummary): LifecycleVerb | null {
  const available = actionsFor(c.state);
  if (available.includes("start")) return "start";
  if (available.includes("unpause")) return "unpause";
  if (available.includes("stop")) return "stop";
  return null;
}

/**
 * Row actions: a primary icon button and a menu with the rest. Renders nothing for roles that
 * may not act (the server would refuse anyway; showing dead buttons only confuses).
 */
export function RowActions({
  container: c,
  permissions,
  pendingVerb,
  onRequest,
}: {
  container: ContainerSummary;
  permissions: ActionPermissions;
  pendingVerb?: LifecycleVerb;
  onRequest: (verb: LifecycleVerb) => void;
}) {
  if (!permissions.lifecycle && !permissions.remove) return null;
  const primary = permissions.lifecycle ? primaryVerb(c) : null;
  const menuVerbs = permissions.lifecycle ? actionsFor(c.state).filter((v) => v !== primary) : [];
  const PrimaryIcon = primary ? VERB_ICON[primary] : null;
  const busy = pendingVerb !== undefined;

  return (
    <div className="flex items-center justify-end gap-0.5">
      {busy ? (
        <span className="flex size-7 items-center justify-center" data-testid="row-pending">
          <Spinner label={`${VERB_LABEL[pendingVerb]} in progress`} />
        </span>
      ) : primary && PrimaryIcon ? (
        // A wrapper carries the responsive display: the button's own inline-flex would win over `hidden`.
        <span className="hidden sm:inline-flex">
          <Tooltip content={VERB_LABEL[primary]}>
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label={`${VERB_LABEL[primary]} ${c.name}`}
              data-testid={`action-${primary}`}
              onClick={() => onRequest(primary)}
            >
              <PrimaryIcon />
            </Button>
          </Tooltip>
        </span>
      ) : (
        <span className="hidden size-7 sm:block" />
      )}
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon-sm" aria-label={`More actions for ${c.name}`} data-testid="row-menu" disabled={busy}>
            <Ellipsis />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuItem asChild>
            <Link href={logsHref([c.name])} data-testid="action-logs">
              <ScrollText />
              Logs
            </Link>
          </DropdownMenuItem>
          {(primary || menuVerbs.length > 0) && <DropdownMenuSeparator className={menuVerbs.length === 0 ? "sm:hidden" : undefined} />}
          {/* On phones the primary button is hidden to save width: offer it here instead. */}
          {primary && PrimaryIcon && (
            <DropdownMenuItem onSelect={() => onRequest(primary)} className="sm:hidden">
              <PrimaryIcon />
              {VERB_LABEL[primary]}
            </DropdownMenuItem>
          )}
          {menuVerbs.map((v) => {
            const Icon = VERB_ICON[v];
            return (
              <DropdownMenuItem key={v} onSelect={() => onRequest(v)} data-testid={`action-${v}`} danger={v === "kill"}>
                <Icon />
                {VERB_LABEL[v]}
              </DropdownMenuItem>
            );
          })}
          {permissions.remove && (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem danger onSelect={() => onRequest("remove")} data-testid="action-remove">
                <VERB_ICON.remove />
                Remove…
              </DropdownMenuItem>
            </>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
