import { can, ROLES, type Action } from "@/lib/policy";
import type { AuthUser } from "@/lib/wire";
import { forbidden, unauthenticated } from "@/server/http/errors";

/** What an action is aimed at; object-level rules hang off this as they appear (engine scoping, ownership). */
export interface Target {
  engine?: string;
  container?: string;
}

/**
 * The one guard. Every route handler and every socket handshake and event calls it.
 * Throws 401 without a user and 403 when the policy (deny by default) refuses.
 */
export function authorize(user: AuthUser | null | undefined, action: Action, target: Target = {}): asserts user is AuthUser {
  if (!user) throw unauthenticated();
  void target;
  if (!can(user.role, action)) throw forbidden(refusal(user.role, action));
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
