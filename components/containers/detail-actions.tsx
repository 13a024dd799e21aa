"use client";

import { ScrollText } from "lucide-react";
import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { ContainerDetail } from "@/lib/wire";
import { VERB_ICON } from "./action-icons";
import { actionsFor, logsHref, VERB_LABEL, type LifecycleVerb } from "./container-state";
import type { ActionPermissions } from "./row-actions";

/** Header buttons on the detail page: every action that fits the state, labelled. */
export function DetailActions({
  d,
  permissions,
  pendingVerb,
  onRequest,
}: {
  d: ContainerDetail;
  permissions: ActionPermissions;
  pendingVerb?: LifecycleVerb;
  onRequest: (verb: LifecycleVerb) => void;
}) {
  const verbs = permissions.lifecycle ? actionsFor(d.state) : [];
  const busy = pendingVerb !== undefined;
  return (
    <div className="flex flex-wrap items-center gap-1.5" data-testid="detail-actions">
      <Link href={logsHref([d.name])} className={buttonClasses("secondary", "sm")} data-testid="open-logs">
        <ScrollText />
        Logs
      </Link>
      {(verbs.length > 0 || permissions.remove) && <span aria-hidden className="mx-1 hidden h-5 w-px bg-line sm:block" />}
      {verbs.map((v) => {
        const Icon = VERB_ICON[v];
        return (
          <Button
            key={v}
            variant={v === "kill" ? "ghost-danger" : "secondary"}
            size="sm"
            disabled={busy}
            onClick={() => onRequest(v)}
            data-testid={`action-${v}`}
          >
            {pendingVerb === v ? <Spinner /> : <Icon />}
            {VERB_LABEL[v]}
          </Button>
        );
      })}
      {permissions.remove && (
        <Button variant="ghost-danger" size="sm" disabled={busy} onClick={() => onRequest("remove")} data-testid="action-remove">
          {pendingVerb === "remove" ? <Spinner /> : <VERB_ICON.remove />}
          Remove
        </Button>
      )}
    </div>
  );
}
