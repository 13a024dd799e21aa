import type { AccessScope, AuthUser } from "@/lib/wire";
import { containerIdentity, containerUsage, type ContainerUsage } from "@/server/docker/containers";
import type { Runtime } from "@/server/runtime";
import type { Target } from "./authorize";
import { containerInScope, engineInScope, hasLabelSelectors, isScoped, labelsInScope } from "./scope";

/**
 * The impure half of access scopes: looks up what the pure rules in ./scope.ts decide on (a
 * container's labels, which containers use which image, network or volume) for scoped principals
 * only — an unscoped user costs no extra Docker call.
 */

/**
 * Adds the target container's labels for a scoped principal, so `authorize` can answer 404 for a
 * container outside the scope. A missing container fails here with Docker's own 404, which reads
 * the same as the out-of-scope one.
 */
export async function resolveTarget(rt: Runtime, user: AuthUser | null | undefined, target: Target | undefined): Promise<Target | undefined> {
  if (!target || target.engine === undefined || !isScoped(user?.scope) || !hasLabelSelectors(user.scope)) return target;
  if (!engineInScope(user.scope, target.engine)) return target;
  if (!target.container) {
    if (target.image === undefined && target.network === undefined && target.volume === undefined) return target;
    const visible = await visibleResources(rt, user.scope, target.engine);
    if (!visible) return target;
    // Image references arrive still URL-encoded from some Next versions (see images/params.ts).
    const image = target.image === undefined ? undefined : target.image.includes("%") ? safeDecode(target.image) : target.image;
    if (image !== undefined && !imageVisible(visible, image)) return { ...target, hidden: `No such image: ${image}` };
    if (target.network !== undefined && !refVisible(visible.networks, target.network)) return { ...target, hidden: `network ${target.network} not found` };
    if (target.volume !== undefined && !visible.volumes.has(target.volume)) return { ...target, hidden: `get ${target.volume}: no such volume` };
    return target;
  }
  const engine = await rt.engines.reachable(target.engine);
  const { id, labels } = await containerIdentity(engine, target.container);
  scopeLabels(rt).remember(target.engine, [{ id, labels }]);
  return { ...target, labels };
}

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

/** A network by name, full id or id prefix (as Docker resolves it). */
function refVisible(set: ReadonlySet<string>, ref: string): boolean {
  if (set.has(ref)) return true;
  return ref.length >= 3 && [...set].some((v) => /^[0-9a-f]{12,}$/.test(v) && v.startsWith(ref));
}

/** An image by id (with or without `sha256:`), id prefix, or the reference its containers were created from. */
function imageVisible(visible: { images: ReadonlySet<string>; imageRefs: ReadonlySet<string> }, ref: string): boolean {
  const bare = ref.replace(/^sha256:/, "");
  if (visible.imageRefs.has(ref) || (!ref.includes(":") && visible.imageRefs.has(`${ref}:latest`))) return true;
  return bare.length >= 3 && /^[0-9a-f]+$/.test(bare) && [...visible.images].some((id) => id.replace(/^sha256:/, "").startsWith(bare));
}

/** The in-scope subset of an engine's containers with what they use; null when the principal sees every container of the engine. */
export async function usageInScope(rt: Runtime, scope: AccessScope | null | undefined, engineId: string): Promise<ContainerUsage[] | null> {
  if (!isScoped(scope)) return null;
  if (!engineInScope(scope, engineId)) return [];
  if (!hasLabelSelectors(scope)) return null;
  const all = await containerUsage(await rt.engines.reachable(engineId));
  scopeLabels(rt).remember(engineId, all);
  return all.filter((c) => labelsInScope(scope, c.labels));
}

/** Images, networks and volumes a scoped principal may read: those an in-scope container uses. Null: no limit. */
export async function visibleResources(
  rt: Runtime,
  scope: AccessScope | null | undefined,
  engineId: string,
): Promise<{ images: Set<string>; imageRefs: Set<string>; networks: Set<string>; volumes: Set<string> } | null> {
  const usage = await usageInScope(rt, scope, engineId);
  if (!usage) return null;
  return {
    images: new Set(usage.map((c) => c.imageId)),
    imageRefs: new Set(usage.map((c) => c.image)),
    networks: new Set(usage.flatMap((c) => c.networks)),
    volumes: new Set(usage.flatMap((c) => c.volumes)),
  };
}

const REFRESH_MIN_MS = 1_000;

/**
 * Container id → labels per engine, for filtering pushes synchronously (stats batches, alerts,
 * containers-changed, the events feed). Filled by every scoped list and refreshed, at most once a
 * second, when an id it does not know shows up; an unknown id is denied until then. Labels of a
 * removed container are kept so its removal still reaches the users who saw it.
 */
export class ScopeLabels {
  private readonly engines = new Map<string, { labels: Map<string, Readonly<Record<string, string>>>; refreshedAt: number; refreshing?: Promise<void> }>();

  constructor(private readonly list: (engine: string) => Promise<readonly { id: string; labels: Readonly<Record<string, string>> }[]>) {}

  private entry(engine: string) {
    let e = this.engines.get(engine);
    if (!e) this.engines.set(engine, (e = { labels: new Map(), refreshedAt: 0 }));
    return e;
  }

