"use client";

import { useMutation, useMutationState, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { toast } from "sonner";
import { ApiError } from "@/lib/api-client";
import { requestRefresh } from "@/components/socket/refresh-coalescer";
import { containerAction, containerKeys, removeContainer } from "@/lib/queries/containers";
import type { ActionResult, ContainerSummary } from "@/lib/wire";
import { VERB_LABEL, VERB_NOOP, VERB_PAST, type LifecycleVerb } from "./container-state";

export interface ActionTarget {
  readonly id: string;
  readonly name: string;
}

export interface RemoveOptions {
  readonly force: boolean;
  readonly volumes: boolean;
}

interface Vars {
  readonly engine: string;
  readonly target: ActionTarget;
  readonly verb: LifecycleVerb;
  readonly remove?: RemoveOptions;
}

const MUTATION_KEY = ["container-action"] as const;

function errorMessage(e: unknown): string {
  // Docker's own words, verbatim: they are what an operator can search for.
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && e.message) return `Network error: ${e.message}`;
  return "The request failed";
}

/**
 * Runs lifecycle actions on one or many containers and reports each outcome with one toast:
 * successes are summed up, every failure gets its own toast with Docker's message.
 */
export function useContainerActions(engine: string) {
  const qc = useQueryClient();
  const { mutateAsync } = useMutation({
    mutationKey: MUTATION_KEY,
    mutationFn: async ({ engine, target, verb, remove }: Vars): Promise<ActionResult> => {
      if (verb === "remove") {
        await removeContainer(engine, target.id, remove ?? { force: false, volumes: false });
        return { id: target.id, action: "remove", changed: true };
      }
      return containerAction(engine, target.id, verb);
    },
    onSuccess: (_res, { engine, target, verb }) => {
      // Drop a removed row at once instead of waiting for the refetch.
      if (verb === "remove") qc.setQueryData<ContainerSummary[]>(containerKeys.list(engine), (list) => list?.filter((c) => c.id !== target.id));
    },
    onSettled: (_res, _err, { engine, target }) => {
      requestRefresh(qc, containerKeys.list(engine));
      // Detail pages may be keyed by name or id: refresh whichever shows this container.
      for (const q of qc.getQueryCache().findAll({ queryKey: containerKeys.list(engine) })) {
        const data = q.state.data as { id?: string } | undefined;
        if (q.queryKey.length > 3 && (data?.id === target.id || q.queryKey[3] === target.name)) requestRefresh(qc, q.queryKey);
      }
    },
  });

  const run = useCallback(
    async (verb: LifecycleVerb, targets: readonly ActionTarget[], remove?: RemoveOptions) => {
      const results = await Promise.allSettled(targets.map((target) => mutateAsync({ engine, target, verb, remove })));
      const changed: ActionTarget[] = [];
      const unchanged: ActionTarget[] = [];
      results.forEach((r, i) => {
        const t = targets[i]!;
        if (r.status === "fulfilled") (r.value.changed ? changed : unchanged).push(t);
        else
          toast.error(`Could not ${VERB_LABEL[verb].toLowerCase()} ${t.name}`, {
            id: `action-error-${verb}-${t.id}`,
            description: errorMessage(r.reason),
            duration: 10_000,
          });
      });
      if (changed.length === 1) toast.success(`${VERB_PAST[verb]} ${changed[0]!.name}`, { id: `action-${verb}-${changed[0]!.id}` });
      else if (changed.length > 1)
        toast.success(`${VERB_PAST[verb]} ${changed.length} containers`, {
          id: `action-${verb}-bulk-${Date.now()}`,
          description: changed.map((t) => t.name).join(", "),
        });
      if (unchanged.length > 0)
        toast.info(
          unchanged.length === 1
            ? `${unchanged[0]!.name} ${VERB_NOOP[verb] ?? "was unchanged"}`
            : `${unchanged.length} containers ${VERB_NOOP[verb]?.replace(/^was/, "were") ?? "were unchanged"}`,
          { id: `action-noop-${verb}-${unchanged.map((t) => t.id).join()}` },
        );
      return { changed, unchanged, failed: results.filter((r) => r.status === "rejected").length };
    },
    [engine, mutateAsync],
  );

  return { run };
}

/** Containers with an action in flight (id → verb), from the mutation cache, for row spinners. */
export function usePendingActions(): ReadonlyMap<string, LifecycleVerb> {
  const pending = useMutationState({
    filters: { mutationKey: MUTATION_KEY, status: "pending" },
    select: (m) => m.state.variables as Vars | undefined,
  });
  return useMemo(() => new Map(pending.filter((v): v is Vars => !!v).map((v) => [v.target.id, v.verb])), [pending]);
}
