import { hash, verify } from "@node-rs/argon2";
import { processState } from "@/server/runtime";

/** argon2id (value 2 of @node-rs/argon2's Algorithm enum) with OWASP's minimum parameters. */
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/**
 * A hash of a random password, verified against for unknown users so timing does not reveal who
 * exists. Process-wide (server/runtime.ts `processState`): computed once, not once per Next bundle.
 */
const dummyHash = (): Promise<string> => processState("dummyPasswordHash", () => hashPassword(crypto.randomUUID()));

export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    await verify(await dummyHash(), password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
