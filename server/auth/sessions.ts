import type { AuthUser } from "@/lib/wire";
import type { Db } from "@/server/store/db";
import { parseStoredScope } from "./scope";
import { newSecret, sha256 } from "./tokens";

export const SESSION_COOKIE = "berth_session";
/** Signed out after this long without a request. */
export const IDLE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** Signed out this long after login, however active. */
export const ABSOLUTE_TIMEOUT_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface SessionInfo {
  token: string;
  expiresAt: Date;
}

/** Creates a session for `userId`; the cookie value is returned once and only its hash is stored. */
export async function createSession(db: Db, userId: number, meta: { ip?: string; userAgent?: string }): Promise<SessionInfo> {
  const token = newSecret();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS);
  await db
    .insertInto("sessions")
    .values({
      id_hash: sha256(token),
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 256) ?? null,
    })
    .execute();
  return { token, expiresAt };
}

/** The user behind a session cookie, or null when it is unknown, idle too long or past its absolute expiry. */
export async function userForSession(db: Db, token: string | undefined | null): Promise<AuthUser | null> {
  if (!token) return null;
  const idHash = sha256(token);
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["users.id", "users.username", "users.role", "users.scope", "sessions.last_seen_at", "sessions.expires_at"])
    .where("sessions.id_hash", "=", idHash)
    .executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  const lastSeen = Date.parse(row.last_seen_at);
  if (now > Date.parse(row.expires_at) || now - lastSeen > IDLE_TIMEOUT_MS) {
    await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
    return null;
  }
  if (now - lastSeen > TOUCH_EVERY_MS) {
    await db
      .updateTable("sessions")
      .set({ last_seen_at: new Date(now).toISOString() })
      .where("id_hash", "=", idHash)
      .execute();
  }
  const scope = parseStoredScope(row.scope);
  return { id: row.id, username: row.username, role: row.role, ...(scope ? { scope } : {}) };
}

export async function deleteSession(db: Db, token: string | undefined | null): Promise<void> {
  if (token) await db.deleteFrom("sessions").where("id_hash", "=", sha256(token)).execute();
}

/** Ends every session of a user (password change, role change, removal). */
export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

/** Reads one cookie from a raw Cookie header (socket.io handshakes have no parsed cookies). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
