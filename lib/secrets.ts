import type { EnvEntry } from "./wire";

/**
 * Env keys whose values we treat as secrets. Matches whole words inside the key
 * (DB_PASSWORD, API_TOKEN, AWS_SECRET_ACCESS_KEY, PGPASS) but not words that merely contain
 * the letters (KEYBOARD_LAYOUT, MONKEY, TOKENIZER_MODEL).
 */
const SECRET_WORDS = ["PASSWORD", "PASSWD", "PASS", "TOKEN", "SECRET", "KEY", "APIKEY", "CREDENTIAL", "CREDENTIALS", "DSN"];

export const MASK = "••••••••";

export function isSecretKey(key: string): boolean {
  const words = key
    .toUpperCase()
    .split(/[^A-Z0-9]+|(?<=[a-z])(?=[A-Z])/)
    .filter(Boolean);
  if (words.some((w) => SECRET_WORDS.includes(w))) return true;
  // Glued forms without separators: PGPASSWORD, MYSQL_ROOTPASSWORD, GITHUBTOKEN.
  const upper = key.toUpperCase();
  return /(PASSWORD|PASSWD|TOKEN|SECRET|APIKEY|PRIVATEKEY)/.test(upper);
}

/** A URL with a password in it (`postgres://user:secret@db/app`), whatever its key is called. */
const URL_WITH_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:[^/\s@]+@/i;

export function isSecretValue(value: string): boolean {
  return URL_WITH_PASSWORD.test(value);
}

/** Splits Docker's `KEY=value` env strings and masks secret values unless `reveal` is set. */
export function toEnvEntries(env: readonly string[] | null | undefined, reveal: boolean): EnvEntry[] {
  return (env ?? []).map((line) => {
    const eq = line.indexOf("=");
    const key = eq === -1 ? line : line.slice(0, eq);
    const value = eq === -1 ? "" : line.slice(eq + 1);
    const secret = value !== "" && (isSecretKey(key) || isSecretValue(value));
    return { key, value: secret && !reveal ? null : value, secret };
  });
}

/** Docker's `KEY=value` list with secret values replaced by a fixed mask (for the raw inspect JSON). */
export function maskEnvList(env: readonly string[] | null | undefined): string[] | null {
  if (!env) return null;
  return toEnvEntries(env, false).map((e) => (e.value === null ? `${e.key}=${MASK}` : `${e.key}=${e.value}`));
}
