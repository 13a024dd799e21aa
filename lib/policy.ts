import type { Role } from "./wire";

/**
 * The one authorization policy, shared by the server guard (which enforces it) and the UI
 * (which only hides what the server would refuse). Deny by default: an action not listed here
 * is refused for everyone.
 */
export const ROLE_RANK: Readonly<Record<Role, number>> = { viewer: 1, operator: 2, admin: 3 };

export const ROLES = ["viewer", "operator", "admin"] as const satisfies readonly Role[];

const MINIMUM_ROLE = {
  "session:read": "viewer",
  "engines:read": "viewer",
  "containers:read": "viewer",
  "containers:logs": "viewer",
  "containers:stats": "viewer",
  "containers:lifecycle": "operator",
  "containers:exec": "operator",
  "containers:create": "admin",
  "containers:remove": "admin",
  "containers:reveal-secrets": "admin",
  "events:subscribe": "viewer",
  "users:manage": "admin",
  "tokens:manage": "admin",
  "audit:read": "admin",
  "alerts:read": "viewer",
  "alerts:ack": "operator",
  "alerts:silence": "operator",
  "alerts:manage": "admin",
  "images:read": "viewer",
  "images:pull": "operator",
  "images:tag": "operator",
  "images:push": "admin",
  "images:remove": "admin",
  "images:prune": "admin",
  "networks:read": "viewer",
  "networks:connect": "operator",
  "networks:create": "admin",
  "networks:remove": "admin",
  "networks:prune": "admin",
  "volumes:read": "viewer",
  "volumes:browse": "operator",
  "volumes:backup": "admin",
  "volumes:create": "admin",
  "volumes:restore": "admin",
  "volumes:remove": "admin",
  "volumes:prune": "admin",
  "system:read": "viewer",
  "system:events": "viewer",
  "system:prune": "admin",
  "registries:manage": "admin",
} as const satisfies Record<string, Role>;

export type Action = keyof typeof MINIMUM_ROLE;

/** Whether `role` may perform `action`. Unknown actions and missing roles are denied. */
export function can(role: Role | null | undefined, action: Action): boolean {
  if (!role || !(role in ROLE_RANK)) return false;
  const needed = (MINIMUM_ROLE as Record<string, Role | undefined>)[action];
  if (!needed) return false;
  return ROLE_RANK[role] >= ROLE_RANK[needed];
}
