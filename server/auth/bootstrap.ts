import type { Db } from "@/server/store/db";
import { log } from "@/server/log";
import { passwordSchema } from "@/lib/schemas";
import { hashPassword } from "./passwords";
import { newSecret, safeEqual, sha256 } from "./tokens";

const SETUP_TOKEN_KEY = "setup_token_hash";

/**
 * First start: with no users, create `admin` from BERTH_ADMIN_PASSWORD, or else print a one-time
 * setup token that the setup page requires. There are never default credentials.
 */
export async function bootstrapAdmin(db: Db, adminPassword: string | undefined): Promise<{ setupToken?: string }> {
  const { count } = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  if (Number(count) > 0) {
    await db.deleteFrom("settings").where("key", "=", SETUP_TOKEN_KEY).execute();
    return {};
  }
  if (adminPassword) {
    const parsed = passwordSchema.safeParse(adminPassword);
    if (!parsed.success) throw new Error(`BERTH_ADMIN_PASSWORD: ${parsed.error.issues[0]?.message}`);
    await db
      .insertInto("users")
      .values({ username: "admin", password_hash: await hashPassword(adminPassword), role: "admin", created_at: new Date().toISOString() })
      .execute();
    log.info("created user admin from BERTH_ADMIN_PASSWORD");
    return {};
  }
  const setupToken = newSecret().slice(0, 24);
  await db
    .insertInto("settings")
    .values({ key: SETUP_TOKEN_KEY, value: sha256(setupToken) })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: sha256(setupToken) }))
    .execute();
  return { setupToken };
}

/** Whether Berth still waits for its first admin (the setup page is only open then). */
export async function needsSetup(db: Db): Promise<boolean> {
  const row = await db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  return !row;
}

async function setupState(db: Db, token: string): Promise<"open" | "bad-token" | "done"> {
  if (await db.selectFrom("users").select("id").limit(1).executeTakeFirst()) return "done";
  const row = await db.selectFrom("settings").select("value").where("key", "=", SETUP_TOKEN_KEY).executeTakeFirst();
  return row && safeEqual(row.value, sha256(token)) ? "open" : "bad-token";
}

/**
 * Consumes the setup token and creates the first admin, atomically: only one caller can win.
 * A closed setup or a wrong token is answered before the (deliberately slow) password hash, so
 * nobody can make Berth hash for them once it is set up.
 */
export async function completeSetup(db: Db, input: { token: string; username: string; password: string }): Promise<"ok" | "bad-token" | "done"> {
  const before = await setupState(db, input.token);
  if (before !== "open") return before;
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const state = await setupState(trx, input.token);
    if (state !== "open") return state;
    await trx
      .insertInto("users")
      .values({ username: input.username, password_hash: passwordHash, role: "admin", created_at: new Date().toISOString() })
      .execute();
    await trx.deleteFrom("settings").where("key", "=", SETUP_TOKEN_KEY).execute();
    return "ok";
  });
}
