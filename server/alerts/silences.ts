import type { AlertKind, SilenceWire } from "@/lib/alerts";

/** Whether an alert of `rule` on `containerName` falls under an active silence at `now`. */
export function isSilenced(silences: readonly SilenceWire[], rule: AlertKind, containerName: string, now: number): boolean {
  return silences.some((s) => Date.parse(s.until) > now && (!s.rule || s.rule === rule) && (!s.containerName || s.containerName === containerName));
}
