import type { AccessScope, Role, UserSummary } from "@/lib/wire";
import type { Db } from "@/server/store/db";
import { HttpError, notFound } from "@/server/http/errors";
import { hashPassword } from "./passwords";
import { parseStoredScope, serializeScope } from "./scope";
import { deleteUserSessions } from "./sessions";

type Row = { id: number; username: string; role: Role; created_at: string; scope: string | null };
const COLUMNS = ["id", "username", "role", "created_at", "scope"] as const;
const toSummary = (r: Row): UserSummary => {
  const scope = parseStoredScope(r.scope);
  return { id: r.id, username: r.username, role: r.role, createdAt: r.created_at, ...(scope ? { scope } : {}) };
};

export async function listUsers(db: Db): Promise<UserSummary[]> {
  return (await db.selectFrom("users").select(COLUMNS).orderBy("username").execute()).map(toSummary);
}

export async function createUser(db: Db, input: { username: string; password: string; role: Role; scope?: AccessScope | null }): Promise<UserSummary> {
  if (await db.selectFrom("users").select("id").where("username", "=", input.username).executeTakeFirst()) {
    throw new HttpError(409, "conflict", `User "${input.username}" already exists`, "username");
  }
  const row = await db
    .insertInto("users")
    .values({
      username: input.username,
      password_hash: await hashPassword(input.password),
      role: input.role,
      created_at: new Date().toISOString(),
      scope: serializeScope(input.scope),
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toSummary(row);
}

async function adminCount(db: Db): Promise<number> {
  const r = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("role", "=", "admin")
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function getUser(db: Db, id: number): Promise<Row> {
  const row = await db.selectFrom("users").select(COLUMNS).where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound(`No user with id ${id}`);
  return row;
}

/**
 * Changes role, password and/or scope (`scope: null` makes the user unscoped); ends the user's
 * sessions so the change takes effect at once. Keeps at least one admin.
 */
export async function updateUser(db: Db, id: number, input: { role?: Role; password?: string; scope?: AccessScope | null }): Promise<UserSummary> {
  const user = await getUser(db, id);
  if (input.role && input.role !== "admin" && user.role === "admin" && (await adminCount(db)) <= 1) {
    throw new HttpError(409, "conflict", "This is the last admin: make another admin first");
  }
  await db
    .updateTable("users")
    .set({
      ...(input.role ? { role: input.role } : {}),
      ...(input.password ? { password_hash: await hashPassword(input.password) } : {}),
      ...(input.scope !== undefined ? { scope: serializeScope(input.scope) } : {}),
    })
    .where("id", "=", id)
    .execute();
  await deleteUserSessions(db, id);
  return getUser(db, id).then(toSummary);
}

export async function deleteUser(db: Db, id: number, actingUserId: number): Promise<UserSummary> {
  const user = await getUser(db, id);
  if (id === actingUserId) throw new HttpError(409, "conflict", "You cannot delete your own account");
  if (user.role === "admin" && (await adminCount(db)) <= 1) throw new HttpError(409, "conflict", "This is the last admin");
  await db.deleteFrom("users").where("id", "=", id).execute();
  return toSummary(user);
}
