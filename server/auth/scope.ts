import type { Action } from "@/lib/policy";
import type { AccessScope } from "@/lib/wire";

/**
 * Access scopes: which engines and which containers a user or API token may see at all.
 *
 * - `engines`: the engine ids the principal may use; absent or empty means every engine.
 * - `labels`: selectors on container labels, `key=value` (that value) or `key` (present with any
 *   value). A container is in scope when it matches AT LEAST ONE selector (OR): "containers of
 *   team A or of project B" is what a team means by a scope. Absent or empty means every container.
 *
 * A principal with neither is unscoped and behaves exactly as before scopes existed. Everything
 * here is pure so the guard, the list filters and the push fan-out decide alike.
 */

/** Actions that change objects shared across scopes (images, networks, volumes, users, settings…): only unscoped principals may. */
export const UNSCOPED_ONLY_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  "users:manage",
  "audit:read",
  "alerts:manage",
  "alerts:silence",
  "registries:manage",
  "images:pull",
  "images:tag",
  "images:push",
  "images:remove",
  "images:prune",
  "networks:connect",
  "networks:create",
  "networks:remove",
  "networks:prune",
  "volumes:create",
  "volumes:restore",
  "volumes:remove",
  "volumes:prune",
  "system:prune",
]);

/** Whether a scope limits anything (an empty or missing scope does not). */
export function isScoped(scope: AccessScope | null | undefined): scope is AccessScope {
  return !!scope && (!!scope.engines?.length || !!scope.labels?.length);
}

/** Whether the scope has label selectors, i.e. hides some containers of its engines. */
export function hasLabelSelectors(scope: AccessScope | null | undefined): boolean {
  return !!scope?.labels?.length;
}

/** `key=value` → { key, value }; `key` → { key } (presence). */
export function parseSelector(selector: string): { key: string; value?: string } {
  const eq = selector.indexOf("=");
  return eq < 0 ? { key: selector } : { key: selector.slice(0, eq), value: selector.slice(eq + 1) };
}

/** Whether one selector matches a container's labels. */
export function selectorMatches(selector: string, labels: Readonly<Record<string, string>>): boolean {
  const { key, value } = parseSelector(selector);
  if (!Object.prototype.hasOwnProperty.call(labels, key)) return false;
  return value === undefined || labels[key] === value;
}

/** Whether `engine` may be used under `scope`. */
export function engineInScope(scope: AccessScope | null | undefined, engine: string): boolean {
  if (!scope?.engines?.length) return true;
  return scope.engines.includes(engine);
}

/** Whether labels match the scope's selectors (any one of them); true without selectors. */
export function labelsInScope(scope: AccessScope | null | undefined, labels: Readonly<Record<string, string>> | null | undefined): boolean {
  if (!scope?.labels?.length) return true;
  const l = labels ?? {};
  return scope.labels.some((s) => selectorMatches(s, l));
}

/** Whether a container (its engine and labels) is visible under `scope`. */
export function containerInScope(scope: AccessScope | null | undefined, engine: string, labels: Readonly<Record<string, string>> | null | undefined): boolean {
  return engineInScope(scope, engine) && labelsInScope(scope, labels);
}

/** Keeps the items whose labels are in scope (lists, pushes, metrics). */
export function filterInScope<T>(
  scope: AccessScope | null | undefined,
  engine: string,
  items: readonly T[],
  labelsOf: (item: T) => Readonly<Record<string, string>> | undefined,
): T[] {
  if (!isScoped(scope)) return [...items];
  if (!engineInScope(scope, engine)) return [];
  return items.filter((i) => labelsInScope(scope, labelsOf(i)));
}

/** Whether everything `inner` selects is selected by `outer` too: `k=v` is covered by `k=v` or `k`; `k` only by `k`. */
function selectorCovered(inner: string, outer: readonly string[]): boolean {
  const i = parseSelector(inner);
  return outer.some((o) => {
    const p = parseSelector(o);
    return p.key === i.key && (p.value === undefined || p.value === i.value);
  });
}

/**
 * Whether `inner` is no wider than `outer` (a token against its creator). An unscoped outer covers
 * everything; a scoped outer needs the inner to limit the same dimensions at least as tightly.
 */
export function scopeWithin(inner: AccessScope | null | undefined, outer: AccessScope | null | undefined): boolean {
  if (!isScoped(outer)) return true;
  if (outer.engines?.length && !(inner?.engines?.length && inner.engines.every((e) => outer.engines!.includes(e)))) return false;
  if (outer.labels?.length && !(inner?.labels?.length && inner.labels.every((s) => selectorCovered(s, outer.labels!)))) return false;
  return true;
}

/** The scope stored for a principal: null when it limits nothing, otherwise only its non-empty parts, de-duplicated. */
export function normalizeScope(scope: AccessScope | null | undefined): AccessScope | null {
  if (!isScoped(scope)) return null;
  return {
    ...(scope.engines?.length ? { engines: [...new Set(scope.engines)] } : {}),
    ...(scope.labels?.length ? { labels: [...new Set(scope.labels)] } : {}),
  };
}

/** Reads a stored scope (JSON text, or null). A corrupt value denies everything rather than nothing. */
export function parseStoredScope(text: string | null | undefined): AccessScope | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as AccessScope;
    const engines = Array.isArray(v?.engines) ? v.engines.filter((e): e is string => typeof e === "string") : undefined;
    const labels = Array.isArray(v?.labels) ? v.labels.filter((e): e is string => typeof e === "string") : undefined;
    return normalizeScope({ engines, labels });
  } catch {
    // An engine id no engine has: sees nothing, which is the safe failure.
    return { engines: ["-"] };
  }
}

/** The stored form of a scope. */
export function serializeScope(scope: AccessScope | null | undefined): string | null {
  const n = normalizeScope(scope);
  return n ? JSON.stringify(n) : null;
}

/** Human words for a scope, used in refusals: "engines local; labels team=payments or project". */
export function describeScope(scope: AccessScope): string {
  const parts = [
    scope.engines?.length ? `engines ${scope.engines.join(", ")}` : "",
    scope.labels?.length ? `containers labelled ${scope.labels.join(" or ")}` : "",
  ];
  return parts.filter(Boolean).join(" and ");
}
