/** Irregular plurals of the nouns Berth counts; everything else takes an "s". */
const IRREGULAR: Record<string, string> = {
  entry: "entries",
  registry: "registries",
};

/** The plural form of a noun ("volume" → "volumes", "entry" → "entries"). */
export function pluralNoun(noun: string): string {
  return IRREGULAR[noun] ?? `${noun}s`;
}

/**
 * A count with its noun in the right number: `plural(1, "volume")` → "1 volume", `plural(3, "volume")`
 * → "3 volumes", `plural(0, "entry")` → "0 entries". Give `many` for a plural the table does not know.
 * Numbers at or above 10 000 get thousands separators.
 */
export function plural(n: number, one: string, many: string = pluralNoun(one)): string {
  const count = Math.abs(n) >= 10_000 ? n.toLocaleString("en-US") : String(n);
  return `${count} ${n === 1 ? one : many}`;
}
