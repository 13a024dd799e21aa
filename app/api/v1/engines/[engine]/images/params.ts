/**
 * Image references carry `/` (and `:`), which the browser sends as %2F inside one path segment.
 * Next hands the segment over still encoded in some versions: decode it once, tolerating a stray `%`.
 */
export function imageParams<P extends { ref: string }>(p: P): P {
  if (!p.ref.includes("%")) return p;
  try {
    return { ...p, ref: decodeURIComponent(p.ref) };
  } catch {
    return p;
  }
}
