"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { parseViewState, serializeViewState, type LogViewState } from "@/lib/logs/url-state";

const SEARCH_DEBOUNCE_MS = 300;

/**
 * The view state lives in the URL (shareable links); this reads it and replaces it. The search
 * text answers every keystroke from local state and reaches the URL after a pause, so typing is
 * not slowed by navigation.
 *
 * `history.replaceState` rather than `router.replace`: Next.js syncs it into useSearchParams, and
 * it does not ask the server for the (dynamic) page again — a toggle flips at once, not after a
 * round trip, which matters when the tab is already busy with a fast stream.
 */
export function useViewState(): {
  state: LogViewState;
  update: (patch: Partial<LogViewState>) => void;
  search: string;
  setSearch: (q: string) => void;
} {
  const pathname = usePathname();
  const sp = useSearchParams();
  const state = useMemo(() => parseViewState(sp), [sp]);
  const stateRef = useRef(state);
  stateRef.current = state;

  const update = useCallback(
    (patch: Partial<LogViewState>) => {
      const next = { ...stateRef.current, ...patch };
      stateRef.current = next;
      // `null` state: Next.js then treats it as an app update and syncs useSearchParams.
      window.history.replaceState(null, "", pathname + serializeViewState(next));
    },
    [pathname],
  );

  const [search, setSearchState] = useState(state.q);
  const pushed = useRef(state.q);
  useEffect(() => {
    if (search === state.q) return;
    const t = setTimeout(() => {
      pushed.current = search;
      update({ q: search });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [search, state.q, update]);
  useEffect(() => {
    // A pasted link or back/forward changed q: follow it, unless it is our own debounced write.
    if (state.q !== pushed.current) {
      pushed.current = state.q;
      setSearchState(state.q);
    }
  }, [state.q]);

  const setSearch = useCallback((q: string) => setSearchState(q), []);
  return { state, update, search, setSearch };
}
