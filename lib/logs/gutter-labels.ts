/**
 * Gutter labels: names of a merged view without the prefix they all share up to a separator, so
 * "shop-api-1" and "shop-worker-1" read "api-1" and "worker-1" in a narrow column.
 */
export function gutterLabels(names: readonly string[]): string[] {
  if (names.length < 2) return [...names];
  let prefix = names[0]!; // two names or more
  for (const n of names) while (!n.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const cut = Math.max(prefix.lastIndexOf("-"), prefix.lastIndexOf("_"), prefix.lastIndexOf(".")) + 1;
  if (cut === 0 || names.some((n) => n.length <= cut)) return [...names];
  return names.map((n) => n.slice(cut));
}
