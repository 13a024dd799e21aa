/**
 * Docker's error texts sometimes name the engine's storage on the host ("lstat
 * /var/lib/docker/overlay2/3f…/merged/v/a: not a directory"). Those paths tell a user nothing they
 * can act on and describe the host: replace them before a message leaves the server.
 */

/** A host path under an engine's data root: the default root, or any path through its storage folders. */
const HOST_PATH =
  /(?:\/var\/lib\/docker|\/[^\s:"']*\/(?:overlay2|volumes|containers|image|aufs|btrfs|zfs|vfs|devicemapper|containerd|tmp)\/[0-9a-f]{12,})[^\s:"']*/g;
/** The volume mount inside Berth's helper container (`/v/…`), shown relative to the volume. */
const HELPER_PATH = /(^|[\s"'(])\/v(\/[^\s:"']*)?/g;

/** `message` with host storage paths replaced by "(engine storage)". */
export function withoutHostPaths(message: string, extraRoots: readonly string[] = []): string {
  let out = message.replace(HOST_PATH, "(engine storage)");
  for (const root of extraRoots) if (root.length > 1) out = out.split(root).join("(engine storage)");
  return out;
}

/** A helper's error text with its `/v/…` paths shown as paths inside the volume. */
export function helperPathsAsVolumePaths(message: string): string {
  return message.replace(HELPER_PATH, (_m, pre: string, rest: string | undefined) => `${pre}${rest ?? "/"}`);
}
