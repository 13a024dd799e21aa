"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

export type SortDir = "asc" | "desc";

export interface ListState {
  q: string;
  sort: string;
  dir: SortDir;
  filter: string;
}

/**
 * Search, sort and filter kept in the URL (shareable, survives reload), written with
 * history.replaceState like the containers list. The search box answers every keystroke; the
 * URL catches up after 250 ms.
 */
export function useListState(defaults: ListState) {
  const sp = useSearchParams();
  const state: ListState = useMemo(
    () => ({
      q: sp.get("q") ?? defaults.q,
      sort: sp.get("sort") ?? defaults.sort,
      dir: (sp.get("dir") as SortDir | null) === "desc" ? "desc" : sp.get("dir") === "asc" ? "asc" : defaults.dir,
      filter: sp.get("filter") ?? defaults.filter,
    }),
    [sp, defaults.q, defaults.sort, defaults.dir, defaults.filter],
  );
  const update = useCallback(
    (patch: Partial<ListState>) => {
      const cur = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === "" || v === (defaults as unknown as Record<string, string>)[k]) cur.delete(k);
        else cur.set(k, String(v));
      }
      const s = cur.toString();
      window.history.replaceState(window.history.state, "", window.location.pathname + (s ? `?${s}` : ""));
    },
    [defaults],
  );
  const [search, setSearch] = useState(state.q);
  const pushed = useRef(state.q);
  useEffect(() => {
    if (search === state.q) return;
    const t = setTimeout(() => {
      pushed.current = search;
      update({ q: search });
    }, 250);
    return () => clearTimeout(t);
  }, [search, state.q, update]);
  useEffect(() => {
    if (state.q !== pushed.current) {
      pushed.current = state.q;
      setSearch(state.q);
    }
  }, [state.q]);
  const onSort = useCallback(
    (key: string, defaultDir: SortDir = "asc") => update(key === state.sort ? { dir: state.dir === "asc" ? "desc" : "asc" } : { sort: key, dir: defaultDir }),
    [state.sort, state.dir, update],
  );
  return { state, update, search, setSearch, onSort };
}
