import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { RegistryCredentialSummary } from "@/lib/wire";
import type { Db } from "@/server/store/db";
import { EngineError } from "./errors";

/*
 * Registry credentials for pull and push. The password is encrypted with AES-256-GCM under a key
 * generated into BERTH_DATA_DIR (mode 600) on first use, so a copied database alone reveals
 * nothing. Secrets never leave the server: summaries carry the username only.
 */

const KEY_FILE = "registry.key";
const VERSION = "v1";

/** The data dir's registry key, created (32 random bytes, mode 600) when missing. */
export function registryKey(dataDir: string): Buffer {
  const file = path.join(dataDir, KEY_FILE);
  try {
    const key = fs.readFileSync(file);
    if (key.length !== 32) throw new Error(`${KEY_FILE} must hold 32 bytes`);
    return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  try {
    // wx: if another process won the race, use its key instead of overwriting it.
    fs.writeFileSync(file, key, { mode: 0o600, flag: "wx" });
    return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return fs.readFileSync(file);
    throw e;
  }
}

export function encryptSecret(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), ct.toString("base64")].join(":");
}

/** Decrypts; throws when the blob was altered or the key is not the one it was sealed with. */
export function decryptSecret(key: Buffer, blob: string): string {
  const [version, iv, tag, ct] = blob.split(":");
  if (version !== VERSION || !iv || !tag || ct === undefined) throw new Error("Unknown secret format");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64")), decipher.final()]).toString("utf8");
}

/**
 * The registry host of an image reference, as Docker decides it: the first path component when
 * it has a dot or a port or is `localhost`, otherwise Docker Hub.
 */
export function registryOf(ref: string): string {
  const slash = ref.indexOf("/");
  if (slash === -1) return "docker.io";
  const first = ref.slice(0, slash);
  if (first.includes(".") || first.includes(":") || first === "localhost") return first.toLowerCase();
  return "docker.io";
}

const HUB_ALIASES = new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);

function toSummary(r: { id: number; server_address: string; username: string; created_at: string; updated_at: string }): RegistryCredentialSummary {
  return { id: r.id, serverAddress: r.server_address, username: r.username, createdAt: r.created_at, updatedAt: r.updated_at };
}

export async function listRegistryCredentials(db: Db): Promise<RegistryCredentialSummary[]> {
  const rows = await db
    .selectFrom("registry_credentials")
    .select(["id", "server_address", "username", "created_at", "updated_at"])
    .orderBy("server_address")
    .execute();
  return rows.map(toSummary);
}

/** Saves (or replaces) the credential for a registry host. */
export async function saveRegistryCredential(
  db: Db,
  dataDir: string,
  input: { serverAddress: string; username: string; password: string },
): Promise<RegistryCredentialSummary> {
  const now = new Date().toISOString();
  const secret = encryptSecret(registryKey(dataDir), input.password);
  const existing = await db.selectFrom("registry_credentials").select("id").where("server_address", "=", input.serverAddress).executeTakeFirst();
  if (existing) {
    await db.updateTable("registry_credentials").set({ username: input.username, secret, updated_at: now }).where("id", "=", existing.id).execute();
  } else {
    await db
      .insertInto("registry_credentials")
      .values({ server_address: input.serverAddress, username: input.username, secret, created_at: now, updated_at: now })
      .execute();
  }
  const row = await db
    .selectFrom("registry_credentials")
    .select(["id", "server_address", "username", "created_at", "updated_at"])
    .where("server_address", "=", input.serverAddress)
    .executeTakeFirstOrThrow();
  return toSummary(row);
}

export async function deleteRegistryCredential(db: Db, id: number): Promise<string> {
  const row = await db.selectFrom("registry_credentials").select("server_address").where("id", "=", id).executeTakeFirst();
  if (!row) throw new EngineError("not_found", `No registry credential ${id}`, "");
  await db.deleteFrom("registry_credentials").where("id", "=", id).execute();
  return row.server_address;
}

export interface RegistryAuth {
  username: string;
  password: string;
  serveraddress: string;
}

/** dockerode `authconfig` (sent as X-Registry-Auth) for the registry of `ref`, when one is saved. */
export async function authForImage(db: Db, dataDir: string, ref: string): Promise<RegistryAuth | undefined> {
  const host = registryOf(ref);
  const candidates = HUB_ALIASES.has(host) ? [...HUB_ALIASES] : [host];
  const row = await db.selectFrom("registry_credentials").selectAll().where("server_address", "in", candidates).executeTakeFirst();
  if (!row) return undefined;
  let password: string;
  try {
    password = decryptSecret(registryKey(dataDir), row.secret);
  } catch {
    throw new EngineError(
      "credential_unreadable",
      `The saved credential for ${row.server_address} cannot be decrypted (was ${KEY_FILE} replaced?); save it again`,
      "",
    );
  }
  return { username: row.username, password, serveraddress: HUB_ALIASES.has(host) ? "https://index.docker.io/v1/" : row.server_address };
}
