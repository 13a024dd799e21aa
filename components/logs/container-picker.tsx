"use client";

import { useQuery } from "@tanstack/react-query";
import { Search, ServerCrash } from "lucide-react";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { containersQuery, isEngineUnreachable } from "@/lib/queries/containers";
import { MAX_VIEW_CONTAINERS } from "@/lib/logs/url-state";
import type { ContainerSummary } from "@/lib/wire";

interface Group {
  project: string | null;
  containers: ContainerSummary[];
}

function groupByProject(list: readonly ContainerSummary[]): Group[] {
  const map = new Map<string | null, ContainerSummary[]>();
  for (const c of list) {
    const k = c.project ?? null;
    if (!map.has(k)) map.set(k, []);
    map.get(k)!.push(c);
  }
  const groups = [...map].map(([project, containers]) => ({
    project,
    // Running containers first: they are the ones with something to say.
    containers: containers.sort((a, b) => Number(b.state === "running") - Number(a.state === "running") || a.name.localeCompare(b.name)),
  }));
  return groups.sort((a, b) => (a.project === null ? 1 : b.project === null ? -1 : a.project.localeCompare(b.project)));
}

/** An image given by digest reads better as its first 12 hex digits. */
function shortImage(image: string): string {
  return image.startsWith("sha256:") ? image.slice(7, 19) : image;
}

const STATE_DOT: Record<string, string> = {
  running: "bg-emerald-500",
  paused: "bg-amber-500",
  restarting: "bg-amber-500 animate-pulse",
  exited: "bg-zinc-400",
  dead: "bg-red-500",
  created: "bg-zinc-300 dark:bg-zinc-600",
  removing: "bg-zinc-400",
};

/**
 * Multi-select over the engine's containers, grouped by compose project with a whole-project
 * toggle. The list is TanStack Query data (kept fresh by the socket sync); selections are names.
 */
export function ContainerPickerList({
  engine,
  selected,
  onChange,
  className,
}: {
  engine: string;
  selected: readonly string[];
  onChange: (names: string[]) => void;
  className?: string;
}) {
  const query = useQuery(containersQuery(engine));
  const [filter, setFilter] = useState("");
  const groups = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const list = (query.data ?? []).filter(
      (c) => !f || c.name.toLowerCase().includes(f) || c.image.toLowerCase().includes(f) || (c.project ?? "").toLowerCase().includes(f),
    );
    return groupByProject(list);
  }, [query.data, filter]);

  // Selections may be ids or names (from a pasted link): compare as names where the list knows them.
  const all = query.data ?? [];
  const asName = (ref: string) => all.find((c) => c.name === ref || (ref.length >= 4 && c.id.startsWith(ref)))?.name ?? ref;
  const chosen = new Set(selected.map(asName));
  const isSelected = (c: ContainerSummary) => chosen.has(c.name);
  const set = (names: string[], on: boolean) => {
    const next = on ? [...new Set([...chosen, ...names])] : [...chosen].filter((n) => !names.includes(n));
    onChange(next.slice(0, MAX_VIEW_CONTAINERS));
  };

  if (query.isPending) {
    return (
      <div className={cn("space-y-2", className)}>
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-7 w-full" />
        ))}
      </div>
    );
  }
  if (!query.data) {
    return (
      <EmptyState icon={ServerCrash} tone="danger" title={isEngineUnreachable(query.error) ? `Cannot reach engine “${engine}”` : "Could not load containers"}>
        {query.error instanceof Error ? query.error.message : null}
      </EmptyState>
    );
  }

  return (
    <div className={cn("flex min-h-0 flex-col gap-2", className)}>
      <div className="relative">
        <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-faint" aria-hidden />
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Filter by name, image, project…"
          aria-label="Filter containers"
          className="h-8 w-full rounded-md border border-line-strong bg-surface pr-2 pl-8 text-sm text-fg shadow-xs placeholder:text-faint focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-offset-0"
        />
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto rounded-md border border-line" data-testid="container-picker">
        {groups.length === 0 && <p className="px-3 py-6 text-center text-sm text-muted">No containers match.</p>}
        {groups.map((g) => {
          const names = g.containers.map((c) => c.name);
          const inGroup = g.containers.filter(isSelected).length;
          return (
            <div key={g.project ?? "—"} className="border-b border-line last:border-b-0">
              <label className="sticky top-0 z-10 flex h-8 cursor-pointer items-center gap-2 bg-surface-2 px-3 text-xs font-medium text-muted">
                {g.project ? (
                  <>
                    <Checkbox
                      checked={inGroup === 0 ? false : inGroup === names.length ? true : "indeterminate"}
                      onCheckedChange={(on) => set(names, on)}
                      aria-label={`Whole compose project ${g.project}`}
                    />
                    <span className="text-fg">{g.project}</span>
                    <span className="text-faint">compose project · {names.length}</span>
                    <span className="ml-auto text-faint">whole project</span>
                  </>
                ) : (
                  <span className="pl-6">Standalone containers</span>
                )}
              </label>
              {g.containers.map((c) => (
                <label
                  key={c.id}
                  data-testid="picker-container"
                  data-name={c.name}
                  className="flex h-8 cursor-pointer items-center gap-2 px-3 text-[13px] hover:bg-hover"
                >
                  <Checkbox checked={isSelected(c)} onCheckedChange={(on) => set([c.name], on)} aria-label={c.name} />
                  <span aria-hidden className={cn("size-1.5 shrink-0 rounded-full", STATE_DOT[c.state] ?? "bg-zinc-400")} title={c.state} />
                  {/* The name is what people pick by: it keeps its room, the image gets what is left. */}
                  <span className="max-w-[70%] shrink-0 truncate font-medium text-fg">{c.name}</span>
                  <span className="hidden min-w-0 flex-1 truncate text-xs text-faint sm:inline">{shortImage(c.image)}</span>
                  <span className="ml-auto shrink-0 text-xs text-faint">{c.state}</span>
                </label>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** The picker in a dialog: choose, then open the view once. */
export function ContainerPickerDialog({
  engine,
  selected,
  onApply,
  trigger,
}: {
  engine: string;
  selected: readonly string[];
  onApply: (names: string[]) => void;
  trigger: React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<string[]>([...selected]);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (o) setDraft([...selected]);
        setOpen(o);
      }}
    >
      {trigger}
      <DialogContent title="Containers" description="Several containers are merged into one view, interleaved by time." className="max-w-lg">
        <ContainerPickerList engine={engine} selected={draft} onChange={setDraft} className="h-[min(52vh,420px)]" />
        <DialogFooter>
          <span className="mr-auto text-xs text-muted">
            {draft.length} selected{draft.length >= MAX_VIEW_CONTAINERS ? ` (at most ${MAX_VIEW_CONTAINERS})` : ""}
          </span>
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button
            data-testid="picker-apply"
            disabled={draft.length === 0}
            onClick={() => {
              onApply(draft);
              setOpen(false);
            }}
          >
            Show logs
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
