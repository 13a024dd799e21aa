"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { parseViewState, serializeViewState, withPatch, type LogViewState } from "@/lib/logs/url-state";

const SEARCH_DEBOUNCE_MS = 300;

/**
 * The view state lives in the URL (shareable links). The page renders from a local copy that
 * changes at once, and the URL follows:
 *
 * - `history.replaceState` rather than `router.replace`: Next.js syncs it into useSearchParams
 *   without asking the server for the (dynamic) page again.
 * - The local copy, because Next applies URL changes in a transition, and a transition keeps
 *   losing to the stream's own renders while lines flood in: a toggle must flip on the click.
 * - The search text reaches the URL after a pause, so typing never waits on it.
 *
 * A URL changed from outside (back/forward, a pasted link, a link in the page) is adopted.
 */
export function useViewState(): {
  state: LogViewState;
  update: (patch: Partial<LogViewState>) => void;
  search: string;
  setSearch: (q: string) => void;
} {
  const pathname = usePathname();
  const sp = useSearchParams();
  const fromUrl = useMemo(() => parseViewState(sp), [sp]);
  const [state, setState] = useState(fromUrl);
  const stateRef = useRef(state);
  const written = useRef(serializeViewState(fromUrl));

  useEffect(() => {
    const qs = serializeViewState(fromUrl);
    if (qs === written.current) return; // our own write coming back
    written.current = qs;
    stateRef.current = fromUrl;
    setState(fromUrl);
  }, [fromUrl]);

  const update = useCallback(
    (patch: Partial<LogViewState>) => {
      const next = withPatch(stateRef.current, patch);
      stateRef.current = next;
      setState(next);
      written.current = serializeViewState(next);
      // `null` state: Next.js then treats it as an app update and syncs useSearchParams.
      window.history.replaceState(null, "", pathname + written.current);
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
