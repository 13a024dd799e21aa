"use client";

import { useCallback, useSyncExternalStore } from "react";
import { parseWrapPreference, WRAP_PREFERENCE_KEY } from "@/lib/logs/url-state";

/** Phone-sized (below Tailwind's `sm`): wrapped by default there. */
const NARROW = "(max-width: 639px)";

/** Same-tab writes: the `storage` event only reaches other tabs. */
const LOCAL_EVENT = "berth:logs-wrap";

function subscribe(onChange: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === WRAP_PREFERENCE_KEY) onChange();
  };
  window.addEventListener("storage", onStorage);
  window.addEventListener(LOCAL_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onStorage);
    window.removeEventListener(LOCAL_EVENT, onChange);
  };
}

function read(): boolean {
  try {
    return parseWrapPreference(window.localStorage.getItem(WRAP_PREFERENCE_KEY), window.matchMedia(NARROW).matches);
  } catch {
    return window.matchMedia(NARROW).matches; // storage disabled (privacy mode): no preference
  }
}

/**
 * The user's "wrap long lines" preference, kept in localStorage so every log view opens the way
 * they left the last one (wrapped on a phone until they choose). The server render has no storage and assumes off; the browser then
 * reads the real value before the first lines arrive.
 */
export function useWrapPreference(): [boolean, (on: boolean) => void] {
  const value = useSyncExternalStore(subscribe, read, () => false);
  const set = useCallback((on: boolean) => {
    try {
      window.localStorage.setItem(WRAP_PREFERENCE_KEY, on ? "1" : "0");
    } catch {
      // Not remembered; the URL still carries it.
    }
    window.dispatchEvent(new Event(LOCAL_EVENT));
  }, []);
  return [value, set];
}
