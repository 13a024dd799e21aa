import type { ContainerSummary } from "@/lib/wire";
import { exitCodeFromStatus } from "./container-state";

/*
 * The containers list view state, kept in the URL so a filtered view can be shared, bookmarked
 * and survives a reload: ?state=running&q=web&sort=name&dir=asc&group=project
 */

/*
 * One tab per set a user asks for, no two the same: "Exited" is every container that ran and
 * stopped (exited, or dead after a failed removal), "Created" the never-started ones. The old
 * "Stopped" tab (exited + created + dead) equalled "Exited" on most engines and went.
 */
export const STATE_FILTERS = ["all", "running", "paused", "exited", "created"] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

/** URL values of old links and of the overview's state badges, read as the tab that holds them. */
const STATE_ALIASES: Readonly<Record<string, StateFilter>> = { stopped: "exited", dead: "exited", restarting: "running" };

export const SORT_KEYS = ["name", "state", "image", "status", "ports", "created", "project", "cpu", "mem"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";

export interface ListParams {
  readonly state: StateFilter;
  readonly q: string;
  readonly sort: SortKey;
  readonly dir: SortDir;
  readonly group: boolean;
}

export const DEFAULT_PARAMS: ListParams = { state: "all", q: "", sort: "name", dir: "asc", group: false };

/** Newest first is what people want when they click "Created"; names read best A→Z. */
export const DEFAULT_DIR: Record<SortKey, SortDir> = {
  name: "asc",
  state: "asc",
  image: "asc",
  status: "asc",
  ports: "asc",
  created: "desc",
  project: "asc",
  // Top consumers first, as on the overview.
  cpu: "desc",
  mem: "desc",
};

function oneOf<T extends string>(values: readonly T[], v: string | null, fallback: T): T {
  return v !== null && (values as readonly string[]).includes(v) ? (v as T) : fallback;
}

export function parseListParams(sp: { get(name: string): string | null }): ListParams {
  const sort = oneOf(SORT_KEYS, sp.get("sort"), DEFAULT_PARAMS.sort);
  return {
    state: oneOf(STATE_FILTERS, STATE_ALIASES[sp.get("state") ?? ""] ?? sp.get("state"), DEFAULT_PARAMS.state),
    q: (sp.get("q") ?? "").slice(0, 200),
    sort,
    dir: oneOf(["asc", "desc"] as const, sp.get("dir"), DEFAULT_DIR[sort]),
    group: sp.get("group") === "project",
  };
}

/** Query string for the params; defaults are left out so the plain URL stays plain. */
export function serializeListParams(p: ListParams): string {
  const sp = new URLSearchParams();
  if (p.state !== "all") sp.set("state", p.state);
  if (p.q.trim()) sp.set("q", p.q.trim());
  if (p.sort !== DEFAULT_PARAMS.sort || p.dir !== DEFAULT_DIR[p.sort]) {
    sp.set("sort", p.sort);
    sp.set("dir", p.dir);
  }
  if (p.group) sp.set("group", "project");
  const s = sp.toString();
  return s ? `?${s}` : "";
}

export function matchesState(c: ContainerSummary, f: StateFilter): boolean {
  switch (f) {
    case "all":
      return true;
    case "running":
      return c.state === "running" || c.state === "restarting";
    case "paused":
      return c.state === "paused";
    case "exited":
      return c.state === "exited" || c.state === "dead";
    case "created":
      return c.state === "created";
  }
}

/** Every whitespace-separated term must appear in the name, image, id, project/service or a label. */
export function matchesSearch(c: ContainerSummary, q: string): boolean {
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const hay = [c.name, c.image, c.project ?? "", c.service ?? "", ...Object.entries(c.labels).flat()].map((s) => s.toLowerCase());
  const id = c.id.toLowerCase();
  return terms.every((t) => id.startsWith(t) || hay.some((h) => h.includes(t)));
}

export function stateCounts(list: readonly ContainerSummary[]): Record<StateFilter, number> {
  const counts: Record<StateFilter, number> = { all: 0, running: 0, paused: 0, exited: 0, created: 0 };
  for (const c of list) for (const f of STATE_FILTERS) if (matchesState(c, f)) counts[f]++;
  return counts;
}

/** Running first, then the states that need attention, then the quiet ones. */
const STATE_ORDER: Record<string, number> = { running: 0, restarting: 1, paused: 2, dead: 3, removing: 4, exited: 5, created: 6 };

function firstPublicPort(c: ContainerSummary): number {
  const p = c.ports.find((x) => x.publicPort);
  return p?.publicPort ?? (c.ports[0] ? 100_000 + c.ports[0].privatePort : 1_000_000);
}

const cleanExit = (c: ContainerSummary) => ((exitCodeFromStatus(c.status) ?? 0) === 0 ? 1 : 0);

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

/** The live numbers of one container for the CPU and memory columns (from the stats socket). */
export interface LiveUsage {
  readonly cpu: number;
  readonly mem: number;
}

export type LiveUsageMap = ReadonlyMap<string, LiveUsage>;

function compare(a: ContainerSummary, b: ContainerSummary, key: Exclude<SortKey, "cpu" | "mem">): number {
  switch (key) {
    case "name":
      return collator.compare(a.name, b.name);
    case "state": {
      const d = (STATE_ORDER[a.state] ?? 9) - (STATE_ORDER[b.state] ?? 9);
      if (d !== 0) return d;
      // Failed exits before clean ones: they are the ones to look at.
      return cleanExit(a) - cleanExit(b);
    }
    case "image":
      return collator.compare(a.image, b.image);
    case "status":
      return collator.compare(a.status, b.status);
    case "ports":
      return firstPublicPort(a) - firstPublicPort(b);
    case "created":
      return Date.parse(a.createdAt) - Date.parse(b.createdAt);
    case "project":
      // Standalone containers sort after every project.
      return collator.compare(a.project ?? "\uffff", b.project ?? "\uffff");
  }
}

/**
 * Sorts the list; for "cpu" and "mem" by the live numbers in `usage`, where containers without
 * numbers (not running, or not reported yet) go last in either direction.
 */
export function sortContainers(list: readonly ContainerSummary[], key: SortKey, dir: SortDir, usage: LiveUsageMap = new Map()): ContainerSummary[] {
  const sign = dir === "asc" ? 1 : -1;
  if (key === "cpu" || key === "mem") {
    return [...list].sort((a, b) => {
      const ua = usage.get(a.id)?.[key];
      const ub = usage.get(b.id)?.[key];
      if (ua === undefined || ub === undefined) return (ua === undefined ? 1 : 0) - (ub === undefined ? 1 : 0) || collator.compare(a.name, b.name);
      return sign * (ua - ub) || collator.compare(a.name, b.name);
    });
  }
  return [...list].sort((a, b) => sign * compare(a, b, key) || collator.compare(a.name, b.name));
}

export interface ContainerGroup {
  /** Compose project name, or null for standalone containers. */
  readonly project: string | null;
  readonly items: readonly ContainerSummary[];
}

/** Groups an already sorted list by compose project; projects A→Z, standalone last. */
export function groupByProject(list: readonly ContainerSummary[]): ContainerGroup[] {
  const map = new Map<string | null, ContainerSummary[]>();
  for (const c of list) {
    const key = c.project ?? null;
    const items = map.get(key);
    if (items) items.push(c);
    else map.set(key, [c]);
  }
  return [...map.entries()].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : collator.compare(a, b))).map(([project, items]) => ({ project, items }));
}
