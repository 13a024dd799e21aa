export type SortDir = "asc" | "desc";

/**
 * Sorts rows by a numeric or string key; missing values (null/undefined/NaN) always go last,
 * ties fall back to `name` so rows do not jump around between updates.
 */
export function sortRows<T extends { name: string }>(rows: readonly T[], key: keyof T, dir: SortDir): T[] {
  const sign = dir === "asc" ? 1 : -1;
  const missing = (v: unknown) => v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));
  return rows.slice().sort((a, b) => {
    const va = a[key];
    const vb = b[key];
    const ma = missing(va);
    const mb = missing(vb);
    if (ma !== mb) return ma ? 1 : -1;
    if (!ma && !mb && va !== vb) {
      const c = typeof va === "number" && typeof vb === "number" ? va - vb : String(va).localeCompare(String(vb));
      if (c !== 0) return c * sign;
    }
    return a.name.localeCompare(b.name);
  });
}

/** Next sort state when a header is clicked: a new numeric column starts descending (top consumers first). */
export function nextSort<K extends string>(current: { key: K; dir: SortDir }, key: K, numeric: boolean): { key: K; dir: SortDir } {
  if (current.key === key) return { key, dir: current.dir === "asc" ? "desc" : "asc" };
  return { key, dir: numeric ? "desc" : "asc" };
}
