import { can, ROLES, type Action } from "@/lib/policy";
import type { AuthUser } from "@/lib/wire";
import { forbidden, notFound, unauthenticated } from "@/server/http/errors";
import { describeScope, engineInScope, isScoped, labelsInScope, UNSCOPED_ONLY_ACTIONS } from "./scope";

/** What an action is aimed at: the engine, and the container (its reference and, once resolved, its labels). */
export interface Target {
  engine?: string;
  container?: string;
  image?: string;
  network?: string;
  volume?: string;
  /** The target container's labels, for scoped principals (resolved by the caller, see server/auth/scope-resolve.ts). */
  labels?: Readonly<Record<string, string>>;
  /** Set by the resolver when an image, network or volume is outside the scope: the not-found message to answer with. */
  hidden?: string;
}

/**
 * The one guard. Every route handler and every socket handshake and event calls it.
 * Throws 401 without a user, 403 when the role policy (deny by default) refuses or when a scoped
 * principal asks for an action on shared objects, and 404 — the same answer as for an object that
 * does not exist, so existence does not leak — when the target's engine or labels are outside the
 * principal's scope.
 */
export function authorize(user: AuthUser | null | undefined, action: Action, target: Target = {}): asserts user is AuthUser {
  if (!user) throw unauthenticated();
  if (!can(user.role, action)) throw forbidden(refusal(user.role, action));
  const scope = user.scope;
  if (!isScoped(scope)) return;
  if (target.engine !== undefined && !engineInScope(scope, target.engine)) throw notFound(`No engine "${target.engine}"`);
  if (UNSCOPED_ONLY_ACTIONS.has(action)) {
    throw forbidden(`Your access is limited to ${describeScope(scope)}: to ${ACTION_PHRASES[action]}, you need unscoped access.`);
  }
  if (target.hidden !== undefined) throw notFound(target.hidden);
  if (target.labels !== undefined && !labelsInScope(scope, target.labels)) throw notFound(`No such container: ${target.container ?? ""}`.trim());
}

/** For reads that span every container of an engine (prune previews): only unscoped principals get them. */
export function assertUnscoped(user: AuthUser | null | undefined, what: string): void {
  if (user && isScoped(user.scope)) throw forbidden(`Your access is limited to ${describeScope(user.scope)}: ${what} needs unscoped access.`);
}

/** What each action lets one do, worded to follow "A viewer cannot …". */
const ACTION_PHRASES: Record<Action, string> = {
  "session:read": "use Berth",
  "engines:read": "see engines",
  "containers:read": "see containers",
  "containers:logs": "read container logs",
  "containers:stats": "see container stats",
  "containers:lifecycle": "start, stop or restart containers",
  "containers:exec": "open a shell in containers",
  "containers:create": "create containers",
  "containers:remove": "remove containers",
  "containers:reveal-secrets": "reveal container secrets",
  "events:subscribe": "follow engine events",
  "users:manage": "manage users",
  "tokens:manage": "manage API tokens",
  "audit:read": "read the audit log",
  "alerts:read": "see alerts",
  "alerts:ack": "acknowledge alerts",
  "alerts:silence": "silence alerts",
  "alerts:manage": "change alert rules",
  "images:read": "see images",
  "images:pull": "pull images",
  "images:tag": "tag images",
  "images:push": "push images",
  "images:remove": "remove images",
  "images:prune": "prune images",
  "networks:read": "see networks",
  "networks:connect": "connect containers to networks",
  "networks:create": "create networks",
  "networks:remove": "remove networks",
  "networks:prune": "prune networks",
  "volumes:read": "see volumes",
  "volumes:browse": "browse volume files",
  "volumes:backup": "back up volumes",
  "volumes:create": "create volumes",
  "volumes:restore": "restore volumes",
  "volumes:remove": "remove volumes",
  "volumes:prune": "prune volumes",
  "system:read": "see the engine's system information",
  "system:events": "follow system events",
  "system:prune": "prune the system",
  "registries:manage": "manage registry credentials",
};

/** The sentence a refused user reads: "A viewer cannot restart containers (this needs the operator role)." */
export function refusal(role: string, action: Action): string {
  const article = /^[aeiou]/i.test(role) ? "An" : "A";
  const needed = ROLES.find((r) => can(r, action));
  return `${article} ${role} cannot ${ACTION_PHRASES[action] ?? action.replace(":", " ")}${needed ? ` (this needs the ${needed} role)` : ""}.`;
}
