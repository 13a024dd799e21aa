import type { ApiTokenSummary, AuthUser, Role } from "@/lib/wire";
import type { Db } from "@/server/store/db";
import { newSecret, sha256 } from "./tokens";

const TOKEN_PREFIX = "berth_";

/** Creates an API token; the secret is returned once and only its hash is kept. */
export async function createApiToken(db: Db, input: { name: string; role: Role; createdBy: number }): Promise<{ token: string; summary: ApiTokenSummary }> {
  const token = newSecret(TOKEN_PREFIX);
  const createdAt = new Date().toISOString();
  const prefix = token.slice(0, TOKEN_PREFIX.length + 6);
  const { id } = await db
    .insertInto("api_tokens")
    .values({ name: input.name, role: input.role, token_hash: sha256(token), prefix, created_by: input.createdBy, created_at: createdAt, last_used_at: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { token, summary: { id, name: input.name, role: input.role, createdAt, prefix } };
}

export async function listApiTokens(db: Db): Promise<ApiTokenSummary[]> {
  const rows = await db.selectFrom("api_tokens").selectAll().orderBy("id").execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    createdAt: r.created_at,
    prefix: r.prefix,
    ...(r.last_used_at ? { lastUsedAt: r.last_used_at } : {}),
  }));
}

export async function deleteApiToken(db: Db, id: number): Promise<boolean> {
  const res = await db.deleteFrom("api_tokens").where("id", "=", id).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** The principal behind a Bearer token. Tokens act as pseudo-users named `token:<name>` with the token's role. */
export async function userForApiToken(db: Db, token: string): Promise<AuthUser | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const hash = sha256(token);
  const row = await db.selectFrom("api_tokens").select(["id", "name", "role", "last_used_at"]).where("token_hash", "=", hash).executeTakeFirst();
  if (!row) return null;
  const now = new Date();
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000) {
    await db.updateTable("api_tokens").set({ last_used_at: now.toISOString() }).where("id", "=", row.id).execute();
  }
  return { id: -row.id, username: `token:${row.name}`, role: row.role };
}
