import type { AccessScope, ApiTokenSummary, AuthUser, Role } from "@/lib/wire";
import type { Db } from "@/server/store/db";
import { isScoped, parseStoredScope, scopeWithin, serializeScope } from "./scope";
import { newSecret, sha256 } from "./tokens";

const TOKEN_PREFIX = "berth_";

/** Creates an API token; the secret is returned once and only its hash is kept. The caller checked the scope against the creator's. */
export async function createApiToken(
  db: Db,
  input: { name: string; role: Role; createdBy: number; scope?: AccessScope | null },
): Promise<{ token: string; summary: ApiTokenSummary }> {
  const token = newSecret(TOKEN_PREFIX);
  const createdAt = new Date().toISOString();
  const prefix = token.slice(0, TOKEN_PREFIX.length + 6);
  const { id } = await db
    .insertInto("api_tokens")
    .values({
      name: input.name,
      role: input.role,
      token_hash: sha256(token),
      prefix,
      created_by: input.createdBy,
      created_at: createdAt,
      last_used_at: null,
      scope: serializeScope(input.scope),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const scope = parseStoredScope(serializeScope(input.scope));
  return { token, summary: { id, name: input.name, role: input.role, createdAt, prefix, ...(scope ? { scope } : {}) } };
}

/** Every token, or (`createdBy`) only those one user made: a scoped admin sees and revokes only their own. */
export async function listApiTokens(db: Db, createdBy?: number): Promise<ApiTokenSummary[]> {
  let q = db.selectFrom("api_tokens").selectAll().orderBy("id");
  if (createdBy !== undefined) q = q.where("created_by", "=", createdBy);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    createdAt: r.created_at,
    prefix: r.prefix,
    ...(r.last_used_at ? { lastUsedAt: r.last_used_at } : {}),
    ...(r.scope ? { scope: parseStoredScope(r.scope)! } : {}),
  }));
}

export async function deleteApiToken(db: Db, id: number, createdBy?: number): Promise<boolean> {
  let q = db.deleteFrom("api_tokens").where("id", "=", id);
  if (createdBy !== undefined) q = q.where("created_by", "=", createdBy);
  const res = await q.executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/**
 * The principal behind a Bearer token. Tokens act as pseudo-users named `token:<name>` with the
 * token's role and scope. A token whose creator has since been limited more narrowly than the token
 * is refused: a token is never wider than the person who made it.
 */
export async function userForApiToken(db: Db, token: string): Promise<AuthUser | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const hash = sha256(token);
  const row = await db
    .selectFrom("api_tokens")
    .select(["id", "name", "role", "last_used_at", "scope", "created_by"])
    .where("token_hash", "=", hash)
    .executeTakeFirst();
  if (!row) return null;
  const now = new Date();
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000) {
    await db.updateTable("api_tokens").set({ last_used_at: now.toISOString() }).where("id", "=", row.id).execute();
  }
  const scope = parseStoredScope(row.scope);
  if (row.created_by !== null) {
    const creator = await db.selectFrom("users").select("scope").where("id", "=", row.created_by).executeTakeFirst();
    const creatorScope = parseStoredScope(creator?.scope);
    if (isScoped(creatorScope) && !scopeWithin(scope, creatorScope)) return null;
  }
  return { id: -row.id, username: `token:${row.name}`, role: row.role, ...(scope ? { scope } : {}) };
}
