/**
 * Paths inside a volume, as the browser asks for them. Only plain relative segments are
 * accepted: no `..`, no NUL, no backslashes; the result is always `/`-rooted inside the volume
 * and never escapes it, whatever the input.
 */
export function safeVolumePath(input: string): string | null {
  if (input.length > 4096 || /[\0\\]/.test(input)) return null;
  const segments = input.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.some((s) => s === "..")) return null;
  return "/" + segments.join("/");
}

/** The mount point of the browsed volume inside the helper container, joined with a safe path. */
export function helperPath(mount: string, safe: string): string {
  return safe === "/" ? mount : `${mount}${safe}`;
}

/** Parent of a safe path ("/a/b" → "/a", "/a" → "/"). */
export function parentPath(safe: string): string {
  const i = safe.lastIndexOf("/");
  return i <= 0 ? "/" : safe.slice(0, i);
}