  remember(engine: string, containers: readonly { id: string; labels: Readonly<Record<string, string>> }[]): void {
    const e = this.entry(engine);
    for (const c of containers) e.labels.set(c.id, c.labels);
    // Bound: an engine has at most a few thousand containers; drop the oldest beyond that.
    while (e.labels.size > 10_000) e.labels.delete(e.labels.keys().next().value!);
  }

  /** Labels known now; kicks off a refresh for an unknown id. */
  labelsOf(engine: string, id: string): Readonly<Record<string, string>> | undefined {
    const e = this.entry(engine);
    const known = e.labels.get(id);
    if (!known) void this.refresh(engine);
    return known;
  }

  /** Whether a container id is visible under `scope` as far as is known now (unknown: no). */
  visible(scope: AccessScope | null | undefined, engine: string, id: string): boolean {
    if (!isScoped(scope)) return true;
    if (!engineInScope(scope, engine)) return false;
    if (!hasLabelSelectors(scope)) return true;
    const labels = this.labelsOf(engine, id);
    return !!labels && containerInScope(scope, engine, labels);
  }

  /** Re-reads an engine's containers (at most once a second). */
  refresh(engine: string): Promise<void> {
    const e = this.entry(engine);
    if (e.refreshing) return e.refreshing;
    if (Date.now() - e.refreshedAt < REFRESH_MIN_MS) return Promise.resolve();
    e.refreshing = this.list(engine)
      .then((list) => this.remember(engine, list))
      .catch(() => undefined)
      .finally(() => {
        e.refreshedAt = Date.now();
        e.refreshing = undefined;
      });
    return e.refreshing;
  }
}

/** The runtime's label directory, created on first use. */
export function scopeLabels(rt: Runtime): ScopeLabels {
  rt.scopeLabels ??= new ScopeLabels(async (engine) => containerUsage(await rt.engines.reachable(engine)));
  return rt.scopeLabels;
}

/** What a scoped principal sees on one engine: in-scope container ids and the resources they use. Null: everything. */
export interface ScopeView {
  containers: Set<string>;
  images: Set<string>;
  imageRefs: Set<string>;
  networks: Set<string>;
  volumes: Set<string>;
  /** In-scope containers per image id. */
  imageUse: Map<string, number>;
}

/** The principal's view of an engine (one container list call for label-scoped principals only). */
export async function scopeView(rt: Runtime, user: AuthUser | null | undefined, engineId: string): Promise<ScopeView | null> {
  const usage = await usageInScope(rt, user?.scope, engineId);
  if (!usage) return null;
  return {
    containers: new Set(usage.map((c) => c.id)),
    images: new Set(usage.map((c) => c.imageId)),
    imageRefs: new Set(usage.map((c) => c.image)),
    networks: new Set(usage.flatMap((c) => c.networks)),
    volumes: new Set(usage.flatMap((c) => c.volumes)),
    imageUse: usage.reduce((m, c) => m.set(c.imageId, (m.get(c.imageId) ?? 0) + 1), new Map<string, number>()),
  };
}

/** Keeps `usedBy`-style container lists to the containers in view. */
export function usedByInView<T extends { id: string }>(view: ScopeView | null, usedBy: readonly T[]): T[] {
  return view ? usedBy.filter((c) => view.containers.has(c.id)) : [...usedBy];
}

/** Whether each (engine, container id) is visible to the principal, after refreshing the label directory for those engines. */
export async function visibleContainerIds(
  rt: Runtime,
  user: AuthUser | null | undefined,
  items: readonly { engine: string; containerId: string }[],
): Promise<boolean[]> {
  if (!isScoped(user?.scope)) return items.map(() => true);
  const dir = scopeLabels(rt);
  const unknown = new Set(items.filter((i) => engineInScope(user.scope, i.engine) && dir.labelsOf(i.engine, i.containerId) === undefined).map((i) => i.engine));
  await Promise.all([...unknown].map((e) => dir.refresh(e)));
  return items.map((i) => dir.visible(user.scope, i.engine, i.containerId));
}

/** The firing (unsilenced) count a principal may know of: only its own containers' incidents for a scoped one. */
export async function firingCountFor(rt: Runtime, user: AuthUser | null | undefined): Promise<number | null> {
  if (!isScoped(user?.scope)) return null;
  const rows = await rt.db.selectFrom("alerts").select(["engine", "container_id"]).where("status", "=", "firing").where("silenced", "=", 0).execute();
  const seen = await visibleContainerIds(
    rt,
    user,
    rows.map((r) => ({ engine: r.engine, containerId: r.container_id })),
  );
  return seen.filter(Boolean).length;
}

/** Names of the containers a scoped principal may see, over its engines; null for an unscoped one (it sees every name). */
export async function visibleContainerNames(rt: Runtime, user: AuthUser | null | undefined): Promise<Set<string> | null> {
  if (!isScoped(user?.scope)) return null;
  const names = new Set<string>();
  for (const engine of rt.engines.list()) {
    if (!engineInScope(user.scope, engine.id)) continue;
    const all = await containerUsage(engine).catch(() => []); // an unreachable engine shows none of its names
    scopeLabels(rt).remember(engine.id, all); // the same list the label directory reads: keep what it told us
    for (const c of all) if (labelsInScope(user.scope, c.labels)) names.add(c.name);
  }
  return names;
}
