import { can, type Action } from "@/lib/policy";
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
  if (!can(user.role, action)) throw forbidden(`Role "${user.role}" may not ${action.replace(":", " ")}`);
}
