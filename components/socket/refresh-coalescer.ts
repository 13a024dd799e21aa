import type { QueryClient, QueryKey } from "@tanstack/react-query";

/**
 * Turns bursts of "this changed" notices into a steady trickle of refetches.
 *
 * A busy engine can emit several container events a second. Invalidating on each one would
 * cancel the list request in flight and start another, so on a slow server the list could be
 * cancelled forever and never arrive. Instead: refetch at once if idle, never cancel a running
 * request, and when notices arrived meanwhile, refetch once more after it lands (at most one
 * refetch per key every MIN_GAP_MS).
 */
const MIN_GAP_MS = 750;
const WAIT_FOR_FETCH_MS = 200;

interface Slot {
  timer: ReturnType<typeof setTimeout> | null;
  dirty: boolean;
}

const slots = new WeakMap<QueryClient, Map<string, Slot>>();

function slotFor(qc: QueryClient, key: QueryKey): Slot {
  let byKey = slots.get(qc);
  if (!byKey) slots.set(qc, (byKey = new Map()));
  const id = JSON.stringify(key);
  let slot = byKey.get(id);
  if (!slot) byKey.set(id, (slot = { timer: null, dirty: false }));
  return slot;
}

/** Asks for a fresh copy of the query with exactly this key, coalesced as described above. */
export function requestRefresh(qc: QueryClient, key: QueryKey): void {
  const slot = slotFor(qc, key);
  slot.dirty = true;
  if (slot.timer) return;
  const fire = () => {
    slot.timer = null;
    if (!slot.dirty) return;
    const query = qc.getQueryCache().find({ queryKey: key, exact: true });
    if (query?.state.fetchStatus === "fetching") {
      // Its answer may predate the change: let it land, then ask again.
      slot.timer = setTimeout(fire, WAIT_FOR_FETCH_MS);
      return;
    }
    slot.dirty = false;
    void qc.invalidateQueries({ queryKey: key, exact: true }, { cancelRefetch: false });
    slot.timer = setTimeout(fire, MIN_GAP_MS);
  };
  fire();
}
